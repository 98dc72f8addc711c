// Issue 12 (17): a volume's persons and terms with each one's mentions, on real FRUS markup.
#include "glossary/glossarymentions.h"

#include "model/readingtext.h"
#include "parse/volumeloader.h"
#include "support/testdata.h"

#include <QMap>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

Volume load(const QString &name)
{
    Result<Volume> volume = loadVolume(test::dataPath(name));
    EXPECT_TRUE(volume) << volume.error().toString().toStdString();
    return volume ? std::move(volume).value() : Volume{};
}

// How many times each id is named by `element`/@`attribute` in the file, read independently (Qt's XML reader).
QMap<QString, int> namedInFile(const QString &name, const QString &element, const QString &attribute)
{
    QMap<QString, int> counts;
    QXmlStreamReader xml(test::readData(name));
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == element
            && xml.attributes().hasAttribute(attribute))
            ++counts[xml.attributes().value(attribute).toString().remove(u'#')];
    }
    return counts;
}

const QString kExtract = QStringLiteral("frus1961-63v09-d316-d318.xml");

TEST(GlossaryMentions, Issue12EveryPersonNamedInTheTextIsListedWithEachMention)
{
    const Volume volume = load(kExtract);
    const std::vector<GlossaryItem> persons = glossaryWithMentions(volume, EntityRef::Person);
    const QMap<QString, int> inFile = namedInFile(kExtract, QStringLiteral("persName"), QStringLiteral("corresp"));
    ASSERT_FALSE(inFile.isEmpty());
    QMap<QString, int> listed;
    for (const GlossaryItem &item : persons)
        listed[item.id] = int(item.mentions.size());
    EXPECT_EQ(listed, inFile);
    // By name; the extract has no list of persons, so each is named as the text names it.
    for (std::size_t i = 1; i < persons.size(); ++i)
        EXPECT_LE(persons[i - 1].entry.name.toLower(), persons[i].entry.name.toLower());
    const auto hodges = std::find_if(persons.begin(), persons.end(), [](const GlossaryItem &i) { return i.id == QStringLiteral("p_HLH1"); });
    ASSERT_NE(hodges, persons.end());
    EXPECT_FALSE(hodges->listed);
    EXPECT_TRUE(hodges->entry.name.contains(QStringLiteral("Hodges"))) << hodges->entry.name.toStdString();
}

TEST(GlossaryMentions, Issue12AMentionsPlaceIsTheWordsInTheReadingText)
{
    const Volume volume = load(kExtract);
    int checked = 0;
    for (EntityRef::Kind kind : {EntityRef::Person, EntityRef::Term}) {
        for (const GlossaryItem &item : glossaryWithMentions(volume, kind)) {
            for (const GlossaryMention &m : item.mentions) {
                const Document &doc = volume.documents.at(std::size_t(m.document));
                const QString text = m.footnote < 0 ? ReadingText(doc.body).text()
                                                    : plainText(doc.footnotes.at(std::size_t(m.footnote)).content);
                EXPECT_EQ(text.mid(m.offset, m.length).simplified(), m.words) << item.id.toStdString();
                EXPECT_TRUE(m.context.contains(m.words)) << m.context.toStdString();
                ++checked;
            }
        }
    }
    EXPECT_GT(checked, 20);
}

TEST(GlossaryMentions, Issue12TermsCountAsTheFileNamesThem)
{
    const Volume volume = load(kExtract);
    QMap<QString, int> listed;
    for (const GlossaryItem &item : glossaryWithMentions(volume, EntityRef::Term))
        listed[item.id] = int(item.mentions.size());
    EXPECT_EQ(listed, namedInFile(kExtract, QStringLiteral("gloss"), QStringLiteral("target")));
    EXPECT_EQ(listed.value(QStringLiteral("t_NSC1")), 9); // nine gloss target="#t_NSC1" in the file
    EXPECT_EQ(documentsNotRead(volume), 0);
}

} // namespace
} // namespace marginalia

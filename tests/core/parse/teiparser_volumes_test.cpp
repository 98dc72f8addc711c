// Whole real volumes through the TEI importer, checked against an independent DOM reading of the file.
#include "parse/teiparser.h"

#include "support/testdata.h"

#include <QDomDocument>
#include <QSet>

#include <gtest/gtest.h>

using namespace marginalia;

namespace {

struct Counts {
    int documents = 0, footnotes = 0, pageBreaks = 0, references = 0, internal = 0, resolved = 0;
};

void collectIds(const QDomElement &e, QSet<QString> &ids)
{
    const QString id = e.attributeNS(QStringLiteral("http://www.w3.org/XML/1998/namespace"), QStringLiteral("id"));
    if (!id.isEmpty())
        ids.insert(id);
    for (QDomElement c = e.firstChildElement(); !c.isNull(); c = c.nextSiblingElement())
        collectIds(c, ids);
}

void count(const QDomElement &e, bool inDocument, const QSet<QString> &ids, Counts &n)
{
    const QString name = e.localName();
    if (name == QLatin1String("div") && e.attribute(QStringLiteral("type")) == QLatin1String("document")) {
        ++n.documents;
        inDocument = true;
    }
    if (name == QLatin1String("pb"))
        ++n.pageBreaks;
    if (inDocument && name == QLatin1String("note") && e.attribute(QStringLiteral("rend")) != QLatin1String("inline"))
        ++n.footnotes;
    if (inDocument && name == QLatin1String("ref")) {
        ++n.references;
        const QString target = e.attribute(QStringLiteral("target"));
        if (target.startsWith(u'#')) {
            ++n.internal;
            if (ids.contains(target.mid(1)))
                ++n.resolved;
        }
    }
    for (QDomElement c = e.firstChildElement(); !c.isNull(); c = c.nextSiblingElement())
        count(c, inDocument, ids, n);
}

Counts domCounts(const QByteArray &data)
{
    QDomDocument dom;
    EXPECT_TRUE(dom.setContent(data, true));
    QSet<QString> ids;
    collectIds(dom.documentElement(), ids);
    Counts n;
    count(dom.documentElement(), false, ids, n);
    return n;
}

Volume parse(const QString &name)
{
    auto result = TeiParser::parse(test::readData(name), name);
    EXPECT_TRUE(result.has_value()) << (result ? "" : result.error().toString().toStdString());
    return result ? std::move(result).value() : Volume{};
}

void expectSameCounts(const QString &name, const Counts &expected)
{
    const Volume v = parse(name);
    const Counts dom = domCounts(test::readData(name));
    const VolumeStats &s = v.stats;
    EXPECT_EQ(s.documents, dom.documents);
    EXPECT_EQ(s.footnotes, dom.footnotes);
    EXPECT_EQ(s.pageBreaks, dom.pageBreaks);
    EXPECT_EQ(s.references, dom.references);
    EXPECT_EQ(s.internalReferences, dom.internal);
    EXPECT_EQ(s.resolvedReferences, dom.resolved);
    // The figures xmllint's XPath gives for the same definitions.
    EXPECT_EQ(dom.documents, expected.documents);
    EXPECT_EQ(dom.footnotes, expected.footnotes);
    EXPECT_EQ(dom.pageBreaks, expected.pageBreaks);
    EXPECT_EQ(dom.references, expected.references);
    EXPECT_EQ(dom.internal, expected.internal);
    EXPECT_EQ(dom.resolved, expected.resolved);
    EXPECT_EQ(int(v.documents.size()), s.documents);
}

// Every location the model hands out points inside the text it names.
void expectConsistentModel(const Volume &v)
{
    for (const Document &doc : v.documents) {
        ASSERT_FALSE(doc.body.empty()) << doc.id.toStdString();
        EXPECT_EQ(doc.body[0].kind, BlockKind::Heading) << doc.id.toStdString();
        EXPECT_FALSE(doc.title.isEmpty()) << doc.id.toStdString();
        auto valid = [&doc](const Location &l) {
            if (l.footnote >= int(doc.footnotes.size()))
                return false;
            const RichText &text = doc.textAt(l);
            return l.block >= 0 && l.block < int(text.size()) && l.offset >= 0
                && l.offset <= text[std::size_t(l.block)].text.size();
        };
        for (const Footnote &f : doc.footnotes)
            EXPECT_TRUE(valid(f.marker)) << f.id.toStdString();
        for (const PageBreak &p : doc.pageBreaks)
            EXPECT_TRUE(valid(p.where)) << doc.id.toStdString() << " page " << p.n.toStdString();
        for (const CrossReference &r : doc.crossReferences)
            EXPECT_TRUE(valid(r.where)) << doc.id.toStdString() << " ref " << r.raw.toStdString();
    }
}

} // namespace

TEST(TeiParserVolumes, Frus1934v05CountsMatchAnIndependentReading)
{
    expectSameCounts(QStringLiteral("frus1934v05.xml"), {639, 712, 736, 230, 118, 118});
}

TEST(TeiParserVolumes, Frus1894NicaraguaCountsMatchAnIndependentReading)
{
    expectSameCounts(QStringLiteral("frus1894Nicaragua.xml"), {138, 26, 209, 20, 18, 18});
}

TEST(TeiParserVolumes, ExtractCountsMatchAnIndependentReading)
{
    expectSameCounts(QStringLiteral("frus1961-63v09-d316-d318.xml"), {3, 12, 4, 4, 4, 3});
}

TEST(TeiParserVolumes, EveryLocationOfBothVolumesPointsIntoItsText)
{
    expectConsistentModel(parse(QStringLiteral("frus1934v05.xml")));
    expectConsistentModel(parse(QStringLiteral("frus1894Nicaragua.xml")));
}

TEST(TeiParserVolumes, KeysRepeatedLabelsOnXmlId)
{
    const Volume v = parse(QStringLiteral("frus1894Nicaragua.xml"));
    const Document *d38 = v.document(QStringLiteral("d38"));
    ASSERT_NE(d38, nullptr);
    ASSERT_EQ(d38->footnotes.size(), 3u);
    EXPECT_EQ(d38->footnotes[0].label, QStringLiteral("1"));
    EXPECT_EQ(d38->footnotes[2].label, QStringLiteral("1"));
    EXPECT_EQ(d38->footnoteById(QStringLiteral("d38fn3")), &d38->footnotes[2]);
    EXPECT_EQ(d38->title, QStringLiteral("Mr. McAdoo to Mr. Gresham."));
    const Document *d135 = v.document(QStringLiteral("d135"));
    ASSERT_NE(d135, nullptr);
    QStringList labels;
    for (const Footnote &f : d135->footnotes)
        labels << f.label;
    EXPECT_EQ(labels, (QStringList{QStringLiteral("*"), QStringLiteral("†"), QStringLiteral("‡")}));
}

TEST(TeiParserVolumes, KeepsOldSourceNotesInlineAfterTheTitle)
{
    const Volume v = parse(QStringLiteral("frus1934v05.xml"));
    const Document &d1 = v.documents.at(0);
    EXPECT_EQ(d1.title, QStringLiteral("The Ambassador in Chile (Sevier) to the Acting Secretary of State"));
    EXPECT_EQ(d1.body.at(1).kind, BlockKind::InlineNote);
    EXPECT_EQ(d1.body.at(1).text, QStringLiteral("825.5151/132: Telegram"));
    EXPECT_TRUE(d1.footnotes.empty() || d1.footnotes[0].label != QLatin1String("0"));
    EXPECT_EQ(d1.place, QStringLiteral("Santiago"));
    EXPECT_EQ(d1.date, QStringLiteral("1934-01-05T18:00:00"));
    // The block quote inside the first paragraph becomes its own indented blocks.
    EXPECT_EQ(d1.body.at(3).text, QStringLiteral("1. The following was left at the Foreign Office:"));
    EXPECT_TRUE(d1.body.at(4).hasFlag(InQuote));
    EXPECT_FALSE(d1.body.at(8).hasFlag(InQuote));
}

TEST(TeiParserVolumes, FindsTheFootnoteNestedInAnInlineSourceNote)
{
    const Volume v = parse(QStringLiteral("frus1894Nicaragua.xml"));
    int nested = 0;
    for (const Document &doc : v.documents) {
        for (const Footnote &f : doc.footnotes) {
            if (f.marker.inBody() && doc.body[std::size_t(f.marker.block)].kind == BlockKind::InlineNote)
                ++nested;
        }
    }
    EXPECT_EQ(nested, 1);
}

TEST(TeiParserVolumes, ResolvesReferencesToOtherVolumesAsExternal)
{
    const Volume v = parse(QStringLiteral("frus1934v05.xml"));
    int otherVolume = 0;
    for (const Document &doc : v.documents) {
        for (const CrossReference &r : doc.crossReferences) {
            if (r.kind == ReferenceKind::OtherVolume) {
                ++otherVolume;
                EXPECT_TRUE(r.volume.startsWith(QLatin1String("frus"))) << r.raw.toStdString();
                EXPECT_FALSE(r.label.isEmpty());
            }
        }
    }
    EXPECT_EQ(otherVolume, v.stats.references - v.stats.internalReferences);
}

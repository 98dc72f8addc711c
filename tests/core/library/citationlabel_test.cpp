#include "library/citationlabel.h"

#include "library/library.h"
#include "model/volume.h"
#include "parse/volumeloader.h"

#include "support/testdata.h"

#include <gtest/gtest.h>

namespace marginalia {
namespace {

QString name(const char *volumeId, const QString &title = {})
{
    return shortVolumeName(QString::fromUtf8(volumeId), title);
}

TEST(CitationLabel, ShortVolumeNameSpellsOutYearsAndVolumeNumber)
{
    EXPECT_EQ(name("frus1961-63v09"), QStringLiteral("FRUS 1961\u201363, vol. IX"));
    EXPECT_EQ(name("frus1934v05"), QStringLiteral("FRUS 1934, vol. V"));
    EXPECT_EQ(name("frus1969-76v17"), QStringLiteral("FRUS 1969\u201376, vol. XVII"));
    EXPECT_EQ(name("frus1952-54v10p1"), QStringLiteral("FRUS 1952\u201354, vol. X, pt. 1"));
    EXPECT_EQ(name("frus1955-57v04"), QStringLiteral("FRUS 1955\u201357, vol. IV"));
    EXPECT_EQ(name("frus1947v01"), QStringLiteral("FRUS 1947, vol. I"));
    EXPECT_EQ(name("frus1969-76v38p2"), QStringLiteral("FRUS 1969\u201376, vol. XXXVIII, pt. 2"));
}

TEST(CitationLabel, ShortVolumeNameKeepsTheSubjectOfSubjectVolumes)
{
    EXPECT_EQ(name("frus1894Nicaragua"), QStringLiteral("FRUS 1894, Nicaragua"));
    EXPECT_EQ(name("frus1918Russiav01"), QStringLiteral("FRUS 1918, Russia, vol. I"));
    EXPECT_EQ(name("frus1894app1"), QStringLiteral("FRUS 1894, app. 1"));
    EXPECT_EQ(name("frus1888p1"), QStringLiteral("FRUS 1888, pt. 1"));
    EXPECT_EQ(name("frus1943CairoTehran"), QStringLiteral("FRUS 1943, Cairo Tehran"));
    EXPECT_EQ(name("frus1917Supp01v01"), QStringLiteral("FRUS 1917, Supplement 1, vol. I"));
    EXPECT_EQ(name("frus1969-76ve05p1"), QStringLiteral("FRUS 1969\u201376, vol. E\u20135, pt. 1"));
}

TEST(CitationLabel, ShortVolumeNameFallsBackToTheTitle)
{
    EXPECT_EQ(name("", QStringLiteral("My notes")), QStringLiteral("My notes"));
    EXPECT_EQ(name(""), QString());
    EXPECT_EQ(name("notes-2024", QStringLiteral("Notes")), QStringLiteral("Notes"));
    EXPECT_EQ(name("notes-2024"), QString());
    // A FRUS id whose rest cannot be read: the title, else the id as it is.
    EXPECT_EQ(name("frus1950_x", QStringLiteral("Odd")), QStringLiteral("Odd"));
    EXPECT_EQ(name("frus1950_x"), QStringLiteral("frus1950_x"));
}

TEST(CitationLabel, LabelNamesVolumeDocumentAndPage)
{
    Document doc;
    doc.number = QStringLiteral("317");
    const QString v09 = QStringLiteral("frus1961-63v09");
    EXPECT_EQ(citationLabel(v09, {}, doc, QStringLiteral("704")),
              QStringLiteral("FRUS 1961\u201363, vol. IX, Doc. 317, p. 704"));
    EXPECT_EQ(citationLabel(v09, {}, doc, {}), QStringLiteral("FRUS 1961\u201363, vol. IX, Doc. 317"));
    doc.number.clear();
    EXPECT_EQ(citationLabel(v09, {}, doc, QStringLiteral("XII")), QStringLiteral("FRUS 1961\u201363, vol. IX, p. XII"));
    EXPECT_EQ(citationLabel({}, {}, doc, {}), QString());
}

TEST(CitationLabel, TextCopyOfD317CitesItsHomeVolumeAndPage704)
{
    Library library;
    for (const char *file : {"frus1961-63v09-d316-d318.xml", "frus1961-63v09-d317.txt"}) {
        Result<Volume> volume = loadVolume(test::dataPath(QString::fromUtf8(file)));
        ASSERT_TRUE(volume) << qPrintable(volume.error().toString());
        library.add(std::make_shared<const Volume>(std::move(*volume)));
    }
    const Volume &copy = library.volume(1);
    ASSERT_EQ(copy.documents.size(), 1u);
    const Document &d317 = copy.documents.front();
    // The last paragraphs ("As I wrote you on August 9 …") stand after "[Page 704]".
    ASSERT_FALSE(d317.pageBreaks.empty());
    const Location afterBreak = d317.pageBreaks.front().where;
    const QString page = copy.pageAt(d317, Location{-1, afterBreak.block, afterBreak.offset + 1});
    EXPECT_EQ(citationLabel(library.volumeIdOf(1), copy.title, d317, page),
              QStringLiteral("FRUS 1961\u201363, vol. IX, Doc. 317, p. 704"));

    const Volume &tei = library.volume(0);
    const Document &teiD317 = *tei.document(QStringLiteral("d317"));
    EXPECT_EQ(citationLabel(tei.id, tei.title, teiD317, tei.pageAt(teiD317, Location{-1, 1, 0})),
              QStringLiteral("FRUS 1961\u201363, vol. IX, Doc. 317, p. 703"));
}

} // namespace
} // namespace marginalia

// Issue 12, item 14, on the importer: a document's head loses its own number however the file writes it
// ("2.", `6.<lb/>`, `<hi>14.</hi>`, "No. 3", "[9.]", "13.Memorandum", n="11."), and keeps any other number;
// a chapter's head parted by <lb/> or nested <hi> keeps its words apart. Checked on the real volumes too.
#include "model/documentnumber.h"
#include "parse/teiparser.h"
#include "parse/volumeloader.h"

#include "support/numberedheads.h"
#include "support/testdata.h"

#include <gtest/gtest.h>

namespace marginalia {
namespace {

Volume parsed(const QByteArray &xml)
{
    Result<Volume> v = TeiParser::parse(xml, QStringLiteral("numbered-heads.xml"));
    EXPECT_TRUE(v.has_value()) << (v ? std::string() : v.error().toString().toStdString());
    return v ? std::move(v).value() : Volume{};
}

const Volume &numberedHeads()
{
    static const Volume v = parsed(test::numberedHeadsVolume());
    return v;
}

const Document &document(const char *id)
{
    const Document *d = numberedHeads().document(QString::fromUtf8(id));
    EXPECT_NE(d, nullptr) << id;
    static const Document none;
    return d ? *d : none;
}

TEST(TeiParserIssue12, AHeadThatIsOnlyItsNumberGivesAnEmptyTitle)
{
    EXPECT_EQ(document("d2").number, QStringLiteral("2"));
    EXPECT_EQ(document("d2").title, QString());
    EXPECT_EQ(document("d10").title, QString());
    EXPECT_EQ(document("d14").title, QString()); // <hi rend="strong">14.</hi>
    // The head itself still reads as printed: the view shows the number.
    EXPECT_EQ(document("d2").body.front().text.trimmed(), QStringLiteral("2."));
}

TEST(TeiParserIssue12, TheNumberGoesWhateverPartsItFromTheTitle)
{
    EXPECT_EQ(document("d3").title, QStringLiteral("Mr. Kennan to the Secretary of State"));
    EXPECT_EQ(document("d6").title, QStringLiteral("Memorandum From the Secretary of State to the President"));
    EXPECT_EQ(document("d9").title, QStringLiteral("Memorandum for the Files"));
    EXPECT_EQ(document("d13").title, QStringLiteral("Memorandum of Conversation"));
}

TEST(TeiParserIssue12, ANumberWithItsOwnDotIsReadWithout)
{
    const Document &d11 = document("d11");
    EXPECT_EQ(d11.number, QStringLiteral("11"));
    EXPECT_EQ(d11.title, QStringLiteral("Memorandum for the Record"));
    EXPECT_EQ(numberedHeads().documentsNumbered(QStringLiteral("11")).size(), 1u);
}

TEST(TeiParserIssue12, AYearThatOpensTheTitleStays)
{
    EXPECT_EQ(document("d5").title, QStringLiteral("1934 Trade Agreement With the Soviet Union"));
    EXPECT_EQ(document("d19").title, QStringLiteral("1934 Agreement on Claims"));
}

TEST(TeiParserIssue12, ADocumentWithoutHeadHasItsNumberOnceAsHead)
{
    const Volume v = parsed(R"(<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
        <div type="document" xml:id="d11" n="11."><p>The Ambassador called.</p></div></body></text></TEI>)");
    ASSERT_EQ(v.documents.size(), 1u);
    EXPECT_EQ(v.documents.front().body.front().text, QStringLiteral("11."));
    EXPECT_EQ(v.documents.front().title, QString());
}

TEST(TeiParserIssue12, ChapterHeadsPartedByLineBreaksKeepTheirWordsApart)
{
    const Volume &v = numberedHeads();
    ASSERT_EQ(v.divisions.size(), 3u);
    EXPECT_EQ(v.divisions[0].title, QStringLiteral("Russia Economic Relations"));
    EXPECT_EQ(v.divisions[1].title, QStringLiteral("Trade Controls"));
    EXPECT_EQ(v.divisions[2].title, QStringLiteral("Soviet Union Political Relations"));
}

// Every document of the test volumes: its title does not open with its own number, and a head that
// carries a line break reads it as a space ("No. 1.<lb/>Mr. Seat to …" of the 1894 volume).
TEST(TeiParserIssue12, NoTitleOfTheTestVolumesOpensWithItsNumber)
{
    int numbered = 0;
    for (const char *name : {"frus1894Nicaragua.xml", "frus1934v05.xml", "frus1961-63v09-d316-d318.xml"}) {
        Result<Volume> v = loadVolume(test::dataPath(QString::fromUtf8(name)));
        ASSERT_TRUE(v.has_value()) << name;
        for (const Document &doc : v->documents) {
            ASSERT_FALSE(doc.number.isEmpty()) << name << " " << qPrintable(doc.id);
            EXPECT_EQ(ownNumberLength(doc.title, doc.number), 0) << name << " " << qPrintable(doc.title);
            EXPECT_FALSE(doc.title.startsWith(doc.number + u'.')) << name << " " << qPrintable(doc.title);
            EXPECT_FALSE(doc.title.contains(u'\n')) << name << " " << qPrintable(doc.title);
            EXPECT_FALSE(doc.title.isEmpty()) << name << " " << qPrintable(doc.id);
            if (ownNumberLength(doc.body.front().text, doc.number) > 0)
                ++numbered;
        }
        for (const Division &d : v->divisions)
            EXPECT_FALSE(d.title.contains(u'\n')) << name << " " << qPrintable(d.title);
    }
    // The heads of 1894 ("No. 1.") and 1961–63 ("316.") carry their numbers, those of 1934 none.
    EXPECT_EQ(numbered, 138 + 3);
}

} // namespace
} // namespace marginalia

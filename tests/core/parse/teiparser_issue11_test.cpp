// Issue 11, items 6 and 8–10, on the importer: list labels are reading text with their own styles, a
// bracket between two italic runs stays upright, a page break inside a footnote is the note's, and an
// empty <head/> is an empty title. Snippets are cut from the test volumes (tests/data).
#include "model/readingtext.h"
#include "parse/teiparser.h"
#include "parse/volumeloader.h"

#include "support/testdata.h"

#include <QRegularExpression>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

Volume parsed(const QByteArray &xml)
{
    Result<Volume> v = TeiParser::parse(xml, QStringLiteral("snippet.xml"));
    EXPECT_TRUE(v.has_value()) << (v ? std::string() : v.error().toString().toStdString());
    return v ? std::move(v).value() : Volume{};
}

// One document, `body` as its content after a head.
Document oneDocument(const char *body)
{
    const QByteArray xml = QByteArray(R"(<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>)"
                                      R"(<div type="document" xml:id="d5" n="5"><head>Head</head>)")
        + body + "</div></body></text></TEI>";
    Volume v = parsed(xml);
    return v.documents.size() == 1 ? v.documents.front() : Document{};
}

const Volume &volume(const char *name)
{
    static std::map<std::string, Volume> cache;
    auto it = cache.find(name);
    if (it == cache.end()) {
        Result<Volume> v = loadVolume(test::dataPath(QString::fromUtf8(name)));
        EXPECT_TRUE(v.has_value()) << name;
        it = cache.emplace(name, v ? std::move(v).value() : Volume{}).first;
    }
    return it->second;
}

bool italicAt(const Block &b, int at)
{
    for (const StyleRun &r : b.styles) {
        if (r.start <= at && at < r.end && (r.styles & Italic))
            return true;
    }
    return false;
}

// frus1934v05 d5: `the Foreign Office: <list><label>(1)</label><item>The abolishment …`.
TEST(TeiParserIssue11, ListLabelsArePartOfTheReadingText)
{
    const Document *d5 = volume("frus1934v05.xml").document(QStringLiteral("d5"));
    ASSERT_NE(d5, nullptr);
    const QString text = ReadingText(d5->body).text();
    EXPECT_TRUE(text.contains(QStringLiteral("the Foreign Office:\n\n(1) The abolishment as concerns American")))
        << text.left(3000).toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("\n\n(2) ")));
    const auto item = std::find_if(d5->body.begin(), d5->body.end(),
                                   [](const Block &b) { return b.text.startsWith(QLatin1String("(1) The abolishment")); });
    ASSERT_NE(item, d5->body.end());
    EXPECT_EQ(item->kind, BlockKind::ListItem);
    EXPECT_EQ(item->labelLength, 3);
    EXPECT_EQ(item->label, QStringLiteral("(1)"));
}

// frus1934v05: `<label>1.</label><item><p>It will be noticed that the first sentence …`.
TEST(TeiParserIssue11, AnItemThatOpensWithAParagraphKeepsItsLabel)
{
    const Document doc = oneDocument(R"(<list>
                            <label>1.</label>
                            <item><p>It will be noticed that the first sentence of point No. 1 has
                                    been changed.</p><p>A second paragraph.</p></item>
                            <label>2.</label>
                            <item><p>Point two.</p></item></list>)");
    ASSERT_EQ(doc.body.size(), 4u);
    EXPECT_EQ(doc.body[1].kind, BlockKind::ListItem);
    EXPECT_EQ(doc.body[1].text, QStringLiteral("1. It will be noticed that the first sentence of point No. 1 has been changed."));
    EXPECT_EQ(doc.body[1].labelLength, 2);
    EXPECT_EQ(doc.body[2].text, QStringLiteral("A second paragraph."));
    EXPECT_EQ(doc.body[2].labelLength, 0);
    EXPECT_EQ(doc.body[3].text, QStringLiteral("2. Point two."));
    EXPECT_EQ(doc.body[3].kind, BlockKind::ListItem);
}

// A page break between a label and its item (the volumes put them between label/item pairs, but a
// page can turn anywhere): the label still opens the item, and the break stands after it.
TEST(TeiParserIssue11, APageBreakBetweenALabelAndItsItemKeepsThemTogether)
{
    const Document doc = oneDocument(R"(<list><label>(1)</label> <pb n="100" xml:id="pg_100" facs="0166"/>
                                <item>The abolishment as concerns American interests.</item>
                                <label>(2)</label><pb n="101" xml:id="pg_101" facs="0167"/><item><p>Second.</p></item></list>)");
    ASSERT_EQ(doc.body.size(), 3u);
    EXPECT_EQ(doc.body[1].text, QStringLiteral("(1) The abolishment as concerns American interests."));
    EXPECT_EQ(doc.body[1].labelLength, 3);
    EXPECT_EQ(doc.body[2].text, QStringLiteral("(2) Second."));
    EXPECT_EQ(doc.body[2].labelLength, 3);
    ASSERT_EQ(doc.pageBreaks.size(), 2u);
    EXPECT_EQ(doc.pageBreaks[0].where, (Location{-1, 1, 4})); // before "The", after one space
    EXPECT_EQ(doc.pageBreaks[1].where, (Location{-1, 2, 4}));
}

// frus1934v05: `<label>(<hi rend="italic">a</hi>)</label><item>Where there is a genuine consumption tax …`.
TEST(TeiParserIssue11, ALabelKeepsItsOwnStyles)
{
    const Document doc = oneDocument(R"(<p>Is it contrary to the policy? <list>
                                    <label>(<hi rend="italic">a</hi>)</label>
                                    <item>Where there is a genuine consumption tax, it is not
                                        to be consolidated with the duty.</item>
                                    <label>(<hi rend="italic">b</hi>)</label>
                                    <item>Where the consumption tax is a disguised import duty.</item></list></p>)");
    ASSERT_EQ(doc.body.size(), 4u);
    const Block &a = doc.body[2];
    EXPECT_EQ(a.text, QStringLiteral("(a) Where there is a genuine consumption tax, it is not to be consolidated with the duty."));
    EXPECT_EQ(a.label, QStringLiteral("(a)"));
    EXPECT_FALSE(italicAt(a, 0));
    EXPECT_TRUE(italicAt(a, 1));
    EXPECT_FALSE(italicAt(a, 2));
    EXPECT_FALSE(italicAt(a, 4));
    EXPECT_TRUE(doc.body[3].text.startsWith(QLatin1String("(b) Where")));
}

// Every label of the two complete volumes (351 and 98, each before an <item>) is in the reading text.
TEST(TeiParserIssue11, EveryLabelOfTheCompleteVolumesIsInTheText)
{
    for (const char *name : {"frus1934v05.xml", "frus1894Nicaragua.xml"}) {
        const QString xml = QString::fromUtf8(test::readData(QString::fromUtf8(name)));
        static const QRegularExpression labelRe(QStringLiteral("<label>(.*?)</label>"),
                                                QRegularExpression::DotMatchesEverythingOption);
        QStringList labels;
        for (auto it = labelRe.globalMatch(xml); it.hasNext();)
            labels << it.next().captured(1).remove(QRegularExpression(QStringLiteral("<[^>]*>"))).simplified();
        QStringList found;
        for (const Document &doc : volume(name).documents) {
            for (const Block &b : doc.body) {
                if (b.labelLength > 0) {
                    found << b.text.left(b.labelLength);
                    EXPECT_EQ(b.label, b.text.left(b.labelLength));
                    EXPECT_TRUE(b.text.size() == b.labelLength || b.text.at(b.labelLength) == u' ');
                }
            }
        }
        EXPECT_GT(labels.size(), 90) << name;
        EXPECT_EQ(found, labels) << name;
    }
}

// frus1894Nicaragua: `<hi rend="italic">Managua</hi> [<hi rend="italic">now at Bluefields</hi>].`, and the
// issue's `<hi rend="italic">January 3</hi>[<hi rend="italic">5?</hi>]`.
TEST(TeiParserIssue11, ABracketBetweenTwoItalicRunsIsUpright)
{
    const Document doc = oneDocument(R"(<p rend="flushleft"><hi rend="smallcaps">Lewis Baker</hi>, Esq.,<lb/><hi
                            rend="italic">Managua</hi> [<hi rend="italic">now at
                        Bluefields</hi>].</p><p>Dated <hi rend="italic">January 3</hi>[<hi rend="italic">5?</hi>] at noon.</p>)");
    ASSERT_EQ(doc.body.size(), 3u);
    const Block &managua = doc.body[1];
    const int open = int(managua.text.indexOf(u'['));
    ASSERT_GT(open, 0);
    EXPECT_TRUE(italicAt(managua, open - 2));
    EXPECT_FALSE(italicAt(managua, open));
    EXPECT_TRUE(italicAt(managua, open + 1));
    EXPECT_FALSE(italicAt(managua, int(managua.text.indexOf(u']'))));
    const Block &dated = doc.body[2];
    EXPECT_EQ(dated.text, QStringLiteral("Dated January 3[5?] at noon."));
    EXPECT_TRUE(italicAt(dated, 6));   // J
    EXPECT_TRUE(italicAt(dated, 14));  // 3
    EXPECT_FALSE(italicAt(dated, 15)); // [
    EXPECT_TRUE(italicAt(dated, 16));  // 5
    EXPECT_TRUE(italicAt(dated, 17));  // ?
    EXPECT_FALSE(italicAt(dated, 18)); // ]
    // A space between two runs of one style is still part of one run: "now at Bluefields" stays whole.
    EXPECT_TRUE(italicAt(managua, open + 4));
}

// frus1934v05 d48 fn3 with the volume's `<pb n="100" xml:id="pg_100" facs="0166"/>` inside it, as long
// notes carry them when they run over a page.
TEST(TeiParserIssue11, APageBreakInsideAFootnoteIsTheNotesPageBreak)
{
    const QByteArray xml = R"(<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
        <div type="document" xml:id="d48" n="48"><head>The Secretary of State to the Minister in Colombia</head>
        <p>Act of June 12, 1934,<note n="3" xml:id="d48fn3">48 <pb n="100" xml:id="pg_100" facs="0166"/>Stat. 943.</note> and more.</p>
        </div></body></text></TEI>)";
    const Volume v = parsed(xml);
    ASSERT_EQ(v.documents.size(), 1u);
    EXPECT_EQ(v.stats.pageBreaks, 1);
    const Document &doc = v.documents[0];
    ASSERT_EQ(doc.pageBreaks.size(), 1u);
    EXPECT_EQ(doc.pageBreaks[0].n, QStringLiteral("100"));
    EXPECT_EQ(doc.pageBreaks[0].where, (Location{0, 0, 3}));
    EXPECT_EQ(doc.footnotes.at(0).content.at(0).text, QStringLiteral("48 Stat. 943."));
    EXPECT_EQ(v.ids.value(QStringLiteral("pg_100")).kind, IdTarget::Page);
}

// frus1961-63v09 d317 with its head emptied: the title is empty like the printed page's, not "317.".
TEST(TeiParserIssue11, AnEmptyHeadIsAnEmptyTitle)
{
    QByteArray xml = test::readData(QStringLiteral("frus1961-63v09-d316-d318.xml"));
    const qsizetype start = xml.indexOf("<head>317.");
    ASSERT_GT(start, 0);
    xml.replace(start, xml.indexOf("</head>", start) + 7 - start, "<head/>");
    const Volume v = parsed(xml);
    const Document *d317 = v.document(QStringLiteral("d317"));
    ASSERT_NE(d317, nullptr);
    EXPECT_EQ(d317->title, QString());
    EXPECT_EQ(d317->number, QStringLiteral("317"));
    ASSERT_FALSE(d317->body.empty());
    EXPECT_EQ(d317->body[0].kind, BlockKind::Heading);
    EXPECT_EQ(d317->body[0].text, QString());
    // The dateline is not taken for a title.
    EXPECT_EQ(d317->body[1].kind, BlockKind::Dateline);
    // The other documents keep theirs.
    EXPECT_TRUE(v.document(QStringLiteral("d316"))->title.startsWith(QLatin1String("Letter From")));
}

} // namespace
} // namespace marginalia

// The TEI importer on the d316–d318 extract of FRUS 1961–63 vol. IX and on small hand-made volumes.
#include "parse/teiparser.h"

#include "model/readingtext.h"
#include "support/testdata.h"

#include <gtest/gtest.h>

using namespace marginalia;

namespace {

Volume extract()
{
    auto result = TeiParser::parse(test::readData(QStringLiteral("frus1961-63v09-d316-d318.xml")),
                                   QStringLiteral("frus1961-63v09-d316-d318.xml"));
    EXPECT_TRUE(result.has_value()) << (result ? "" : result.error().toString().toStdString());
    return result ? std::move(result).value() : Volume{};
}

const Document &d317(const Volume &v)
{
    const Document *doc = v.document(QStringLiteral("d317"));
    EXPECT_NE(doc, nullptr);
    static const Document empty;
    return doc ? *doc : empty;
}

// The text of a body block right before a location: what a marker is glued to.
QString wordBefore(const Document &doc, const Location &at)
{
    const QString &text = doc.textAt(at).at(std::size_t(at.block)).text;
    const QString before = text.left(at.offset);
    return before.mid(before.lastIndexOf(u' ') + 1);
}

Result<Volume> parseText(const char *xml)
{
    return TeiParser::parse(QByteArray(xml), QStringLiteral("inline.xml"));
}

} // namespace

TEST(TeiParser, ReadsVolumeIdTitleAndDocuments)
{
    const Volume v = extract();
    EXPECT_EQ(v.id, QStringLiteral("frus1961-63v09"));
    EXPECT_EQ(v.title, QStringLiteral("Foreign Relations of the United States, 1961–1963, Volume IX, Foreign Economic Policy"));
    ASSERT_EQ(v.documents.size(), 3u);
    EXPECT_EQ(v.documents[0].id, QStringLiteral("d316"));
    EXPECT_EQ(v.documents[2].number, QStringLiteral("318"));
    ASSERT_GE(v.documents[1].division, 0);
    EXPECT_EQ(v.divisions[std::size_t(v.documents[1].division)].title, QStringLiteral("Economic Defense Policy"));
}

TEST(TeiParser, StripsNumberAndMarkerFromTitle)
{
    const Volume v = extract();
    const Document &doc = d317(v);
    EXPECT_EQ(doc.number, QStringLiteral("317"));
    EXPECT_EQ(doc.title, QStringLiteral("Letter From Secretary of State Rusk to Secretary of Commerce Hodges"));
    ASSERT_FALSE(doc.body.empty());
    EXPECT_EQ(doc.body[0].kind, BlockKind::Heading);
    EXPECT_EQ(doc.body[0].text, QStringLiteral("317. Letter From Secretary of State Rusk to Secretary of Commerce Hodges"));
}

TEST(TeiParser, LinksSourceNoteAsMarkerZero)
{
    const Volume v = extract();
    const Document &doc = d317(v);
    ASSERT_FALSE(doc.footnotes.empty());
    const Footnote &source = doc.footnotes[0];
    EXPECT_EQ(source.id, QStringLiteral("d317fn0"));
    EXPECT_EQ(source.label, QStringLiteral("0"));
    EXPECT_TRUE(source.isSource());
    EXPECT_EQ(source.marker.block, 0);
    EXPECT_EQ(source.marker.offset, doc.body[0].text.size());
    EXPECT_TRUE(plainText(source.content).startsWith(QStringLiteral("Source: Department of State, Central Files, 460.509/8-1762. Secret.")));
}

TEST(TeiParser, PlacesEveryFootnoteOfD317AfterItsWord)
{
    const Volume v = extract();
    const Document &doc = d317(v);
    const QStringList words{QStringLiteral("Hodges"), QStringLiteral("bloc."), QStringLiteral("practices."),
                            QStringLiteral("future."), QStringLiteral("Dean")};
    ASSERT_EQ(doc.footnotes.size(), 5u);
    for (int i = 0; i < 5; ++i) {
        const Footnote &f = doc.footnotes[std::size_t(i)];
        EXPECT_EQ(f.label, QString::number(i));
        EXPECT_EQ(f.id, QStringLiteral("d317fn%1").arg(i));
        EXPECT_TRUE(f.marker.inBody());
        EXPECT_EQ(wordBefore(doc, f.marker), words[i]) << "footnote " << i;
    }
    EXPECT_EQ(plainText(doc.footnotes[4].content), QStringLiteral("Printed from a copy that indicates Rusk signed the original."));
    EXPECT_EQ(doc.body[std::size_t(doc.footnotes[4].marker.block)].kind, BlockKind::Closer);
}

TEST(TeiParser, ReadsDatelinePlaceAndIsoDate)
{
    const Volume v = extract();
    const Document &doc = d317(v);
    EXPECT_EQ(doc.place, QStringLiteral("Washington"));
    EXPECT_EQ(doc.date, QStringLiteral("1962-09-05"));
    ASSERT_GE(doc.body.size(), 2u);
    EXPECT_EQ(doc.body[1].kind, BlockKind::Dateline);
    EXPECT_EQ(doc.body[1].text, QStringLiteral("Washington, September 5, 1962."));
}

TEST(TeiParser, PutsPage704BetweenParagraphsOfD317)
{
    const Volume v = extract();
    const Document &doc = d317(v);
    EXPECT_EQ(doc.firstPage, QStringLiteral("703")); // the last break before the document
    ASSERT_EQ(doc.pageBreaks.size(), 1u);
    const PageBreak &pb = doc.pageBreaks[0];
    EXPECT_EQ(pb.n, QStringLiteral("704"));
    EXPECT_EQ(pb.id, QStringLiteral("pg_704"));
    EXPECT_EQ(pb.where.offset, 0);
    EXPECT_TRUE(doc.body[std::size_t(pb.where.block)].text.startsWith(QStringLiteral("As I wrote you on August 9")));
    EXPECT_EQ(v.pageAt(doc, pb.where), QStringLiteral("704"));
    EXPECT_EQ(v.pageAt(doc, doc.footnotes[1].marker), QStringLiteral("703"));
    const ReadingText text(doc.body);
    EXPECT_FALSE(text.text().contains(QStringLiteral("704")));
}

TEST(TeiParser, PutsMidSentencePageBreakAfterTheSpace)
{
    const Volume v = extract();
    const Document *d316 = v.document(QStringLiteral("d316"));
    ASSERT_NE(d316, nullptr);
    ASSERT_FALSE(d316->pageBreaks.empty());
    const PageBreak &pb = d316->pageBreaks[0];
    EXPECT_EQ(pb.n, QStringLiteral("702"));
    const QString &text = d316->body[std::size_t(pb.where.block)].text;
    EXPECT_TRUE(text.left(pb.where.offset).endsWith(QStringLiteral("a complementary approach to ")));
    EXPECT_TRUE(text.mid(pb.where.offset).startsWith(QStringLiteral("economic defense")));
}

TEST(TeiParser, ReadsCrossReferencesInNotesWithTheirLabels)
{
    const Volume v = extract();
    const Document &doc = d317(v);
    ASSERT_EQ(doc.crossReferences.size(), 1u);
    const CrossReference &ref = doc.crossReferences[0];
    EXPECT_EQ(ref.label, QStringLiteral("Document 316"));
    EXPECT_EQ(ref.target, QStringLiteral("d316"));
    EXPECT_TRUE(ref.volume.isEmpty());
    EXPECT_EQ(ref.kind, ReferenceKind::Document);
    EXPECT_EQ(ref.where.footnote, 2);
    const Anchor &a = doc.footnotes[2].content[0].anchors.at(0);
    EXPECT_EQ(a.kind, AnchorKind::CrossReference);
    EXPECT_EQ(doc.footnotes[2].content[0].text.mid(a.start, a.end - a.start), QStringLiteral("Document 316"));
}

TEST(TeiParser, FollowsD318Fn3TargetLiterally)
{
    const Volume v = extract();
    const Document *d318 = v.document(QStringLiteral("d318"));
    ASSERT_NE(d318, nullptr);
    bool found = false;
    for (const CrossReference &ref : d318->crossReferences) {
        if (ref.target == QLatin1String("d318fn3")) {
            found = true;
            EXPECT_EQ(ref.kind, ReferenceKind::Footnote);
            const IdTarget t = v.ids.value(ref.target);
            EXPECT_EQ(t.kind, IdTarget::Footnote);
            EXPECT_EQ(v.documents[std::size_t(t.document)].id, QStringLiteral("d318"));
        }
    }
    EXPECT_TRUE(found);
    EXPECT_FALSE(v.ids.contains(QStringLiteral("d312")));
    EXPECT_EQ(v.ids.value(QStringLiteral("pg_703")).kind, IdTarget::Page);
}

TEST(TeiParser, LinksPersonsAndTermsToTheirIds)
{
    const Volume v = extract();
    const Document &doc = d317(v);
    const Block &heading = doc.body[0];
    QStringList persons;
    for (const Anchor &a : heading.anchors) {
        if (a.kind == AnchorKind::Person)
            persons << doc.entities[std::size_t(a.index)].id + u'=' + heading.text.mid(a.start, a.end - a.start);
    }
    EXPECT_EQ(persons, (QStringList{QStringLiteral("p_RD3=Rusk"), QStringLiteral("p_HLH1=Hodges")}));
    int nato = 0;
    for (const Block &b : doc.body) {
        for (const Anchor &a : b.anchors) {
            if (a.kind == AnchorKind::Term && doc.entities[std::size_t(a.index)].id == QLatin1String("t_NATO1")) {
                EXPECT_EQ(b.text.mid(a.start, a.end - a.start), QStringLiteral("NATO"));
                ++nato;
            }
        }
    }
    EXPECT_EQ(nato, 3);
}

TEST(TeiParser, ReadsSmallCapsSalutationAndBoldSignature)
{
    const Volume v = extract();
    const Document &doc = d317(v);
    const Block &salutation = doc.body[2];
    ASSERT_FALSE(salutation.styles.empty());
    EXPECT_EQ(salutation.styles[0].styles, SmallCaps);
    EXPECT_EQ(salutation.text.mid(salutation.styles[0].start, salutation.styles[0].end - salutation.styles[0].start),
              QStringLiteral("Dear Luther"));
    const Block &closer = doc.body.back();
    EXPECT_EQ(closer.text, QStringLiteral("Dean"));
    ASSERT_EQ(closer.styles.size(), 1u);
    EXPECT_EQ(closer.styles[0].styles, Bold);
}

TEST(TeiParser, ReadsGlossariesOfPersonsAndTerms)
{
    auto v = parseText(R"(<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><front>
      <div type="section" xml:id="persons"><list>
        <item><hi rend="strong"><persName xml:id="p_HLH1">Hodges, Luther H.</persName>,</hi> Secretary of Commerce from January 21, 1961</item>
      </list></div>
      <div type="section" xml:id="terms"><list>
        <item><hi rend="strong"><term xml:id="t_COCOM1">COCOM</term>,</hi> Coordinating Committee of the Paris Consultative Group (CG)</item>
      </list></div></front>
      <body><div type="document" xml:id="d1" n="1"><head>1. Note</head><p>By <persName corresp="#p_HLH1">Hodges</persName> on <gloss target="#t_COCOM1">COCOM</gloss>.</p></div></body></text></TEI>)");
    ASSERT_TRUE(v.has_value()) << v.error().toString().toStdString();
    EXPECT_EQ(v->persons.value(QStringLiteral("p_HLH1")).name, QStringLiteral("Hodges, Luther H."));
    EXPECT_EQ(v->persons.value(QStringLiteral("p_HLH1")).description, QStringLiteral("Secretary of Commerce from January 21, 1961"));
    EXPECT_EQ(v->terms.value(QStringLiteral("t_COCOM1")).name, QStringLiteral("COCOM"));
    EXPECT_EQ(v->terms.value(QStringLiteral("t_COCOM1")).description,
              QStringLiteral("Coordinating Committee of the Paris Consultative Group (CG)"));
    ASSERT_EQ(v->documents.size(), 1u);
    EXPECT_EQ(v->documents[0].entities.size(), 2u);
    EXPECT_EQ(v->ids.value(QStringLiteral("p_HLH1")).kind, IdTarget::Person);
}

TEST(TeiParser, ReadsLabelledListsTablesAndPostscripts)
{
    auto v = parseText(R"(<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
      <div type="document" xml:id="d9" n="9"><head>9. Memorandum</head>
      <p>Points: <list><label>a.</label><item>First <pb n="12" xml:id="pg_12"/>point.</item><label>(i)</label><item>Second.</item></list> And more.</p>
      <table><row role="label"><cell>No:</cell><cell>From</cell></row><row><cell>1</cell><cell>Mr. Baker</cell></row></table>
      <postscript><p>P.S. Nothing.</p></postscript></div></body></text></TEI>)");
    ASSERT_TRUE(v.has_value()) << v.error().toString().toStdString();
    const Document &doc = v->documents.at(0);
    QStringList kinds;
    for (const Block &b : doc.body)
        kinds << QString::number(int(b.kind)) + u':' + b.label + u':' + b.text;
    ASSERT_EQ(doc.body.size(), 8u) << kinds.join(u'|').toStdString();
    EXPECT_EQ(doc.body[1].text, QStringLiteral("Points:"));
    EXPECT_EQ(doc.body[2].kind, BlockKind::ListItem);
    EXPECT_EQ(doc.body[2].label, QStringLiteral("a."));
    EXPECT_EQ(doc.body[2].text, QStringLiteral("a. First point.")); // Issue 11: the label is reading text
    EXPECT_EQ(doc.body[2].labelLength, 2);
    EXPECT_EQ(doc.body[3].label, QStringLiteral("(i)"));
    EXPECT_EQ(doc.body[4].text, QStringLiteral("And more."));
    EXPECT_EQ(doc.body[5].kind, BlockKind::TableRow);
    EXPECT_TRUE(doc.body[5].hasFlag(HeaderRow));
    EXPECT_EQ(doc.body[5].text, QStringLiteral("No:\tFrom"));
    EXPECT_EQ(doc.body[6].text, QStringLiteral("1\tMr. Baker"));
    EXPECT_EQ(doc.body[6].cellStarts, (std::vector<int>{0, 2}));
    EXPECT_EQ(doc.body[7].kind, BlockKind::Postscript);
    ASSERT_EQ(doc.pageBreaks.size(), 1u);
    EXPECT_EQ(doc.pageBreaks[0].where, (Location{-1, 2, 9})); // after the label and "First "
}

TEST(TeiParser, KeepsTextOfUnknownElements)
{
    auto v = parseText(R"(<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="document" xml:id="d2" n="2">
      <head>2. Telegram</head><p>The <said>Embassy</said> <seg>reports</seg> <unknownThing>this</unknownThing>.</p></div></body></text></TEI>)");
    ASSERT_TRUE(v.has_value());
    EXPECT_EQ(v->documents.at(0).body.at(1).text, QStringLiteral("The Embassy reports this."));
}

TEST(TeiParser, GivesAHeadlessDocumentATitleLine)
{
    auto v = parseText(R"(<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="document" xml:id="d5">
      <p>Only text.</p></div></body></text></TEI>)");
    ASSERT_TRUE(v.has_value());
    const Document &doc = v->documents.at(0);
    EXPECT_EQ(doc.number, QStringLiteral("5"));
    EXPECT_EQ(doc.body.at(0).kind, BlockKind::Heading);
    EXPECT_EQ(doc.body.at(1).text, QStringLiteral("Only text."));
}

TEST(TeiParser, ReportsProgressAndCanBeCancelled)
{
    const QByteArray data = test::readData(QStringLiteral("frus1894Nicaragua.xml"));
    qint64 last = -1;
    int calls = 0;
    auto whole = TeiParser::parse(data, QStringLiteral("n.xml"), [&](qint64 done, qint64 total) {
        EXPECT_GE(done, last);
        EXPECT_EQ(total, data.size());
        last = done;
        ++calls;
        return true;
    });
    EXPECT_TRUE(whole.has_value());
    EXPECT_GT(calls, 0);
    auto cancelled = TeiParser::parse(data, QStringLiteral("n.xml"), [](qint64, qint64) { return false; });
    ASSERT_FALSE(cancelled.has_value());
    EXPECT_EQ(cancelled.error().message, TeiParser::cancelledMessage());
}

TEST(TeiParser, Issue10ReadsTheDateRangeAndTheSubseries)
{
    const Volume v = extract();
    EXPECT_EQ(d317(v).dateFrom, QStringLiteral("1962-09-05T00:00:00-05:00"));
    EXPECT_EQ(d317(v).dateTo, QStringLiteral("1962-09-05T23:59:59-05:00"));
    Result<Volume> v1934 = TeiParser::parse(test::readData(QStringLiteral("frus1934v05.xml")),
                                            QStringLiteral("frus1934v05.xml"));
    ASSERT_TRUE(v1934.has_value());
    EXPECT_EQ(v1934->subseries, QStringLiteral("1934"));
}

TEST(TeiParser, Issue10TakesTheDateRangeFromTheDatelineWithoutFrusAttributes)
{
    Result<Volume> v = parseText(R"(<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
        <div type="document" xml:id="d1" n="1"><head>One</head><dateline><date when="1934-08-24">Aug 24</date></dateline><p>a</p></div>
        <div type="document" xml:id="d2" n="2"><head>Two</head><dateline><date notBefore="1934-09" notAfter="1934-10-15">Autumn</date></dateline><p>b</p></div>
        <div type="document" xml:id="d3" n="3"><head>Three</head><p>c</p></div>
        </body></text></TEI>)");
    ASSERT_TRUE(v.has_value()) << v.error().toString().toStdString();
    ASSERT_EQ(v->documents.size(), 3u);
    EXPECT_EQ(v->documents[0].dateFrom, QStringLiteral("1934-08-24"));
    EXPECT_EQ(v->documents[0].dateTo, QStringLiteral("1934-08-24"));
    EXPECT_EQ(v->documents[1].dateFrom, QStringLiteral("1934-09"));
    EXPECT_EQ(v->documents[1].dateTo, QStringLiteral("1934-10-15"));
    EXPECT_TRUE(v->documents[2].dateFrom.isEmpty());
}

// Issue 12, item 14: a line break in a chapter's head parts its words, in the library tree and the CLI
// alike ("Russia<lb/>Economic Relations" read "RussiaEconomic Relations"), as in a document's head.
TEST(TeiParser, Issue12ALineBreakInADivisionHeadPartsItsWords)
{
    auto v = parseText(R"(<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body>
      <div type="compilation" xml:id="comp1"><head>Russia<lb/>Economic Relations</head>
        <div type="chapter" xml:id="ch1"><head><hi rend="italic">Soviet trade</hi><lb/>with the<lb/>United States</head>
          <div type="document" xml:id="d1" n="1"><head>No. 1.<lb/><hi rend="italic">Mr. Seat to Mr. Gresham.</hi></head><p>Text.</p></div>
        </div></div></body></text></TEI>)");
    ASSERT_TRUE(v.has_value()) << v.error().toString().toStdString();
    ASSERT_EQ(v->divisions.size(), 2u);
    EXPECT_EQ(v->divisions[0].title, QStringLiteral("Russia Economic Relations"));
    EXPECT_EQ(v->divisions[1].title, QStringLiteral("Soviet trade with the United States"));
    ASSERT_EQ(v->documents.size(), 1u);
    EXPECT_EQ(v->documents[0].title, QStringLiteral("Mr. Seat to Mr. Gresham."));
}

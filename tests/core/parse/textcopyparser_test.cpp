#include "parse/textcopyparser.h"

#include "parse/teiparser.h"

#include "support/testdata.h"

#include <QRandomGenerator>

#include <gtest/gtest.h>

#include <algorithm>

using namespace marginalia;

namespace {

const QString kD317 = QStringLiteral("frus1961-63v09-d317.txt");

Volume parseOk(const QByteArray &data, const QString &name = QStringLiteral("copy.txt"))
{
    Result<Volume> result = TextCopyParser::parse(data, name);
    EXPECT_TRUE(result.has_value()) << (result ? std::string() : result.error().toString().toStdString());
    return result ? std::move(result).value() : Volume{};
}

// A copy, so that it outlives a temporary volume.
Document onlyDocument(const Volume &volume)
{
    EXPECT_EQ(volume.documents.size(), 1u);
    return volume.documents.empty() ? Document{} : volume.documents.front();
}

// The text of the block a footnote's marker stands in, up to the marker.
QString textBeforeMarker(const Document &doc, const Footnote &note)
{
    if (!note.marker.inBody() || note.marker.block < 0 || std::size_t(note.marker.block) >= doc.body.size())
        return {};
    return doc.body[std::size_t(note.marker.block)].text.left(note.marker.offset);
}

bool hasAnchor(const Block &block, AnchorKind kind, int start, int end, int index)
{
    return std::any_of(block.anchors.begin(), block.anchors.end(), [&](const Anchor &a) {
        return a.kind == kind && a.start == start && a.end == end && a.index == index;
    });
}

QString footnoteText(const Footnote &note)
{
    return plainText(note.content);
}

} // namespace

TEST(TextCopyParser, ReadsD317AsOneDocumentOfATextCopyVolume)
{
    const Volume volume = parseOk(test::readData(kD317), kD317);
    EXPECT_EQ(volume.format, SourceFormat::TextCopy);
    EXPECT_TRUE(volume.id.isEmpty());
    EXPECT_TRUE(volume.title.isEmpty());
    EXPECT_EQ(volume.sourcePath, kD317);
    EXPECT_TRUE(volume.warnings.empty()) << volume.warnings.front().toString().toStdString();
    const Document doc = onlyDocument(volume);
    EXPECT_EQ(doc.id, QStringLiteral("d317"));
    EXPECT_EQ(doc.number, QStringLiteral("317"));
    EXPECT_TRUE(doc.firstPage.isEmpty());
    ASSERT_FALSE(doc.body.empty());
    EXPECT_EQ(doc.body[0].kind, BlockKind::Heading);
    EXPECT_EQ(doc.body[0].level, 1);
    EXPECT_EQ(doc.body[1].text.left(20), QStringLiteral("Dear Luther: This is"));
    EXPECT_EQ(doc.body.back().text, QStringLiteral("Dean"));
    EXPECT_EQ(volume.stats.documents, 1);
    EXPECT_EQ(volume.stats.footnotes, 5);
    EXPECT_EQ(volume.stats.pageBreaks, 1);
    EXPECT_EQ(volume.stats.references, 1);
    EXPECT_EQ(volume.stats.internalReferences, 1);
    EXPECT_EQ(volume.stats.resolvedReferences, 0);
}

TEST(TextCopyParser, StripsSourceMarkerZeroFromTitle)
{
    const Document doc = onlyDocument(parseOk(test::readData(kD317)));
    EXPECT_EQ(doc.title, QStringLiteral("Letter From Secretary of State Rusk to Secretary of Commerce Hodges"));
    EXPECT_EQ(doc.body[0].text,
              QStringLiteral("317. Letter From Secretary of State Rusk to Secretary of Commerce Hodges"));
}

TEST(TextCopyParser, PlacesEveryD317FootnoteAtItsWord)
{
    const Document doc = onlyDocument(parseOk(test::readData(kD317)));
    ASSERT_EQ(doc.footnotes.size(), 5u);
    const char *const words[] = {"Hodges", "bloc.", "practices.", "future.", "Dean"};
    for (int k = 0; k < 5; ++k) {
        const Footnote &note = doc.footnotes[std::size_t(k)];
        SCOPED_TRACE(k);
        EXPECT_EQ(note.label, QString::number(k));
        EXPECT_EQ(note.id, QStringLiteral("d317fn") + QString::number(k));
        EXPECT_TRUE(textBeforeMarker(doc, note).endsWith(QLatin1String(words[k])))
            << textBeforeMarker(doc, note).toStdString();
        const Block &block = doc.body[std::size_t(note.marker.block)];
        EXPECT_TRUE(hasAnchor(block, AnchorKind::FootnoteMarker, note.marker.offset, note.marker.offset, k));
    }
    EXPECT_TRUE(doc.footnotes[0].isSource());
    EXPECT_EQ(doc.footnotes[0].marker, (Location{-1, 0, int(doc.body[0].text.size())}));
    // The marker digits are gone from the text.
    EXPECT_NE(doc.body[1].text.right(2), QStringLiteral(".1"));
    EXPECT_TRUE(doc.body[1].text.endsWith(QStringLiteral("the Soviet bloc.")));
}

TEST(TextCopyParser, ReadsTheFiveD317FootnoteTexts)
{
    const Document doc = onlyDocument(parseOk(test::readData(kD317)));
    ASSERT_EQ(doc.footnotes.size(), 5u);
    EXPECT_EQ(footnoteText(doc.footnotes[0]),
              QStringLiteral("Source: Department of State, Central Files, 460.509/8-1762. Secret. Drafted by Trezise "
                             "and Clarence T. Breaux (E/MDC) on August 23, and retyped in S/S on September 1."));
    EXPECT_EQ(footnoteText(doc.footnotes[1]),
              QStringLiteral("In his August 17 letter to Rusk, Hodges proposed negotiations on expansion of trade in "
                             "the NATO Council of Economic Advisers and on expansion of the level of export controls "
                             "in the Consultative Group. (Ibid.)"));
    EXPECT_EQ(footnoteText(doc.footnotes[2]), QStringLiteral("Document 316."));
    EXPECT_TRUE(footnoteText(doc.footnotes[3]).startsWith(QStringLiteral("The draft Code of Fair Practices")));
    EXPECT_TRUE(footnoteText(doc.footnotes[3]).endsWith(QStringLiteral("(Department of State, Central Files, "
                                                                       "460.119/9-562)")));
    EXPECT_EQ(footnoteText(doc.footnotes[4]),
              QStringLiteral("Printed from a copy that indicates Rusk signed the original."));
    for (const Footnote &note : doc.footnotes) {
        ASSERT_EQ(note.content.size(), 1u);
        EXPECT_EQ(note.content[0].kind, BlockKind::Paragraph);
    }
}

TEST(TextCopyParser, DoesNotTakeActionNumbersOrDatesAsMarkers)
{
    const Document doc = onlyDocument(parseOk(test::readData(kD317)));
    const QString text = plainText(doc.body);
    EXPECT_TRUE(text.contains(QStringLiteral("under NSC Action 2455 to develop")));
    EXPECT_TRUE(text.contains(QStringLiteral("nor does NSC action 2455 record")));
    EXPECT_TRUE(text.contains(QStringLiteral("your letter of August 17 about")));
    EXPECT_TRUE(text.contains(QStringLiteral("on July 17 discussed")));
    EXPECT_TRUE(text.contains(QStringLiteral("on August 9 we")));
}

TEST(TextCopyParser, PageLineIsABreakAtTheStartOfTheNextParagraph)
{
    const Document doc = onlyDocument(parseOk(test::readData(kD317)));
    ASSERT_EQ(doc.pageBreaks.size(), 1u);
    const PageBreak &pb = doc.pageBreaks[0];
    EXPECT_EQ(pb.n, QStringLiteral("704"));
    EXPECT_EQ(pb.id, QStringLiteral("pg_704"));
    ASSERT_TRUE(pb.where.inBody());
    EXPECT_EQ(pb.where.offset, 0);
    const Block &block = doc.body[std::size_t(pb.where.block)];
    EXPECT_TRUE(block.text.startsWith(QStringLiteral("As I wrote you")));
    EXPECT_TRUE(hasAnchor(block, AnchorKind::PageBreak, 0, 0, 0));
    EXPECT_FALSE(plainText(doc.body).contains(QStringLiteral("[Page")));
    EXPECT_FALSE(plainText(doc.body).contains(QStringLiteral("704")));
}

TEST(TextCopyParser, DocumentMentionInFootnoteIsACrossReference)
{
    const Document doc = onlyDocument(parseOk(test::readData(kD317)));
    ASSERT_EQ(doc.crossReferences.size(), 1u);
    const CrossReference &ref = doc.crossReferences[0];
    EXPECT_EQ(ref.label, QStringLiteral("Document 316"));
    EXPECT_TRUE(ref.volume.isEmpty());
    EXPECT_EQ(ref.target, QStringLiteral("d316"));
    EXPECT_EQ(ref.raw, QStringLiteral("#d316"));
    EXPECT_EQ(ref.kind, ReferenceKind::Document);
    const int fn2 = doc.footnoteIndex(QStringLiteral("d317fn2"));
    ASSERT_GE(fn2, 0);
    EXPECT_EQ(doc.footnotes[std::size_t(fn2)].label, QStringLiteral("2"));
    EXPECT_EQ(ref.where, (Location{fn2, 0, 0}));
    EXPECT_TRUE(hasAnchor(doc.footnotes[std::size_t(fn2)].content[0], AnchorKind::CrossReference, 0, 12, 0));
}

// Issue 2, item 4: the TEI d317 and the text-copy d317 give the same five footnotes at the same words.
TEST(TextCopyParser, MatchesTheTeiD317FootnotesAtTheSameWords)
{
    const Document copy = onlyDocument(parseOk(test::readData(kD317)));
    const Result<Volume> tei =
        TeiParser::parse(test::readData(QStringLiteral("frus1961-63v09-d316-d318.xml")), QStringLiteral("tei"));
    ASSERT_TRUE(tei.has_value()) << tei.error().toString().toStdString();
    const Document *xml = tei->document(QStringLiteral("d317"));
    ASSERT_NE(xml, nullptr);
    EXPECT_EQ(copy.title, xml->title);
    ASSERT_EQ(copy.footnotes.size(), xml->footnotes.size());
    for (std::size_t k = 0; k < copy.footnotes.size(); ++k) {
        SCOPED_TRACE(k);
        const Footnote &a = copy.footnotes[k];
        const Footnote &b = xml->footnotes[k];
        EXPECT_EQ(a.id, b.id);
        EXPECT_EQ(a.label, b.label);
        EXPECT_EQ(footnoteText(a).toStdString(), footnoteText(b).toStdString());
        // The copy has no dateline block, so compare the marked blocks' texts, not block numbers.
        ASSERT_GE(a.marker.block, 0);
        ASSERT_GE(b.marker.block, 0);
        EXPECT_EQ(copy.body[std::size_t(a.marker.block)].text.toStdString(),
                  xml->body[std::size_t(b.marker.block)].text.toStdString());
        EXPECT_EQ(a.marker.offset, b.marker.offset);
    }
    ASSERT_EQ(copy.crossReferences.size(), 1u);
    ASSERT_FALSE(xml->crossReferences.empty());
    EXPECT_EQ(copy.crossReferences[0].target, xml->crossReferences[0].target);
    EXPECT_EQ(copy.crossReferences[0].where, xml->crossReferences[0].where);
}

TEST(TextCopyParser, StripsOnlyOneTrailingZeroFromANumberedTitle)
{
    const QByteArray copy = "353. Memorandum No. 1420\n\nThe text.1\n\n"
                            "1. Source: Kennedy Library.\n2. A note.\n";
    const Document doc = onlyDocument(parseOk(copy));
    EXPECT_EQ(doc.title, QStringLiteral("Memorandum No. 142"));
    EXPECT_EQ(doc.body[0].text, QStringLiteral("353. Memorandum No. 142"));
    ASSERT_EQ(doc.footnotes.size(), 2u);
    EXPECT_EQ(textBeforeMarker(doc, doc.footnotes[1]), QStringLiteral("The text."));

    const Document d314 = onlyDocument(parseOk("314. Action No. 24550\n\nText.\n\n  1. Source: Files.\n"));
    EXPECT_EQ(d314.title, QStringLiteral("Action No. 2455"));
}

TEST(TextCopyParser, SourceMarkerStaysAtTitleEndWhenTheTitleHoldsAnotherMarker)
{
    const Document doc = onlyDocument(parseOk("5. Report on the bloc.1 talks0\n\n1. Source: Files.\n2. A note.\n"));
    EXPECT_EQ(doc.title, QStringLiteral("Report on the bloc. talks"));
    ASSERT_EQ(doc.footnotes.size(), 2u);
    EXPECT_EQ(doc.footnotes[0].marker, (Location{-1, 0, int(doc.body[0].text.size())}));
    EXPECT_EQ(textBeforeMarker(doc, doc.footnotes[1]), QStringLiteral("5. Report on the bloc."));
}

TEST(TextCopyParser, DocumentWithoutSourceNoteLabelsNotesFromOne)
{
    const QByteArray copy = "319. Editorial Note\n\nOn July 17 the Council met.1 It decided\nnothing new.2\n\n"
                            "1. Minutes are in the Kennedy Library.\n2. See Document 318.\n";
    const Volume volume = parseOk(copy);
    EXPECT_TRUE(volume.warnings.empty());
    const Document doc = onlyDocument(volume);
    EXPECT_EQ(doc.title, QStringLiteral("Editorial Note"));
    EXPECT_EQ(doc.body[0].text, QStringLiteral("319. Editorial Note"));
    ASSERT_EQ(doc.footnotes.size(), 2u);
    EXPECT_EQ(doc.footnotes[0].label, QStringLiteral("1"));
    EXPECT_EQ(doc.footnotes[0].id, QStringLiteral("d319fn1"));
    EXPECT_FALSE(doc.footnotes[0].isSource());
    EXPECT_EQ(textBeforeMarker(doc, doc.footnotes[0]), QStringLiteral("On July 17 the Council met."));
    EXPECT_EQ(textBeforeMarker(doc, doc.footnotes[1]),
              QStringLiteral("On July 17 the Council met. It decided nothing new."));
}

TEST(TextCopyParser, MarkerMustBeTheNextExpectedLabel)
{
    // "table.2" comes before marker 1, so it is text; "p. 3" is not glued; "(1)" is a list label.
    const QByteArray copy = "67. Memorandum0\n\n(1) See the table.2 and p. 3 of the report.1\n\nIt ended.2\n\n"
                            "1. Source: Files.\n2. First.\n3. Second.\n";
    const Volume volume = parseOk(copy);
    EXPECT_TRUE(volume.warnings.empty());
    const Document doc = onlyDocument(volume);
    ASSERT_EQ(doc.footnotes.size(), 3u);
    EXPECT_EQ(doc.body[1].text, QStringLiteral("(1) See the table.2 and p. 3 of the report."));
    EXPECT_EQ(textBeforeMarker(doc, doc.footnotes[1]), doc.body[1].text);
    EXPECT_EQ(textBeforeMarker(doc, doc.footnotes[2]), QStringLiteral("It ended."));
}

TEST(TextCopyParser, MarkerGluedToPageWordIsAccepted)
{
    const Document doc = onlyDocument(parseOk(
        "354. Telegram0\n\nFirst.1 Second.2 The Prime Minister also mentioned that Page3 would come.\n\n"
        "1. Source: Files.\n2. One.\n3. Two.\n4. Howard W. Page.\n"));
    ASSERT_EQ(doc.footnotes.size(), 4u);
    EXPECT_TRUE(textBeforeMarker(doc, doc.footnotes[3]).endsWith(QStringLiteral("mentioned that Page")));
    EXPECT_TRUE(doc.body[1].text.endsWith(QStringLiteral("that Page would come.")));
}

TEST(TextCopyParser, MidSentencePageLineJoinsTheParagraph)
{
    const QByteArray copy = "316. Paper0\n\nTwelve\n\n[Page 12]\n\nof the 67 items.1\n\n1. Source: Files.\n2. A.\n";
    const Document doc = onlyDocument(parseOk(copy));
    ASSERT_EQ(doc.body.size(), 2u);
    EXPECT_EQ(doc.body[1].text, QStringLiteral("Twelve of the 67 items."));
    ASSERT_EQ(doc.pageBreaks.size(), 1u);
    EXPECT_EQ(doc.pageBreaks[0].n, QStringLiteral("12"));
    EXPECT_EQ(doc.pageBreaks[0].where, (Location{-1, 1, 7}));
    EXPECT_TRUE(hasAnchor(doc.body[1], AnchorKind::PageBreak, 7, 7, 0));
    EXPECT_EQ(textBeforeMarker(doc, doc.footnotes[1]), QStringLiteral("Twelve of the 67 items."));
}

TEST(TextCopyParser, InlinePageLabelIsABreakInsideTheParagraph)
{
    const QByteArray copy = "316. Paper0\n\nTwelve [Page 12] of the 67 [Facsimile Page 13] items.1\n\n"
                            "1. Source: Files.\n2. A.\n";
    const Document doc = onlyDocument(parseOk(copy));
    EXPECT_EQ(doc.body[1].text, QStringLiteral("Twelve of the 67 items."));
    ASSERT_EQ(doc.pageBreaks.size(), 2u);
    EXPECT_EQ(doc.pageBreaks[0].where, (Location{-1, 1, 7}));
    EXPECT_EQ(doc.pageBreaks[1].n, QStringLiteral("13"));
    EXPECT_EQ(doc.pageBreaks[1].where, (Location{-1, 1, 17}));
}

TEST(TextCopyParser, DocumentRangeGivesOneReferencePerNumber)
{
    const QByteArray copy = "320. Note0\n\nSee Documents 309\u2013312 and Documents 5-7.1\n\n"
                            "1. Source: Files.\n2. See Document 316, and footnote 2.\n";
    const Volume volume = parseOk(copy);
    const Document doc = onlyDocument(volume);
    ASSERT_EQ(doc.crossReferences.size(), 5u);
    const QString labels[] = {QStringLiteral("Documents 309"), QStringLiteral("312"), QStringLiteral("Documents 5"),
                              QStringLiteral("7"), QStringLiteral("Document 316")};
    const QString targets[] = {QStringLiteral("d309"), QStringLiteral("d312"), QStringLiteral("d5"),
                               QStringLiteral("d7"), QStringLiteral("d316")};
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(doc.crossReferences[std::size_t(i)].label, labels[i]);
        EXPECT_EQ(doc.crossReferences[std::size_t(i)].target, targets[i]);
        EXPECT_EQ(doc.crossReferences[std::size_t(i)].kind, ReferenceKind::Document);
    }
    const QString &text = doc.body[1].text;
    EXPECT_EQ(doc.crossReferences[1].where, (Location{-1, 1, int(text.indexOf(QStringLiteral("312")))}));
    EXPECT_TRUE(hasAnchor(doc.body[1], AnchorKind::CrossReference, 4, 17, 0));
    EXPECT_EQ(volume.stats.references, 5);
    EXPECT_EQ(volume.stats.internalReferences, 5);
}

TEST(TextCopyParser, DatelineParagraphGivesPlaceAndDate)
{
    const Document doc = onlyDocument(
        parseOk("317. Letter0\n\nWashington, September 5, 1962.\n\nDear Luther.\n\n1. Source: Files.\n"));
    EXPECT_EQ(doc.place, QStringLiteral("Washington"));
    EXPECT_EQ(doc.date, QStringLiteral("1962-09-05"));
    EXPECT_EQ(doc.body[1].kind, BlockKind::Dateline);
}

TEST(TextCopyParser, AcceptsBomAndCrlf)
{
    QByteArray data = test::readData(kD317);
    data.replace("\n", "\r\n");
    data.prepend("\xEF\xBB\xBF");
    const Document crlf = onlyDocument(parseOk(data));
    const Document plain = onlyDocument(parseOk(test::readData(kD317)));
    EXPECT_EQ(plainText(crlf.body), plainText(plain.body));
    ASSERT_EQ(crlf.footnotes.size(), plain.footnotes.size());
    for (std::size_t k = 0; k < plain.footnotes.size(); ++k)
        EXPECT_EQ(crlf.footnotes[k].marker, plain.footnotes[k].marker);
}

TEST(TextCopyParser, EmptyFileIsAnError)
{
    for (const QByteArray &data : {QByteArray(), QByteArray(" \n\t\r\n "), QByteArray("\xEF\xBB\xBF\n")}) {
        const Result<Volume> result = TextCopyParser::parse(data, QStringLiteral("e.txt"));
        ASSERT_FALSE(result.has_value());
        EXPECT_EQ(result.error().file, QStringLiteral("e.txt"));
        EXPECT_EQ(result.error().message, QStringLiteral("the file is empty"));
    }
}

TEST(TextCopyParser, InvalidUtf8ReportsLineAndColumn)
{
    const Result<Volume> result = TextCopyParser::parse("317. Title0\n\nCaf\xC3\xA9 ok \xFF bad\n", QStringLiteral("b.txt"));
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().line, 3);
    EXPECT_EQ(result.error().column, 9); // "Café ok " is eight characters
    EXPECT_TRUE(result.error().message.contains(QStringLiteral("UTF-8")));
    const Result<Volume> surrogate = TextCopyParser::parse("1. T\n\xED\xA0\x80", QStringLiteral("s.txt"));
    ASSERT_FALSE(surrogate.has_value());
    EXPECT_EQ(surrogate.error().line, 2);
    EXPECT_EQ(surrogate.error().column, 1);
}

// Issue 11: a heading without "NNN. " is an old volume's heading, no longer an error.
TEST(TextCopyParser, Issue11HeadingWithoutNumberOpens)
{
    const Volume volume = parseOk("Letter From Rusk to Hodges\n\nText.\n", QStringLiteral("t.txt"));
    const Document doc = onlyDocument(volume);
    EXPECT_EQ(doc.title, QStringLiteral("Letter From Rusk to Hodges"));
    EXPECT_TRUE(doc.number.isEmpty());
    EXPECT_TRUE(doc.id.isEmpty()); // nothing says which document it is
    EXPECT_EQ(doc.body[0].kind, BlockKind::Heading);
    EXPECT_EQ(doc.body[1].text, QStringLiteral("Text."));
}

TEST(TextCopyParser, TextWithoutWordsIsAnError)
{
    const Result<Volume> result = TextCopyParser::parse("\n1234\n\n5. 6.\n", QStringLiteral("t.txt"));
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().line, 2);
    EXPECT_TRUE(result.error().message.contains(QStringLiteral("no words")));
}

TEST(TextCopyParser, NoFootnoteListOpensWithAWarning)
{
    const Volume volume = parseOk("317. Letter0\n\nDear Luther: the bloc.1\n\nDean\n", QStringLiteral("n.txt"));
    const Document doc = onlyDocument(volume);
    EXPECT_TRUE(doc.footnotes.empty());
    EXPECT_EQ(doc.title, QStringLiteral("Letter0")); // without a source note there is no marker to strip
    EXPECT_EQ(doc.body[1].text, QStringLiteral("Dear Luther: the bloc.1"));
    ASSERT_EQ(volume.warnings.size(), 1u);
    EXPECT_EQ(volume.warnings[0].file, QStringLiteral("n.txt"));
    EXPECT_TRUE(volume.warnings[0].message.contains(QStringLiteral("no footnote list")));
}

// Issue 11: one marker that cannot be placed no longer unplaces the others.
TEST(TextCopyParser, Issue11OneLostMarkerLeavesTheOthersPlaced)
{
    // d317 with marker 3 ("future.3") lost: only list item 4 has no marker.
    QByteArray data = test::readData(kD317);
    data.replace("near future.3", "near future.");
    const Volume volume = parseOk(data);
    const Document doc = onlyDocument(volume);
    ASSERT_EQ(doc.footnotes.size(), 5u);
    EXPECT_EQ(doc.footnotes[0].marker, (Location{-1, 0, int(doc.body[0].text.size())}));
    EXPECT_TRUE(textBeforeMarker(doc, doc.footnotes[1]).endsWith(QLatin1String("Soviet bloc.")));
    EXPECT_TRUE(textBeforeMarker(doc, doc.footnotes[2]).endsWith(QLatin1String("fair practices.")));
    EXPECT_LT(doc.footnotes[3].marker.block, 0);
    EXPECT_EQ(textBeforeMarker(doc, doc.footnotes[4]), QStringLiteral("Dean"));
    for (int k = 0; k < 5; ++k) {
        EXPECT_EQ(doc.footnotes[std::size_t(k)].label, QString::number(k));
        EXPECT_EQ(doc.footnotes[std::size_t(k)].id, QStringLiteral("d317fn") + QString::number(k));
    }
    EXPECT_FALSE(plainText(doc.body).contains(QStringLiteral("bloc.1")));
    ASSERT_EQ(volume.warnings.size(), 1u);
    const Error &warning = volume.warnings[0];
    EXPECT_TRUE(warning.message.startsWith(QStringLiteral("footnote 3 (list item 4, \u201CThe draft Code")))
        << warning.message.toStdString();
    EXPECT_EQ(warning.line, 21); // the line of list item 4
}

TEST(TextCopyParser, ExtraMarkerAfterTheListIsFlagged)
{
    const Volume volume = parseOk("12. Note\n\nOne.1 Two.2\n\n1. First.\n");
    const Document doc = onlyDocument(volume);
    EXPECT_EQ(textBeforeMarker(doc, doc.footnotes[0]), QStringLiteral("One."));
    ASSERT_EQ(volume.warnings.size(), 1u);
    EXPECT_TRUE(volume.warnings[0].message.contains(QStringLiteral("marker 2")));
}

TEST(TextCopyParser, MultiParagraphNoteKeepsItsParagraphs)
{
    const Document doc = onlyDocument(parseOk("12. Note\n\nOne.1\n\n1. First part.\n   Second part.\n"));
    ASSERT_EQ(doc.footnotes.size(), 1u);
    ASSERT_EQ(doc.footnotes[0].content.size(), 2u);
    EXPECT_EQ(doc.footnotes[0].content[1].text, QStringLiteral("Second part."));
}

TEST(TextCopyParser, HugeSingleLineDoesNotCrash)
{
    QByteArray data = "1. Title0\n\n";
    data += QByteArray(8 * 1024 * 1024, 'a');
    data += QByteArray("1 [Page 3] 2 Document 4").repeated(20000);
    const Result<Volume> result = TextCopyParser::parse(data, QStringLiteral("h.txt"));
    ASSERT_TRUE(result.has_value());
    EXPECT_FALSE(result->warnings.empty());
    const Result<Volume> noTitle = TextCopyParser::parse(QByteArray(4 * 1024 * 1024, '1'), QStringLiteral("h.txt"));
    EXPECT_FALSE(noTitle.has_value());
    const Result<Volume> manyItems = TextCopyParser::parse("1. T\n" + QByteArray("1. x\n").repeated(200000),
                                                           QStringLiteral("h.txt"));
    EXPECT_TRUE(manyItems.has_value());
}

TEST(TextCopyParser, BinaryGarbageDoesNotCrash)
{
    QRandomGenerator random(317);
    const QByteArray alphabet = "0123456789. \n\r\t[]PageDocuments\xE2\x80\x93Source:";
    for (int round = 0; round < 500; ++round) {
        QByteArray data(int(random.bounded(1, 400)), '\0');
        for (char &c : data)
            c = round % 2 ? char(random.bounded(256)) : alphabet[int(random.bounded(int(alphabet.size())))];
        if (round % 4 == 0)
            data.prepend("9. T0\n");
        const Result<Volume> result = TextCopyParser::parse(data, QStringLiteral("g.bin"));
        if (result) {
            const Document &doc = result->documents.at(0);
            for (const Footnote &note : doc.footnotes) {
                if (note.marker.block >= 0) {
                    EXPECT_LE(note.marker.offset, doc.body.at(std::size_t(note.marker.block)).text.size());
                }
            }
        } else {
            EXPECT_FALSE(result.error().message.isEmpty());
        }
    }
}

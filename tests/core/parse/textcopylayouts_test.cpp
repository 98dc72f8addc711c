// Issue 11: text copies of history.state.gov pages in each layout the site produces, and markers that
// are the book's own labels.
#include "parse/textcopyparser.h"

#include "support/testdata.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace marginalia;

namespace {

Document parseOne(const QByteArray &data, std::vector<Error> *warnings = nullptr,
                  const QString &name = QStringLiteral("copy.txt"))
{
    Result<Volume> result = TextCopyParser::parse(data, name);
    EXPECT_TRUE(result.has_value()) << (result ? std::string() : result.error().toString().toStdString());
    if (!result || result->documents.size() != 1)
        return {};
    if (warnings)
        *warnings = result->warnings;
    return result->documents.front();
}

QString before(const Document &doc, int footnote)
{
    const Location &at = doc.footnotes.at(std::size_t(footnote)).marker;
    if (!at.inBody() || at.block < 0)
        return QStringLiteral("<no place>");
    return doc.body.at(std::size_t(at.block)).text.left(at.offset);
}

QStringList labels(const Document &doc)
{
    QStringList out;
    for (const Footnote &note : doc.footnotes)
        out.append(note.label);
    return out;
}

} // namespace

TEST(TextCopyLayouts, Issue11HeadingWithoutNumber)
{
    const Document doc = parseOne("The Secretary of State to the Minister in Egypt (Kirk)\n\n"
                                  "Washington, June 6, 1934.\n\nThe text.\n");
    EXPECT_EQ(doc.title, QStringLiteral("The Secretary of State to the Minister in Egypt (Kirk)"));
    EXPECT_EQ(doc.body[0].kind, BlockKind::Heading);
    EXPECT_TRUE(doc.number.isEmpty());
    EXPECT_EQ(doc.body[1].kind, BlockKind::Dateline);
    EXPECT_EQ(doc.date, QStringLiteral("1934-06-06"));
}

TEST(TextCopyLayouts, Issue11SourceLineAboveTheHeadingFollowsIt)
{
    // As the site shows a pre-1937 page: the file number, the heading, "[Extract]", with single newlines.
    const Document doc = parseOne("783.003/144\nThe Secretary of State to the Minister in Egypt (Kirk)\n[Extract]\n"
                                  "Washington, June 6, 1934.\n\nThe Egyptian Government has asked.\n");
    EXPECT_EQ(doc.title, QStringLiteral("The Secretary of State to the Minister in Egypt (Kirk)"));
    ASSERT_GE(doc.body.size(), 5u);
    EXPECT_EQ(doc.body[0].text, doc.title);
    EXPECT_EQ(doc.body[1].text, QStringLiteral("783.003/144")); // after the heading, as the TEI reader has it
    EXPECT_EQ(doc.body[2].text, QStringLiteral("[Extract]"));
    EXPECT_EQ(doc.body[3].text, QStringLiteral("Washington, June 6, 1934."));
    EXPECT_EQ(doc.body[4].text, QStringLiteral("The Egyptian Government has asked."));
}

TEST(TextCopyLayouts, Issue11SourceLineWithTelegramOfARealPage)
{
    const Document doc = parseOne(test::readData(QStringLiteral("textcopies/frus1934v05-d126.txt")), nullptr,
                                  QStringLiteral("frus1934v05-d126.txt"));
    EXPECT_EQ(doc.title, QStringLiteral("The American Technical Adviser (Turkel) to the Ambassador in Cuba (Caffery)"));
    EXPECT_EQ(doc.body[1].text, QStringLiteral("611.3731/688"));
    EXPECT_EQ(doc.body[2].kind, BlockKind::Dateline);
    EXPECT_EQ(doc.id, QStringLiteral("d126")); // from the page's name, as the site names it
}

TEST(TextCopyLayouts, Issue11NumberLineAboveTheTitle)
{
    const Document doc = parseOne(test::readData(QStringLiteral("textcopies/frus1894Nicaragua-d135.txt")));
    EXPECT_EQ(doc.number, QStringLiteral("135"));
    EXPECT_EQ(doc.id, QStringLiteral("d135"));
    EXPECT_EQ(doc.body[0].text, QStringLiteral("No. 135.\nMr. Bayard to Mr. Gresham."));
    EXPECT_EQ(doc.title, QStringLiteral("Mr. Bayard to Mr. Gresham."));
}

TEST(TextCopyLayouts, Issue11EmptyHeadingAndAMarkerGluedToAYear)
{
    std::vector<Error> warnings;
    const Document doc = parseOne("Washington, June 10, 1901.\n\nSir: Your despatch of June 6, 19012 came.\n\n"
                                  "1. Not printed.\n",
                                  &warnings);
    EXPECT_TRUE(doc.title.isEmpty());
    EXPECT_EQ(doc.body[0].kind, BlockKind::Heading);
    EXPECT_TRUE(doc.body[0].text.isEmpty());
    EXPECT_EQ(doc.body[1].kind, BlockKind::Dateline);
    ASSERT_EQ(doc.footnotes.size(), 1u);
    EXPECT_EQ(doc.footnotes[0].label, QStringLiteral("2"));
    EXPECT_EQ(before(doc, 0), QStringLiteral("Sir: Your despatch of June 6, 1901"));
    EXPECT_TRUE(warnings.empty());
}

TEST(TextCopyLayouts, Issue11PageLabelBeforeTheHeading)
{
    const Document doc = parseOne("[Page 9]\n\nThe Minister in Egypt (Kirk) to the Secretary of State\n\nText.\n");
    EXPECT_EQ(doc.title, QStringLiteral("The Minister in Egypt (Kirk) to the Secretary of State"));
    ASSERT_EQ(doc.pageBreaks.size(), 1u);
    EXPECT_EQ(doc.pageBreaks[0].where, (Location{-1, 0, 0}));
}

TEST(TextCopyLayouts, Issue11PageLabelGluedToTheHeading)
{
    const Document doc = parseOne("[Page 9]The Minister in Egypt (Kirk) to the Secretary of State\n\nText.\n");
    EXPECT_EQ(doc.title, QStringLiteral("The Minister in Egypt (Kirk) to the Secretary of State"));
    ASSERT_EQ(doc.pageBreaks.size(), 1u);
    EXPECT_EQ(doc.pageBreaks[0].n, QStringLiteral("9"));
    EXPECT_EQ(doc.pageBreaks[0].where, (Location{-1, 0, 0}));
}

TEST(TextCopyLayouts, Issue11MarkerInTheHeadingIsNotPartOfTheTitle)
{
    const Document doc = parseOne("The Secretary of State to the Ambassador in France (Herrick)18\n\n"
                                  "The Embassy at London,19 and the Secretary of War.20\n\n"
                                  "1. Telegram not printed.\n2. Not printed.\n3. Supra.\n");
    EXPECT_EQ(doc.title, QStringLiteral("The Secretary of State to the Ambassador in France (Herrick)"));
    EXPECT_EQ(labels(doc), (QStringList{QStringLiteral("18"), QStringLiteral("19"), QStringLiteral("20")}));
    EXPECT_EQ(doc.footnotes[0].marker, (Location{-1, 0, int(doc.title.size())}));
    EXPECT_EQ(doc.footnotes[0].id, QStringLiteral("fn18")); // no number or page name: no document id
}

TEST(TextCopyLayouts, Issue11ChapterWideLabelsAndAPageBreakInsideTheParagraph)
{
    const Document doc = parseOne("The Secretary of State to the Ambassador in Great Britain (Bingham)\n\n"
                                  "You will consult the Embassy at London,41 the Legation at Cairo42 and the "
                                  "Secretary of War.43 [Page 92] You are to report.\n\n"
                                  "1. Not printed.\n2. Not printed.\n3. See p. 88.\n");
    EXPECT_EQ(labels(doc), (QStringList{QStringLiteral("41"), QStringLiteral("42"), QStringLiteral("43")}));
    EXPECT_TRUE(before(doc, 0).endsWith(QLatin1String("at London,")));
    EXPECT_TRUE(before(doc, 1).endsWith(QLatin1String("at Cairo")));
    EXPECT_TRUE(before(doc, 2).endsWith(QLatin1String("Secretary of War.")));
    ASSERT_EQ(doc.body.size(), 2u);
    EXPECT_TRUE(doc.body[1].text.endsWith(QLatin1String("Secretary of War. You are to report.")));
    ASSERT_EQ(doc.pageBreaks.size(), 1u);
    EXPECT_EQ(doc.pageBreaks[0].n, QStringLiteral("92"));
    EXPECT_EQ(doc.pageBreaks[0].where, (Location{-1, 1, int(before(doc, 2).size()) + 1}));
}

TEST(TextCopyLayouts, Issue11LabelsThatRestartOnEachPage)
{
    const Document doc = parseOne("Mr. Baker to Mr. Gresham.\n\nOne.1 Two.2\n\n[Page 5]\n\nThree.1\n\n"
                                  "1. A.\n2. B.\n3. C.\n");
    EXPECT_EQ(labels(doc), (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("1")}));
    EXPECT_EQ(before(doc, 2), QStringLiteral("Three."));
    EXPECT_EQ(doc.footnotes[2].id, QStringLiteral("fn3")); // labels repeat: ids count the notes
}

TEST(TextCopyLayouts, Issue11SignLabels)
{
    const Document doc = parseOne(test::readData(QStringLiteral("textcopies/frus1894Nicaragua-d135.txt")));
    EXPECT_EQ(labels(doc), (QStringList{QStringLiteral("*"), QStringLiteral("\u2020"), QStringLiteral("\u2021")}));
    EXPECT_TRUE(before(doc, 0).endsWith(QLatin1String("17th instant,")));
    EXPECT_TRUE(before(doc, 1).endsWith(QLatin1String("20th instant,")));
    EXPECT_TRUE(before(doc, 2).endsWith(QLatin1String("same date.")));
    EXPECT_TRUE(doc.body[2].text.contains(QStringLiteral("20th instant, and of"))); // one space left
}

TEST(TextCopyLayouts, Issue11RepeatedLabelsAndAMarkerGluedToADay)
{
    std::vector<Error> warnings;
    const Document doc = parseOne(test::readData(QStringLiteral("textcopies/frus1934v05-d122.txt")), &warnings);
    EXPECT_EQ(labels(doc), (QStringList{QStringLiteral("38"), QStringLiteral("39"), QStringLiteral("38"),
                                        QStringLiteral("38"), QStringLiteral("40")}));
    EXPECT_TRUE(before(doc, 2).endsWith(QLatin1String("your telegram No. 298 of May 18")));
    EXPECT_TRUE(warnings.empty()) << warnings.front().toString().toStdString();
}

TEST(TextCopyLayouts, Issue11OneUnplaceableMarkerIsNamedAndTheOthersArePlaced)
{
    QByteArray data = test::readData(QStringLiteral("textcopies/frus1934v05-d125.txt"));
    ASSERT_TRUE(data.contains("44"));
    data.replace(data.indexOf("44"), 2, "");
    std::vector<Error> warnings;
    const Document doc = parseOne(data, &warnings);
    ASSERT_EQ(doc.footnotes.size(), 4u);
    EXPECT_EQ(labels(doc), (QStringList{QStringLiteral("43"), QStringLiteral("44"), QStringLiteral("45"),
                                        QStringLiteral("46")}));
    EXPECT_GE(doc.footnotes[0].marker.block, 0);
    EXPECT_LT(doc.footnotes[1].marker.block, 0);
    EXPECT_GE(doc.footnotes[2].marker.block, 0);
    EXPECT_GE(doc.footnotes[3].marker.block, 0);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_TRUE(warnings[0].message.startsWith(QStringLiteral("footnote 44 (list item 2"))) << warnings[0].message.toStdString();
}

TEST(TextCopyLayouts, Issue11StrayDigitsAreNotMarkers)
{
    // "No. 1," and "1934." after spaces are not glued; the list's one note is the real marker.
    const Document doc = parseOne("The Minister in Cuba (Welles) to the Secretary of State\n\n"
                                  "7. Your telegram No. 1, January 5, 1934. The Department is not clear.8\n\n"
                                  "1. Not printed.\n");
    EXPECT_EQ(labels(doc), (QStringList{QStringLiteral("8")}));
    EXPECT_TRUE(before(doc, 0).endsWith(QLatin1String("is not clear.")));
}

TEST(TextCopyLayouts, Issue11SourceNoteLabelledOne)
{
    std::vector<Error> warnings;
    const Document doc = parseOne("5. Telegram From the Embassy in Iran to the Department of State, August 6, 1956, "
                                  "10:23 a.m.1\n\nThe Shah met me.2 He left.3\n\n"
                                  "1. Source: Department of State, Central Files.\n2. Not found.\n3. Ibid.\n",
                                  &warnings);
    EXPECT_EQ(doc.title, QStringLiteral("Telegram From the Embassy in Iran to the Department of State, August 6, "
                                        "1956, 10:23 a.m."));
    EXPECT_EQ(labels(doc), (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
    EXPECT_EQ(doc.footnotes[0].marker, (Location{-1, 0, int(doc.body[0].text.size())}));
    EXPECT_EQ(before(doc, 2), QStringLiteral("The Shah met me. He left."));
    EXPECT_TRUE(warnings.empty()) << warnings.front().toString().toStdString();
}

TEST(TextCopyLayouts, Issue11ListWithTheSiteBackLinks)
{
    const Document doc = parseOne("12. Note0\n\nOne.1 Two.2\n\n  1. Source: Files. \u21A9\n  2. First. \u21A9\n  3. Second.\u21A9\n");
    EXPECT_EQ(labels(doc), (QStringList{QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2")}));
    EXPECT_EQ(plainText(doc.footnotes[2].content), QStringLiteral("Second."));
}

TEST(TextCopyLayouts, Issue11BulletedListWithBackLinks)
{
    const Document doc = parseOne("The Minister in Cuba (Welles) to the Secretary of State\n\nOne.5 Two.6\n\n"
                                  "- Not printed. \u21A9\n- Supra. \u21A9\n");
    EXPECT_EQ(labels(doc), (QStringList{QStringLiteral("5"), QStringLiteral("6")}));
    EXPECT_EQ(plainText(doc.footnotes[1].content), QStringLiteral("Supra."));
    EXPECT_EQ(before(doc, 1), QStringLiteral("One. Two."));
}

TEST(TextCopyLayouts, Issue11SingleNewlinesBetweenParagraphs)
{
    const Document doc = parseOne("The Minister in Cuba (Welles) to the Secretary of State\nHabana, May 5, 1934.\n"
                                  "First paragraph.7\nSecond paragraph.\n1. Not printed.\n");
    ASSERT_EQ(doc.body.size(), 4u);
    EXPECT_EQ(doc.body[1].kind, BlockKind::Dateline);
    EXPECT_EQ(doc.body[2].text, QStringLiteral("First paragraph."));
    EXPECT_EQ(doc.body[3].text, QStringLiteral("Second paragraph."));
    EXPECT_EQ(labels(doc), (QStringList{QStringLiteral("7")}));
}

TEST(TextCopyLayouts, Issue11MarkerSetOffByASpaceOrGluedToATelegramNumber)
{
    const Document doc = parseOne("The Secretary of State to the Ambassador in Chile (Sevier)\n\n"
                                  "Your No. 15431 reached President Carter 2 and May 5 on page 3 of it.\n\n"
                                  "1. Not printed.\n2. Not found.\n");
    EXPECT_EQ(labels(doc), (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
    EXPECT_EQ(before(doc, 0), QStringLiteral("Your No. 1543"));
    EXPECT_EQ(before(doc, 1), QStringLiteral("Your No. 1543 reached President Carter"));
    EXPECT_TRUE(doc.body[1].text.contains(QStringLiteral("Carter and May 5 on page 3")));
}

TEST(TextCopyLayouts, Issue11DatesFileNumbersAndHoursAreNotMarkers)
{
    // Seen in copies of frus1934v05 pages: a day before a year, a file number, the hour of a dateline.
    const Document doc = parseOne("816.51c39/281\n\nThe Minister in Colombia (Whitehouse) to the Secretary of State\n\n"
                                  "Bogot\u00E1, September 24, 1934\u20141 p.m.\n\n"
                                  "Under Law No. 35 of 19325 the Government may act.\n\n1. Not printed.\n");
    EXPECT_EQ(labels(doc), (QStringList{QStringLiteral("5")}));
    EXPECT_EQ(before(doc, 0), QStringLiteral("Under Law No. 35 of 1932"));
}

// frus1934v05 d56, cut short: "14a" after "1931," is the book's label (a note added after 14), not a
// thousands group as "1,000" is.
TEST(TextCopyLayouts, Issue11LetteredLabelAfterAYearAndAComma)
{
    const Document doc = parseOne(
        "611.2131/257\n\nThe Department of State to the Colombian Embassy11\n\nMemorandum\n\n"
        "The memorandum of the Department of State dated August 28, 1934,12 indicated that the Government of "
        "Colombia had been informed of the changes, showing proposed omissions and "
        "additions.13 Paragraph 10 (Tariff Act of 193014)\u2014Tolu balsam. The duties set forth in the Tariff "
        "Schedule of Colombian law 62 of 1931,14a as modified.\n\n"
        "  1. Handed to the Colombian Chargé on December 10, 1934.\n  2. Memorandum missing from Department files.\n"
        "  3. Not printed.\n  4. 46 Stat. 590.\n  5. Colombia, Diario Oficial, May 22, 1931, p. 401.\n");
    EXPECT_EQ(labels(doc), (QStringList{QStringLiteral("11"), QStringLiteral("12"), QStringLiteral("13"),
                                        QStringLiteral("14"), QStringLiteral("14a")}));
    EXPECT_TRUE(before(doc, 3).endsWith(QStringLiteral("Tariff Act of 1930")));
    EXPECT_TRUE(before(doc, 4).endsWith(QStringLiteral("Colombian law 62 of 1931,")));
}

// frus1934v05 d358: the note after the inline "[Translation]" shows its label 53 on a line of its own;
// it is the marker at the start of the next block, where the TEI reader puts it. A number on a line of
// its own after an ordinary paragraph (a table's cell) stays a paragraph of the text.
TEST(TextCopyLayouts, Issue11ALabelOnALineOfItsOwnAfterAnInlineNote)
{
    const QByteArray copy = test::readData(QStringLiteral("textcopies/frus1934v05-d358.txt"));
    const Document doc = parseOne(copy);
    ASSERT_FALSE(doc.footnotes.empty());
    EXPECT_EQ(doc.footnotes[0].label, QStringLiteral("53"));
    const Location &at = doc.footnotes[0].marker;
    ASSERT_TRUE(at.inBody());
    ASSERT_GT(at.block, 0);
    EXPECT_EQ(doc.body[std::size_t(at.block - 1)].text, QStringLiteral("[Translation]"));
    EXPECT_EQ(at.offset, 0);
    EXPECT_EQ(doc.body[std::size_t(at.block)].text, QStringLiteral("Washington, January 12, 1934."));

    QByteArray moved = copy;
    moved.replace("[Translation]\n\n53\n\n", "[Translation]\n\n");
    moved.replace("Washington, January 12, 1934.\n\n", "Washington, January 12, 1934.\n\n53\n\n");
    ASSERT_NE(moved, copy);
    std::vector<Error> warnings;
    const Document other = parseOne(moved, &warnings);
    const auto paragraph = std::find_if(other.body.begin(), other.body.end(),
                                        [](const Block &b) { return b.text == QLatin1String("53"); });
    EXPECT_NE(paragraph, other.body.end());
}

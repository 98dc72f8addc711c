#include "model/readingtext.h"

#include <gtest/gtest.h>

#include <ostream>

namespace marginalia {

// So that a failed comparison says which location it got.
void PrintTo(const Location &where, std::ostream *os)
{
    *os << "{footnote " << where.footnote << ", block " << where.block << ", offset " << where.offset << '}';
}

namespace {

Block block(BlockKind kind, const QString &text)
{
    Block b;
    b.kind = kind;
    b.text = text;
    return b;
}

// A heading, a dateline and two paragraphs, shaped like the seed letter.
RichText letter()
{
    return {
        block(BlockKind::Heading, QStringLiteral("317. Letter From Secretary of State Rusk to Secretary of Commerce Hodges")),
        block(BlockKind::Dateline, QStringLiteral("Washington, September 5, 1962.")),
        block(BlockKind::Paragraph, QStringLiteral("Dear Luther: I have your letter.")),
        block(BlockKind::Paragraph, QStringLiteral("Sincerely,")),
    };
}

TEST(ReadingText, JoinsBlocksWithOneBlankLine)
{
    const ReadingText reading(letter());
    EXPECT_EQ(reading.text(),
              QStringLiteral("317. Letter From Secretary of State Rusk to Secretary of Commerce Hodges\n\n"
                             "Washington, September 5, 1962.\n\n"
                             "Dear Luther: I have your letter.\n\n"
                             "Sincerely,"));
    EXPECT_EQ(ReadingText::separator(), QStringLiteral("\n\n"));
    EXPECT_EQ(reading.text(), plainText(letter()));
}

TEST(ReadingText, EmptyBodyGivesEmptyText)
{
    const ReadingText reading(RichText{});
    EXPECT_TRUE(reading.text().isEmpty());
    EXPECT_EQ(reading.offsetOf(Location{-1, 0, 0}), -1);
}

TEST(ReadingText, EmptyBlocksStillTakeASeparator)
{
    const ReadingText reading({block(BlockKind::Paragraph, QStringLiteral("a")),
                               block(BlockKind::Paragraph, QString()),
                               block(BlockKind::Paragraph, QStringLiteral("b"))});
    EXPECT_EQ(reading.text(), QStringLiteral("a\n\n\n\nb"));
    EXPECT_EQ(reading.blockStart(2), 5);
}

TEST(ReadingText, BlockStartsPointAtEachBlocksFirstCharacter)
{
    const RichText body = letter();
    const ReadingText reading(body);
    for (int i = 0; i < int(body.size()); ++i) {
        EXPECT_EQ(reading.text().mid(reading.blockStart(i), body[std::size_t(i)].text.size()),
                  body[std::size_t(i)].text)
            << "block " << i;
    }
}

TEST(ReadingText, OffsetOfAndLocationOfRoundTripForEveryCharacter)
{
    const RichText body = letter();
    const ReadingText reading(body);
    for (int b = 0; b < int(body.size()); ++b) {
        // Offsets up to and including the block's end: a marker may stand after its last character.
        for (int o = 0; o <= int(body[std::size_t(b)].text.size()); ++o) {
            const Location where{-1, b, o};
            const int offset = reading.offsetOf(where);
            ASSERT_GE(offset, 0);
            EXPECT_EQ(reading.locationOf(offset), where) << "block " << b << " offset " << o;
        }
    }
}

TEST(ReadingText, OffsetOfAMarkerIsRightAfterItsWord)
{
    const ReadingText reading(letter());
    // "Dear Luther:" — a marker after "Luther" stands at offset 11 of block 2.
    const int offset = reading.offsetOf(Location{-1, 2, 11});
    EXPECT_EQ(reading.text().left(offset).right(6), QStringLiteral("Luther"));
}

TEST(ReadingText, FootnoteLocationsAreNotInTheText)
{
    const ReadingText reading(letter());
    EXPECT_EQ(reading.offsetOf(Location{0, 0, 0}), -1);
    EXPECT_EQ(reading.offsetOf(Location{3, 1, 5}), -1);
}

TEST(ReadingText, LocationsOutsideTheBodyGiveMinusOne)
{
    const ReadingText reading(letter());
    EXPECT_EQ(reading.offsetOf(Location{-1, 4, 0}), -1);
    EXPECT_EQ(reading.offsetOf(Location{-1, -1, 0}), -1);
}

TEST(ReadingText, LocationOfClampsBeforeTheStart)
{
    const ReadingText reading(letter());
    EXPECT_EQ(reading.locationOf(0), (Location{-1, 0, 0}));
    EXPECT_EQ(reading.locationOf(-5), (Location{-1, 0, 0}));
}

TEST(ReadingText, LocationOfInsideASeparatorGoesToTheNextBlocksStart)
{
    const RichText body = letter();
    const ReadingText reading(body);
    // The blank line between block 0 and block 1: its second character belongs to neither block.
    const int inSeparator = reading.blockStart(1) - 1;
    EXPECT_EQ(reading.locationOf(inSeparator), (Location{-1, 1, 0}));
}

} // namespace
} // namespace marginalia

// Issue 12 (15): the margin's note cards beside their passages, pushed down in order where they would
// overlap, and the note being read aligned with its words.

#include "annotation/marginlayout.h"

#include <gtest/gtest.h>

namespace marginalia {
namespace {

using Tops = std::vector<int>;

// No card overlaps the one before it (with the gap), and none stands above `top`.
void expectApartInOrder(const std::vector<MarginCard> &cards, const Tops &tops, int gap, int top = 0)
{
    ASSERT_EQ(tops.size(), cards.size());
    for (std::size_t i = 0; i < tops.size(); ++i) {
        EXPECT_GE(tops[i], top) << i;
        if (i > 0) {
            EXPECT_GE(tops[i], tops[i - 1] + cards[i - 1].height + gap) << i;
        }
    }
}

TEST(MarginLayout, NoCardsNoTops)
{
    EXPECT_TRUE(layoutMarginCards({}, 8).empty());
    EXPECT_TRUE(layoutMarginCards({}, 8, 0).empty());
}

TEST(MarginLayout, CardsWithRoomStandBesideTheirPassages)
{
    const std::vector<MarginCard> cards{{10, 40}, {100, 40}, {400, 60}};
    EXPECT_EQ(layoutMarginCards(cards, 8), (Tops{10, 100, 400}));
}

TEST(MarginLayout, OverlappingCardsArePushedDownInOrderAndNoFurther)
{
    // Three notes on one line, then one further down that the third still reaches, then one with room.
    const std::vector<MarginCard> cards{{50, 40}, {50, 30}, {50, 30}, {120, 20}, {400, 20}};
    const Tops tops = layoutMarginCards(cards, 6);
    expectApartInOrder(cards, tops, 6);
    EXPECT_EQ(tops, (Tops{50, 96, 132, 168, 400}));
}

TEST(MarginLayout, AStackEndsWhereThereIsRoomAgain)
{
    const std::vector<MarginCard> cards{{0, 100}, {20, 100}, {500, 10}};
    EXPECT_EQ(layoutMarginCards(cards, 10), (Tops{0, 110, 500}));
}

TEST(MarginLayout, OrderIsKeptWhenAPassageStandsAboveTheOneBefore)
{
    // A note on a passage earlier in the text whose line is higher (a wrapped heading, say) still
    // comes after the one before it in the list.
    const std::vector<MarginCard> cards{{200, 30}, {150, 30}};
    const Tops tops = layoutMarginCards(cards, 4);
    expectApartInOrder(cards, tops, 4);
    EXPECT_EQ(tops, (Tops{200, 234}));
}

TEST(MarginLayout, NoCardStandsAboveTheTop)
{
    const std::vector<MarginCard> cards{{-30, 20}, {0, 20}};
    const Tops tops = layoutMarginCards(cards, 5, -1, 4);
    expectApartInOrder(cards, tops, 5, 4);
    EXPECT_EQ(tops, (Tops{4, 29}));
}

TEST(MarginLayout, TheFocusedCardStandsAtItsPassageAndTheOnesBeforeMoveUp)
{
    const std::vector<MarginCard> cards{{100, 50}, {110, 50}, {120, 50}, {125, 40}};
    const Tops unfocused = layoutMarginCards(cards, 10);
    EXPECT_EQ(unfocused, (Tops{100, 160, 220, 280}));

    const Tops tops = layoutMarginCards(cards, 10, 2);
    expectApartInOrder(cards, tops, 10);
    EXPECT_EQ(tops[2], 120) << "the note being read beside its words";
    EXPECT_EQ(tops, (Tops{0, 60, 120, 180}));
}

TEST(MarginLayout, TheCardsBeforeTheFocusMoveUpOnlyAsFarAsTheyMust)
{
    const std::vector<MarginCard> cards{{10, 20}, {300, 50}, {320, 40}};
    const Tops tops = layoutMarginCards(cards, 10, 2);
    EXPECT_EQ(tops, (Tops{10, 260, 320})) << "the first had room and stays beside its passage";
}

TEST(MarginLayout, AFocusTooNearTheTopIsPushedDownAsLittleAsPossible)
{
    // Not room above for the two before it: they stand from the top, the focused card right after them.
    const std::vector<MarginCard> cards{{20, 50}, {30, 50}, {40, 30}, {45, 30}};
    const Tops tops = layoutMarginCards(cards, 10, 2);
    expectApartInOrder(cards, tops, 10);
    EXPECT_EQ(tops, (Tops{0, 60, 120, 160}));
}

TEST(MarginLayout, AFocusOutOfRangeIsNoFocus)
{
    const std::vector<MarginCard> cards{{50, 40}, {50, 40}};
    EXPECT_EQ(layoutMarginCards(cards, 0, 7), layoutMarginCards(cards, 0));
    EXPECT_EQ(layoutMarginCards(cards, 0, -3), (Tops{50, 90}));
}

TEST(MarginLayout, ACardBeforeTheFocusThatIsWellAboveKeepsItsPlace)
{
    const std::vector<MarginCard> cards{{0, 30}, {500, 30}, {505, 30}, {900, 30}};
    const Tops tops = layoutMarginCards(cards, 8, 1);
    EXPECT_EQ(tops, (Tops{0, 500, 538, 900}));
}

} // namespace
} // namespace marginalia

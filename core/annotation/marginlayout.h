#pragma once

#include <vector>

namespace marginalia {

// One note card of the margin beside the text: the y of its passage's first line and the card's height,
// in the same units (pixels of the laid-out document, say).
struct MarginCard {
    int anchor = 0;
    int height = 0;
};

// Where the margin's cards stand: one top per card, in the order given (the passages' order in the
// text), none overlapping the one before it by less than `gap`, none above `top`. A card stands beside
// its passage when there is room and is pushed down as little as the cards before it require, as in the
// margins of Word and Google Docs.
//
// With `focus` (an index into `cards`: the note being read or edited) that card stands exactly beside
// its passage, and the cards before it move up out of its way (as far as `top` allows; beyond that,
// the focused card is pushed down after all), so the note the reader looks at is never far from its
// words.
std::vector<int> layoutMarginCards(const std::vector<MarginCard> &cards, int gap, int focus = -1, int top = 0);

} // namespace marginalia

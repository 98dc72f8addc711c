#include "marginlayout.h"

#include <algorithm>

namespace marginalia {

namespace {

// Each card after `from` at its anchor, or just below the card before it, whichever is lower.
void pushDownAfter(const std::vector<MarginCard> &cards, std::vector<int> &tops, std::size_t from, int gap)
{
    for (std::size_t i = from + 1; i < cards.size(); ++i)
        tops[i] = std::max(cards[i].anchor, tops[i - 1] + cards[i - 1].height + gap);
}

} // namespace

std::vector<int> layoutMarginCards(const std::vector<MarginCard> &cards, int gap, int focus, int top)
{
    std::vector<int> tops(cards.size());
    if (cards.empty())
        return tops;
    if (focus < 0 || std::size_t(focus) >= cards.size()) {
        tops[0] = std::max(cards[0].anchor, top);
        pushDownAfter(cards, tops, 0, gap);
        return tops;
    }
    const auto f = std::size_t(focus);
    tops[f] = std::max(cards[f].anchor, top);
    pushDownAfter(cards, tops, f, gap);
    // The cards before it, from the nearest up: at their anchors, or just above the card after them.
    for (std::size_t i = f; i-- > 0;)
        tops[i] = std::min(cards[i].anchor, tops[i + 1] - gap - cards[i].height);
    // Moved up past the top: down again, in order, as far as they must (the focused card too, then).
    if (tops[0] < top) {
        tops[0] = top;
        for (std::size_t i = 1; i < cards.size(); ++i)
            tops[i] = std::max(tops[i], tops[i - 1] + cards[i - 1].height + gap);
    }
    return tops;
}

} // namespace marginalia

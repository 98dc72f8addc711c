#pragma once

#include "anchor/textselector.h"

#include <QString>

namespace marginalia {

// The selectors of [start, end) of `text` (a flow's text): exact, 32 characters of prefix and suffix,
// and the positions. `footnote` names the flow (empty: the body).
TextSelector makeSelector(const QString &text, int start, int end, const QString &footnote = {});

struct AnchorResult {
    enum Method {
        Position, // the stored position still holds the exact text
        Exact,    // the exact text, found nearest the old position
        Fuzzy,    // approximate match (bit-parallel Myers), scored like Hypothesis
        Orphan,   // nowhere good enough: kept, listed as orphaned
    } method = Orphan;
    int start = -1;
    int end = -1;
    double score = 0; // 0..1 for Fuzzy; 1 for Position/Exact

    bool found() const { return method != Orphan; }
};

// Finds where a selector's passage is in `text` now: the position if the text there is still exact;
// else the occurrence of exact nearest the old position; else the best approximate match of exact
// (errors up to a quarter of its length) scored quote 50, prefix 20, suffix 20, position 2, accepted
// when its normalised score is at least 0.5; else an orphan. Only the 64 characters of prefix and suffix
// nearest the quote are compared, and a quote over 4,096 characters is not looked for approximately, so
// a selector from an imported file costs the same however long its strings are.
AnchorResult reanchor(const QString &text, const TextSelector &selector);

} // namespace marginalia

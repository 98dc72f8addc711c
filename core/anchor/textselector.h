#pragma once

#include <QString>

namespace marginalia {

// Where an annotation sits: a W3C Web Annotation TextQuoteSelector (exact, with up to 32 characters
// of prefix and suffix) and TextPositionSelector (start, end), over one flow of a document: the body's
// reading text (ReadingText) or, when `footnote` names a note's xml:id, that note's plainText().
struct TextSelector {
    QString footnote;
    QString exact;
    QString prefix;
    QString suffix;
    int start = 0;
    int end = 0;

    friend bool operator==(const TextSelector &, const TextSelector &) = default;
};

} // namespace marginalia

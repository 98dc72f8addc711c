#pragma once

#include "model/document.h"

#include <QTextDocument>

#include <memory>
#include <vector>

namespace marginalia {

// A QTextDocument made from the model, and the maps between its positions and the model: what a view
// needs to scroll to a marker, put page labels in its margin or select a passage of the reading text.
// Labels and markers the renderer adds (list labels, marker digits) are not part of the reading text.
struct RenderedText {
    // A run of reading text: it starts at `position` in the QTextDocument and at `readingOffset` in the
    // flow's reading text (ReadingText for a body; for notes, each note's plainText()).
    struct Segment {
        int position = 0;
        int readingOffset = 0;
        int length = 0;
        int footnote = -1; // the note whose text it is (notes list), -1 for a body
    };
    // [start, end) in the QTextDocument; -1 when not rendered.
    struct Span {
        int start = -1;
        int end = -1;
        bool valid() const { return start >= 0; }
    };

    std::unique_ptr<QTextDocument> document; // no parent; a view may take it
    std::vector<Segment> segments;           // sorted by position
    std::vector<Span> markers;               // indexed like Document::footnotes (body rendering)
    std::vector<Span> notes;                 // indexed like Document::footnotes (notes rendering)
    std::vector<int> pageBreaks;             // indexed like Document::pageBreaks; -1 when elsewhere

    // Position of a reading-text offset of the body (footnote == -1) or of one note, and back. Offsets
    // inside text the renderer added map to the nearest reading-text position; -1 when not rendered.
    int positionOfOffset(int readingOffset, int footnote = -1) const;
    // The same for where a passage ending at `readingOffset` ends: where two runs meet, the end of the
    // first, so that what the renderer added between them (a footnote marker) is left out.
    int positionOfEndOffset(int readingOffset, int footnote = -1) const;
    struct Offset {
        int readingOffset = -1;
        int footnote = -1;
    };
    Offset offsetOfPosition(int position) const;
};

} // namespace marginalia

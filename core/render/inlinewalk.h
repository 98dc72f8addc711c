#pragma once

#include "model/richtext.h"

#include <QStringView>

namespace marginalia {

// A stretch of a block's text with one look: the styles and links over all of it.
struct InlinePiece {
    int start = 0;
    int end = 0;
    std::uint8_t styles = 0; // TextStyle mask
    int reference = -1;      // Document::crossReferences index covering it
    int entity = -1;         // Document::entities index covering it
};

// What the renderers do with a block's content (the QTextDocument writer and the popup's HTML writer).
class InlineVisitor {
public:
    virtual ~InlineVisitor() = default;
    virtual void point(const Anchor &anchor) = 0; // a footnote marker or page break
    virtual void text(const InlinePiece &piece) = 0;
};

// Visits [from, to) of `block`: pieces in order, and each point anchor at its place, including those
// standing at `from` and at `to` (a table cell passes its own range and owns the points at its ends).
void walkInline(const Block &block, int from, int to, InlineVisitor &visitor);

// Whether a note's text says "Ibid.", so that its list entry and its popup show the citation it repeats.
bool saysIbid(const RichText &content);

// `text` with the characters a QTextDocument would take as structure (paragraph and frame separators,
// object placeholders) replaced one for one, so that positions still line up with the reading text.
QString sanitizedForTextDocument(QStringView text);

} // namespace marginalia

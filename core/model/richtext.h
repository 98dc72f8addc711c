#pragma once

#include <QString>

#include <cstdint>
#include <vector>

namespace marginalia {

// Character styles of a run; a run may combine several.
enum TextStyle : std::uint8_t {
    Italic = 1 << 0,
    SmallCaps = 1 << 1,
    Bold = 1 << 2,
    Superscript = 1 << 3,
    Subscript = 1 << 4,
    Underline = 1 << 5,
};

// [start, end) of a block's text drawn with `styles` (a TextStyle mask).
struct StyleRun {
    int start = 0;
    int end = 0;
    std::uint8_t styles = 0;
};

// Something that sits in a block's text. Footnote markers and page breaks are points (start == end,
// standing right after character start-1); links cover the text they label.
enum class AnchorKind : std::uint8_t {
    FootnoteMarker, // index into Document::footnotes
    CrossReference, // index into Document::crossReferences
    Person,         // index into Document::entities
    Term,           // index into Document::entities
    PageBreak,      // index into Document::pageBreaks
};

struct Anchor {
    AnchorKind kind = AnchorKind::FootnoteMarker;
    int start = 0;
    int end = 0;
    int index = 0;
};

enum class BlockKind : std::uint8_t {
    Heading,     // the document head (level 1) or an attachment/list/section head (level 2)
    Dateline,    // right-aligned place and date
    Paragraph,
    ListItem,    // its text opens with its label ("a.", "(i)", "1)") when printed: see Block::labelLength
    Closer,      // complimentary close and signature, right-aligned
    Postscript,
    TableRow,    // cells joined by '\t'; `cellStarts` gives each cell's offset
    InlineNote,  // note rend="inline": small paragraph without a marker (old volumes' source notes)
};

enum BlockFlag : std::uint8_t {
    Centered = 1 << 0,
    FlushLeft = 1 << 1,
    InQuote = 1 << 2,    // part of a block quotation
    HeaderRow = 1 << 3,  // table row whose cells are headings
    AlignRight = 1 << 4,
};

// One block of reading text: whitespace collapsed, no markers, no page labels in `text`.
struct Block {
    BlockKind kind = BlockKind::Paragraph;
    std::uint8_t flags = 0;
    std::uint8_t level = 0;  // heading level, or list/quote nesting depth
    // A labelled list item's text opens with the label as printed, its own styles kept, and one space:
    // the label is part of the reading text (what `show` prints, searches run over, annotations anchor
    // to). `labelLength` is the label's length in `text`; `label` is the same characters, for display.
    QString label;
    int labelLength = 0;
    QString text;
    std::vector<StyleRun> styles;
    std::vector<Anchor> anchors; // sorted by start
    std::vector<int> cellStarts; // TableRow only

    bool hasFlag(BlockFlag f) const { return flags & f; }
};

using RichText = std::vector<Block>;

// The plain text of rich text: blocks joined by `separator`.
QString plainText(const RichText &text, const QString &separator = QStringLiteral("\n\n"));

} // namespace marginalia

#pragma once

#include "model/richtext.h"
#include "renderstyle.h"

#include <QTextBlockFormat>
#include <QTextCharFormat>
#include <QTextTableFormat>

namespace marginalia {

// The look of one paragraph: its block format and the character format its text starts from.
struct BlockLook {
    QTextBlockFormat block;
    QTextCharFormat chars;
};

// One em of the reading face in the document's pixels (QTextDocument lays out at 96 dpi by default).
qreal emPixels(const RenderStyle &style);

// The room a note's label ("12.") takes before the note's text in the notes list.
qreal noteLabelWidth(const RenderStyle &style);

// The body face at the style's size and colour: the base of every format.
QTextCharFormat baseCharFormat(const RenderStyle &style);
// A comfortable paragraph: spacing below, 130% line height.
QTextBlockFormat baseBlockFormat(const RenderStyle &style);

// How a block of a given kind is laid out (heading larger and bold, dateline and closer to the right,
// quotes indented on both sides, list items with a hanging label, inline notes small and muted).
BlockLook blockLook(const Block &block, const RenderStyle &style);
// A paragraph whose first line starts at `indent` pixels with a label; a tab after the label and the
// following lines go to `indent + labelWidth`.
void setHangingIndent(QTextBlockFormat &format, qreal indent, qreal labelWidth);

// `base` with a run's TextStyle mask applied.
QTextCharFormat styledFormat(QTextCharFormat base, std::uint8_t styles);
// `base` made small and muted (notes' headings, the Ibid. line).
QTextCharFormat mutedFormat(QTextCharFormat base, const RenderStyle &style, qreal scale);
QTextTableFormat tableFormat(const RenderStyle &style);

} // namespace marginalia

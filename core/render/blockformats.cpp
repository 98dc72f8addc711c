#include "blockformats.h"

#include <QBrush>

namespace marginalia {

namespace {

constexpr qreal kLineHeightPercent = 130;
constexpr qreal kParagraphSpacingEm = 0.6;
constexpr qreal kQuoteIndentEm = 2.0;
constexpr qreal kListIndentEm = 1.5;
constexpr qreal kListLabelEm = 2.5; // room for "(iii)"
constexpr qreal kPostscriptIndentEm = 1.0;

void setFontScale(QTextCharFormat &format, const RenderStyle &style, qreal scale)
{
    format.setFontPointSize(style.pointSize() * scale);
}

void headingLook(BlockLook &look, const Block &block, const RenderStyle &style)
{
    const bool documentHead = block.level <= 1;
    setFontScale(look.chars, style, documentHead ? 1.3 : 1.1);
    look.chars.setFontWeight(QFont::Bold);
    look.block.setTopMargin(documentHead ? 0 : emPixels(style) * 0.6);
    look.block.setBottomMargin(emPixels(style) * (documentHead ? 1.0 : 0.5));
    look.block.setLineHeight(115, QTextBlockFormat::ProportionalHeight);
}

void alignmentFromFlags(BlockLook &look, const Block &block)
{
    if (block.hasFlag(Centered))
        look.block.setAlignment(Qt::AlignHCenter);
    else if (block.hasFlag(AlignRight))
        look.block.setAlignment(Qt::AlignRight);
}

} // namespace

qreal emPixels(const RenderStyle &style)
{
    return style.pointSize() * 96.0 / 72.0;
}

qreal noteLabelWidth(const RenderStyle &style)
{
    return emPixels(style) * 2;
}

QTextCharFormat baseCharFormat(const RenderStyle &style)
{
    QTextCharFormat format;
    format.setFontFamilies(style.bodyFont.families().isEmpty() ? QStringList{style.bodyFont.family()}
                                                               : style.bodyFont.families());
    format.setFontStyleHint(style.bodyFont.styleHint());
    format.setFontPointSize(style.pointSize());
    format.setForeground(QBrush(style.text));
    return format;
}

QTextBlockFormat baseBlockFormat(const RenderStyle &style)
{
    QTextBlockFormat format;
    format.setBottomMargin(emPixels(style) * kParagraphSpacingEm);
    format.setLineHeight(kLineHeightPercent, QTextBlockFormat::ProportionalHeight);
    return format;
}

void setHangingIndent(QTextBlockFormat &format, qreal indent, qreal labelWidth)
{
    format.setLeftMargin(indent + labelWidth);
    format.setTextIndent(-labelWidth);
    // Tab positions count from the frame's edge, not the margin: the label's tab goes where the text hangs.
    format.setTabPositions({QTextOption::Tab(indent + labelWidth, QTextOption::LeftTab)});
}

BlockLook blockLook(const Block &block, const RenderStyle &style)
{
    BlockLook look{baseBlockFormat(style), baseCharFormat(style)};
    const qreal em = emPixels(style);
    switch (block.kind) {
    case BlockKind::Heading:
        headingLook(look, block, style);
        break;
    case BlockKind::Dateline:
    case BlockKind::Closer:
        look.block.setAlignment(Qt::AlignRight);
        break;
    case BlockKind::ListItem:
        setHangingIndent(look.block, em * kListIndentEm * qMax(0, block.level - 1),
                         block.labelLength > 0 ? em * kListLabelEm : 0);
        break;
    case BlockKind::Postscript:
        look.block.setLeftMargin(em * kPostscriptIndentEm);
        break;
    case BlockKind::InlineNote:
        look.chars = mutedFormat(look.chars, style, 0.85);
        break;
    case BlockKind::Paragraph:
    case BlockKind::TableRow:
        break;
    }
    alignmentFromFlags(look, block);
    if (block.hasFlag(InQuote)) {
        look.block.setLeftMargin(look.block.leftMargin() + em * kQuoteIndentEm);
        look.block.setRightMargin(look.block.rightMargin() + em * kQuoteIndentEm);
    }
    if (block.hasFlag(HeaderRow))
        look.chars.setFontWeight(QFont::Bold);
    return look;
}

QTextCharFormat styledFormat(QTextCharFormat base, std::uint8_t styles)
{
    if (styles & Italic)
        base.setFontItalic(true);
    if (styles & SmallCaps)
        base.setFontCapitalization(QFont::SmallCaps);
    if (styles & Bold)
        base.setFontWeight(QFont::Bold);
    if (styles & Superscript)
        base.setVerticalAlignment(QTextCharFormat::AlignSuperScript);
    else if (styles & Subscript)
        base.setVerticalAlignment(QTextCharFormat::AlignSubScript);
    if (styles & Underline)
        base.setFontUnderline(true);
    return base;
}

QTextCharFormat mutedFormat(QTextCharFormat base, const RenderStyle &style, qreal scale)
{
    base.setForeground(QBrush(style.muted));
    setFontScale(base, style, scale);
    return base;
}

QTextTableFormat tableFormat(const RenderStyle &style)
{
    QTextTableFormat format;
    format.setBorder(1);
    format.setBorderBrush(QBrush(style.muted));
    format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    format.setBorderCollapse(true);
    format.setCellPadding(emPixels(style) * 0.25);
    format.setCellSpacing(0);
    format.setBottomMargin(emPixels(style) * kParagraphSpacingEm);
    return format;
}

} // namespace marginalia

// Paints one page from its plan: the slices of text, then what stands in the margins, then the footer.
// Annotated passages are not painted here: their /Highlight annotations show them (pdfobjects.cpp).

#include "pdfcomposition.h"

#include <QAbstractTextDocumentLayout>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QTextBlock>
#include <QTextLayout>

namespace marginalia {

namespace {

constexpr double kFooterFontSize = 8;
// Room kept beside the clip of a slice for ink past the column (an italic's overhang, a table's border).
constexpr double kSideInk = 8;

// QTextLayout::draw also draws the last line above its clip. At a page's top, the paragraph that goes on
// from the page before is therefore drawn here line by line, and the layout starts after it: a line is
// written once, and text extraction reads it once.
double paintSplitBlock(QPainter &painter, const QTextDocument &document, const FlowSection::Slice &slice)
{
    const QTextBlock block = document.findBlockByNumber(slice.splitBlock);
    const QTextLayout *text = block.layout();
    if (!block.isValid() || !text)
        return slice.clipTop;
    const QRectF rect = document.documentLayout()->blockBoundingRect(block);
    for (int i = 0; i < text->lineCount(); ++i) {
        const QTextLine line = text->lineAt(i);
        const double top = rect.top() + line.y();
        if (top > slice.clipBottom)
            break;
        if (top >= slice.clipTop)
            line.draw(&painter, rect.topLeft());
    }
    return std::max(slice.clipTop, rect.bottom() + 0.5);
}

void paintSlice(QPainter &painter, const FlowSection &section, const FlowSection::Slice &slice, const RenderStyle &style)
{
    QTextDocument *document = section.document();
    if (!document)
        return;
    painter.save();
    painter.translate(section.left(), slice.pageY - slice.anchorY * kPointsPerPixel);
    painter.scale(kPointsPerPixel, kPointsPerPixel);
    const double side = kSideInk / kPointsPerPixel;
    const QRectF clip(-side, slice.clipTop, section.width() / kPointsPerPixel + 2 * side,
                      slice.clipBottom - slice.clipTop);
    painter.setClipRect(clip);
    painter.setPen(style.text);
    QAbstractTextDocumentLayout::PaintContext context;
    context.clip = clip;
    context.palette.setColor(QPalette::Text, style.text);
    if (slice.splitBlock >= 0)
        context.clip.setTop(paintSplitBlock(painter, *document, slice));
    // The layout draws only the blocks that reach into the clip, and of them the lines inside it.
    document->documentLayout()->draw(&painter, context);
    painter.restore();
}

void paintText(QPainter &painter, const Composition &c, const PageText &text)
{
    if (text.box.isValid()) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(text.box);
        painter.drawRoundedRect(text.rect, 2, 2);
    }
    const QFont font = c.font(text.pointSize, text.bold);
    if (text.shapes) {
        const QFontMetricsF metrics(font, pointDevice());
        const double width = metrics.horizontalAdvance(text.text);
        double x = text.rect.left();
        if (text.align & Qt::AlignHCenter)
            x += (text.rect.width() - width) / 2;
        else if (text.align & Qt::AlignRight)
            x = text.rect.right() - width;
        QPainterPath path;
        path.addText(QPointF(x, text.rect.top() + metrics.ascent()), font, text.text);
        painter.fillPath(path, text.ink);
        return;
    }
    painter.setPen(text.ink);
    painter.setFont(font);
    painter.drawText(text.rect, int(text.align | Qt::AlignVCenter), text.text);
}

void paintFooter(QPainter &painter, const Composition &c, const QString &footer, int page)
{
    painter.setPen(c.style.muted);
    painter.setFont(c.font(kFooterFontSize, false));
    const QRectF line(c.frame.text.left(), c.frame.footerBaseline - kFooterFontSize, c.frame.text.width(),
                      kFooterFontSize * 1.5);
    const QString number = QString::number(page + 1);
    const double numberWidth = c.textWidth(number, c.font(kFooterFontSize, false)) + 12;
    painter.drawText(line.adjusted(0, 0, -numberWidth, 0), int(Qt::AlignLeft | Qt::AlignVCenter),
                     painter.fontMetrics().elidedText(footer, Qt::ElideRight, int(line.width() - numberWidth)));
    painter.drawText(line, int(Qt::AlignRight | Qt::AlignVCenter), number);
}

} // namespace

void paintPage(QPainter &painter, Composition &c, int page)
{
    if (page < 0 || std::size_t(page) >= c.pages.size())
        return;
    const PagePlan &plan = c.pages[std::size_t(page)];
    for (const auto &[section, index] : plan.slices) {
        paintSlice(painter, *section, section->slices()[index], c.style);
        if (index + 1 == section->slices().size())
            section->release(); // its last page is painted: the memory goes back before the next pages
    }
    for (const PageText &text : plan.texts)
        paintText(painter, c, text);
    paintFooter(painter, c, plan.footer, page);
}

} // namespace marginalia

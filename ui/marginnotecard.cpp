#include "marginnotecard.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QTextLayout>

#include <algorithm>

namespace marginalia {

namespace {

constexpr int kPadding = 6;
constexpr int kStripe = 4;
constexpr int kButton = 14; // the edit button's side, kept free right of the text on every card

QFont authorFont(const QFont &font)
{
    QFont bold = font;
    bold.setBold(true);
    bold.setPointSizeF(font.pointSizeF() * 0.92);
    return bold;
}

int textLeft(const QRect &rect)
{
    return rect.left() + kStripe + kPadding;
}

int textWidth(int cardWidth)
{
    return std::max(10, cardWidth - kStripe - 2 * kPadding - kButton);
}

// A pencil, drawn rather than taken from an icon theme, which a desktop may not have.
void paintPencil(QPainter &p, const QRectF &box, const QColor &color)
{
    p.save();
    p.translate(box.center());
    p.rotate(-45);
    const qreal length = box.width() * 1.05;
    const qreal thick = box.width() * 0.28;
    QPainterPath body;
    body.addRect(QRectF(-length / 2 + thick, -thick / 2, length - thick, thick));
    QPainterPath tip;
    tip.moveTo(-length / 2 + thick, -thick / 2);
    tip.lineTo(-length / 2, 0);
    tip.lineTo(-length / 2 + thick, thick / 2);
    tip.closeSubpath();
    p.setPen(QPen(color, 1.2));
    p.setBrush(Qt::NoBrush);
    p.drawPath(body);
    p.setBrush(color);
    p.drawPath(tip);
    p.restore();
}

} // namespace

QRect editButtonRect(const QRect &rect)
{
    return {rect.right() - kPadding - kButton + 3, rect.top() + kPadding - 1, kButton, kButton};
}

void wrapCard(NoteCard &card, const QFont &font, int width)
{
    const int lineWidth = textWidth(width);
    const QFontMetrics metrics(font);
    QString text = card.note.trimmed();
    text.replace(u'\n', QChar::LineSeparator);
    card.lines.clear();
    card.elided = false;
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(lineWidth);
        const int from = line.textStart();
        if (card.lines.size() == kCardLines - 1 && from + line.textLength() < text.size()) {
            // The last line there is room for: the rest of the note, elided, on one line.
            QString rest = text.mid(from);
            rest.replace(QChar::LineSeparator, u' ');
            card.lines << metrics.elidedText(rest.simplified(), Qt::ElideRight, lineWidth);
            card.elided = true;
            break;
        }
        card.lines << text.mid(from, line.textLength()).remove(QChar::LineSeparator).trimmed();
    }
    layout.endLayout();
    const int author = card.author.isEmpty() ? 0 : QFontMetrics(authorFont(font)).lineSpacing() + 2;
    const int lines = int(std::max<qsizetype>(1, card.lines.size()));
    card.height = 2 * kPadding + author + lines * metrics.lineSpacing();
}

void paintCard(QPainter &p, const NoteCard &card, const QRect &rect, const QPalette &palette, CardState state)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QColor text = palette.color(QPalette::Text);
    QColor border = text;
    border.setAlphaF(state == CardState::Plain ? 0.16 : 0.35);
    QColor fill = palette.color(QPalette::Base);
    if (state == CardState::Marked) { // tinted with the passage's colour, as its words are
        QColor tint = card.color;
        tint.setAlphaF(0.28);
        const qreal a = tint.alphaF();
        fill = QColor::fromRgbF(float(fill.redF() * (1 - a) + tint.redF() * a), float(fill.greenF() * (1 - a) + tint.greenF() * a),
                                float(fill.blueF() * (1 - a) + tint.blueF() * a));
        border = palette.color(QPalette::Highlight);
    }
    QPainterPath shape;
    shape.addRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    p.fillPath(shape, fill);
    p.setClipPath(shape);
    p.fillRect(QRect(rect.left(), rect.top(), kStripe, rect.height()), card.color);
    p.setClipping(false);
    p.setPen(QPen(border, state == CardState::Marked ? 1.5 : 1.0));
    p.drawPath(shape);

    const QFont font = p.font();
    const int left = textLeft(rect);
    const int width = textWidth(rect.width());
    int y = rect.top() + kPadding;
    if (!card.author.isEmpty()) {
        const QFont bold = authorFont(font);
        const QFontMetrics metrics(bold);
        QColor muted = text;
        muted.setAlphaF(0.65);
        p.setFont(bold);
        p.setPen(muted);
        p.drawText(QPoint(left, y + metrics.ascent()), metrics.elidedText(card.author, Qt::ElideRight, width));
        y += metrics.lineSpacing() + 2;
        p.setFont(font);
    }
    p.setPen(text);
    const QFontMetrics metrics(font);
    for (const QString &line : card.lines) {
        p.drawText(QPoint(left, y + metrics.ascent()), line);
        y += metrics.lineSpacing();
    }
    if (card.editable && state != CardState::Plain)
        paintPencil(p, QRectF(editButtonRect(rect)).adjusted(2, 2, -2, -2), palette.color(QPalette::Link));
    p.restore();
}

} // namespace marginalia

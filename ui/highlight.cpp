#include "highlight.h"

#include "render/renderedtext.h"
#include "util/plaintext.h"

#include <QHelpEvent>
#include <QToolTip>

namespace marginalia {

QList<QTextEdit::ExtraSelection> highlightSelections(QTextDocument *document, const RenderedText &map,
                                                     const QList<Highlight> &highlights)
{
    QList<QTextEdit::ExtraSelection> out;
    for (const Highlight &h : highlights) {
        const int from = map.positionOfOffset(h.start, h.footnote);
        const int to = map.positionOfOffset(h.end, h.footnote);
        if (from < 0 || to <= from)
            continue;
        QTextEdit::ExtraSelection paint;
        paint.cursor = QTextCursor(document);
        paint.cursor.setPosition(from);
        paint.cursor.setPosition(to, QTextCursor::KeepAnchor);
        QColor color = h.color;
        color.setAlphaF(0.55);
        paint.format.setBackground(color);
        out << paint;
    }
    return out;
}

namespace {

// Whether the highlight paints the character after document position `position` (the one the mouse is on).
bool covers(const Highlight &h, const RenderedText &map, int position)
{
    const int from = map.positionOfOffset(h.start, h.footnote);
    const int to = map.positionOfOffset(h.end, h.footnote);
    return from >= 0 && from <= position && position < to;
}

} // namespace

const Highlight *highlightAt(const QTextEdit *edit, const QPoint &viewportPos, const RenderedText &map,
                             const QList<Highlight> &highlights)
{
    const int position = edit->cursorForPosition(viewportPos).position();
    const Highlight *found = nullptr;
    for (const Highlight &h : highlights) {
        if (covers(h, map, position))
            found = &h;
    }
    return found;
}

bool selectHighlightUnder(QTextEdit *edit, const QPoint &viewportPos, const RenderedText &map,
                          const QList<Highlight> &highlights)
{
    const QTextCursor current = edit->textCursor();
    const int position = edit->cursorForPosition(viewportPos).position();
    if (current.hasSelection() && current.selectionStart() <= position && position < current.selectionEnd())
        return false;
    const Highlight *h = highlightAt(edit, viewportPos, map, highlights);
    if (!h)
        return false;
    QTextCursor passage(edit->document());
    passage.setPosition(map.positionOfOffset(h->start, h->footnote));
    passage.setPosition(map.positionOfOffset(h->end, h->footnote), QTextCursor::KeepAnchor);
    edit->setTextCursor(passage);
    return true;
}

void showTextTooltip(QTextEdit *edit, const QHelpEvent *help, const RenderedText &map,
                     const QList<Highlight> &highlights)
{
    const QTextCursor under = edit->cursorForPosition(help->pos());
    const int position = under.position();
    QString tip;
    for (const Highlight &h : highlights) {
        if (!h.tooltip.isEmpty() && covers(h, map, position))
            tip = joinedTooltips(tip, h.tooltip);
    }
    tip = joinedTooltips(tip, under.charFormat().toolTip());
    if (tip.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(help->globalPos(), tip, edit->viewport());
}

QColor searchHitColor()
{
    return QColor(255, 150, 50, 110);
}

} // namespace marginalia

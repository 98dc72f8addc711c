#include "highlight.h"

#include "render/renderedtext.h"

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

QColor searchHitColor()
{
    return QColor(255, 150, 50, 110);
}

} // namespace marginalia

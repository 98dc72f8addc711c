#pragma once

#include <QColor>
#include <QList>
#include <QTextEdit>

class QHelpEvent;

namespace marginalia {

struct RenderedText;

// A passage painted in a colour: reading offsets of one flow (the body, or the note `footnote`).
struct Highlight {
    int start = 0;
    int end = 0;
    QColor color;
    int footnote = -1;
    QString tooltip; // what hovering it shows, made by plainTooltip(); may be empty
};

// What a new rendering does with the colours painted over the old one. The same document rendered
// again at another zoom or in another theme has the same reading offsets, so its highlights, search
// hits and current note stay; another document starts clean.
enum class KeepPaint { No, Yes };

// The colour of a library search's hits in the text and the notes: the find-bar orange of most editors,
// apart from the annotation palette, translucent like it.
QColor searchHitColor();

// The extra selections that paint `highlights` over a rendered document, translucent so that the text
// and links stay readable.
QList<QTextEdit::ExtraSelection> highlightSelections(QTextDocument *document, const RenderedText &map,
                                                     const QList<Highlight> &highlights);

// The highlight under a point of the viewport, if any (the last painted, when they overlap).
const Highlight *highlightAt(const QTextEdit *edit, const QPoint &viewportPos, const RenderedText &map,
                             const QList<Highlight> &highlights);

// A right click on a highlight selects its passage first (unless the selection already holds the
// point), so that the context menu's Highlight in Colour, Tag…, Note… and Delete Highlight act on that
// annotation. Returns whether it selected.
bool selectHighlightUnder(QTextEdit *edit, const QPoint &viewportPos, const RenderedText &map,
                          const QList<Highlight> &highlights);

// Answers a tooltip event of a view of rendered text (in its viewport's coordinates): what the text
// under the mouse says of itself (a person's entry, a link) below what the highlights there say (who
// wrote the note, and the note), or hides the tooltip when neither says anything.
void showTextTooltip(QTextEdit *edit, const QHelpEvent *help, const RenderedText &map,
                     const QList<Highlight> &highlights);

} // namespace marginalia

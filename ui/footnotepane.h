#pragma once

#include "render/links.h"
#include "highlight.h"
#include "render/renderedtext.h"

#include <QTextBrowser>

namespace marginalia {

// The notes of the document on screen, beside it: the source note first, then each footnote with its
// back link. One note at a time can be current: it is highlighted and kept in view.
class FootnotePane : public QTextBrowser {
    Q_OBJECT

public:
    explicit FootnotePane(QWidget *parent = nullptr);

    // Takes the rendered notes (the pane becomes the QTextDocument's parent).
    void showNotes(RenderedText notes, KeepPaint keep = KeepPaint::No);
    void setCurrentFootnote(int footnote);
    int currentFootnote() const { return m_current; }
    int footnoteCount() const { return int(m_map.notes.size()); }
    // Whether the whole first line of a note is on screen.
    bool isFootnoteVisible(int footnote) const;
    // Paints annotated passages of notes (Highlight::footnote says which note).
    void setHighlights(const QList<Highlight> &highlights);
    // Paints the hits of a library search in the notes, under the annotations' colours; new notes clear them.
    void setSearchHits(const QList<Highlight> &hits);
    int searchHitCount() const { return int(m_searchHits.size()); }
    // The selection as a note and offsets in that note's plain text; footnote -1 when none.
    struct NoteRange {
        int footnote = -1;
        int start = -1;
        int end = -1;
    };
    NoteRange selectedRange() const;
    void selectRange(int footnote, int start, int end);
    // The footnote whose entry holds a document position (for tests and clicks); -1 for none.
    int footnoteAtPosition(int position) const;

Q_SIGNALS:
    void linkActivated(const marginalia::LinkTarget &target);

protected:
    bool viewportEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    void updateHighlight();
    int positionOfNote(int footnote) const;

    RenderedText m_map;
    QList<Highlight> m_highlights;
    QList<Highlight> m_searchHits;
    int m_current = -1;
};

} // namespace marginalia

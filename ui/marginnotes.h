#pragma once

#include "marginnotecard.h"

#include "annotation/authorfilter.h"

#include <QList>
#include <QWidget>

class QAction;
class QTimer;

namespace marginalia {

class AnnotationsModel;
class DocumentView;

// The margin right of the reading text where each annotation's note stands beside its passage, as in
// Word's and Google Docs' margins: a card per note, aligned with the first line of its words, pushed
// down where it would overlap the one before (layoutMarginCards), the note being read (the selected
// passage's) beside its words. It shows the document annotations the window lists (so the team's
// Show Annotations Of applies) and only those of the body; notes on footnotes are in the notes pane.
//
// Clicking a card asks for its passage to be selected; a double click or its pencil asks to edit its
// note. Hovering a card marks its passage in the text, and a hovered or selected highlight marks its
// card. The margin takes room from the text only when there are notes to show and the text keeps its
// reading measure beside it (ReadingMeasure, which narrows the side panes for it where they can give
// the room without folding): on a narrow window it narrows, then hides.
class MarginNotes : public QWidget {
    Q_OBJECT

public:
    static constexpr int kPreferredWidth = 250;
    static constexpr int kNarrowestWidth = 170;

    // A child of the view, standing in the view's right margin.
    MarginNotes(DocumentView *view, const AnnotationsModel *annotations);

    // View › Margin Notes: checked while wanted (the margin may still give way on a narrow window).
    QAction *toggleAction() const { return m_toggle; }
    // The cards as placed now (in this widget's coordinates, which share the viewport's y).
    struct Placed {
        NoteCard card;
        QRect rect;
        int passageTop = 0; // where its passage's first line stands, in the same coordinates
        CardState state = CardState::Plain;
    };
    QList<Placed> placedCards() const;
    // The room it asks beside the text: its narrowest width while it has notes to show and is wanted, else 0.
    int roomWanted() const;

public Q_SLOTS:
    void setWanted(bool wanted);
    // Whose notes the user may edit (their own), and whether the cards name their authors (in a team).
    void setAuthorFilter(const marginalia::AuthorFilter &filter);
    void setShowsAuthors(bool shows);
    // Lays the cards out again now (it runs by itself, once events settle, after every change).
    void relayout();

Q_SIGNALS:
    void cardClicked(const QString &id);
    // Its roomWanted() changed (notes came or went, or View › Margin Notes was toggled).
    void roomWantedChanged(int width);
    void editRequested(const QString &id);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void rebuild();
    void announceRoom();
    void scheduleLayout();
    int marginWidth() const;
    void place();
    int cardAt(const QPoint &pos) const;
    QRect cardRect(int index) const;
    CardState stateOf(int index) const;
    void hover(int index);
    int selectedCard() const;

    DocumentView *m_view;
    const AnnotationsModel *m_annotations;
    QAction *m_toggle;
    QTimer *m_pending;
    AuthorFilter m_filter;
    bool m_showsAuthors = false;
    int m_announcedRoom = 0;
    QList<NoteCard> m_cards;      // in the order of their passages
    std::vector<int> m_tops;      // each card's top in the document's coordinates
    std::vector<int> m_anchors;   // each passage's first line, likewise
    int m_hovered = -1;           // a card under the mouse
    int m_pressed = -1;
    int m_selected = -1;          // the card of the selected passage, which stands beside its words
    std::pair<int, int> m_hoveredPassage{-1, -1}; // a highlight under the mouse in the text
    QString m_clicked;            // the card a double click edits (the first click may scroll it away)
};

} // namespace marginalia

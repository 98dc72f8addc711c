#pragma once

#include <QByteArray>
#include <QObject>

class QDockWidget;
class QMainWindow;
class QTextDocument;
class QTimer;

namespace marginalia {

class DocumentView;

// The reading column comes first: on a window too narrow for the side panes and a readable measure of
// the text (kMeasure characters a line), the side panes give way. First they narrow, down to
// kNarrowestSide (or their own minimum); then the left side's panes become tabs beside the notes. When
// the window is wide enough again, the panes go back as they were.
// With notes to show in the margin beside the text (setMarginRoom), the sides narrow for the margin
// too, as far as they can without folding: at 1280 or 1366 px the text and its notes both fit. Where
// they cannot, the margin gives way (it hides) and the text alone is given its measure, as before.
class ReadingMeasure : public QObject {
    Q_OBJECT

public:
    static constexpr int kMeasure = 68; // aiming above 66, as breaking at words takes a few back
    static constexpr int kNarrowestSide = 160;

    ReadingMeasure(QMainWindow *window, DocumentView *view, QObject *parent = nullptr);

    // The central widget's width that lets the text run kMeasure characters a line of the reading face
    // at 100% (measured on the longest paragraph of the document on screen). The margin of notes is not
    // counted: it gives way to the text before the side panes do.
    int neededWidth() const;
    // The width of the text column (the view's viewport) that runs kMeasure characters a line.
    static int textColumnWidth(const QTextDocument *doc);
    bool sidesFolded() const { return !m_unfolded.isEmpty(); }

public Q_SLOTS:
    // The width the margin of notes asks beside the text (its narrowest), or 0 when it has none to show.
    void setMarginRoom(int width);
    // Gives the text its room now (it runs by itself when the window is resized or a document shown).
    void fit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QDockWidget *sideDock(int area) const;
    int areaNarrowest(int area) const;
    bool narrowSides(int deficit);
    void foldSides();

    QMainWindow *m_window;
    DocumentView *m_view;
    QTimer *m_pending;
    QByteArray m_unfolded; // the window's dock layout before the sides were folded together
    int m_unfoldAt = 0;    // the window width from which the unfolded layout fits again
    int m_marginRoom = 0;
};

} // namespace marginalia

#pragma once

#include <QList>
#include <QWidget>

#include <utility>

class QLabel;
class QLineEdit;
class QTextEdit;

namespace marginalia {

// Find in the document on screen (Ctrl+F): type to find, Enter for the next, Shift+Enter for the
// previous, Escape to close. It finds in the text, then in its notes, ignoring accents and case as the
// library search does ("attache" finds "Attaché"). It moves the selections, nothing else.
class FindBar : public QWidget {
    Q_OBJECT

public:
    // `notes` (may be null) is searched after `view`, before coming back to its start.
    explicit FindBar(QTextEdit *view, QTextEdit *notes, QWidget *parent = nullptr);

    void open();
    bool findNext(bool backward = false);
    // Steps through given places instead of finding text: the hits of a library search in the document
    // on screen ([start, end) positions of the view's document, in order), `label` shown as the text.
    // Editing the text, closing the bar or clearHits() goes back to finding text, with hitsCleared().
    // `none` is what the bar says when there is no place to step to.
    void showHits(const QString &label, const QList<std::pair<int, int>> &positions, const QString &none = {});
    void clearHits();
    bool showingHits() const { return !m_hits.isEmpty(); }
    QString status() const;

Q_SIGNALS:
    void hitsCleared();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QTextEdit *m_view;
    QTextEdit *m_notes;
    QTextEdit *m_found; // where the last text found is selected: m_view or m_notes
    QLineEdit *m_text;
    QLabel *m_status;
    QList<std::pair<int, int>> m_hits;

    bool stepHits(bool backward);
    bool findText(bool backward);
};

} // namespace marginalia

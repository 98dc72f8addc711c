#include "findbar.h"

#include "plaintext.h"

#include "util/textfold.h"

#include <QDockWidget>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTextEdit>
#include <QToolButton>

namespace marginalia {

namespace {

// Where the folded query next occurs in `edit` from position `from` on (backward: the last start before
// `from`), or -1. The folding keeps every UTF-16 unit, so an index in the folded raw text is a position.
int findFolded(const QTextEdit *edit, const QString &query, int from, bool backward)
{
    const QString text = foldForSearch(edit->document()->toRawText());
    if (backward)
        return from > 0 ? int(text.lastIndexOf(query, from - 1)) : -1;
    return int(text.indexOf(query, from));
}

// The notes pane may be a tab behind another: a hit in it is brought to the front.
void bringToFront(QWidget *pane)
{
    for (QWidget *w = pane->parentWidget(); w; w = w->parentWidget()) {
        if (auto *dock = qobject_cast<QDockWidget *>(w)) {
            dock->show();
            dock->raise();
            return;
        }
    }
}

} // namespace

FindBar::FindBar(QTextEdit *view, QTextEdit *notes, QWidget *parent)
    : QWidget(parent), m_view(view), m_notes(notes), m_found(view), m_text(new QLineEdit(this)),
      m_status(plainLabel(this))
{
    setObjectName(QStringLiteral("findBar"));
    m_text->setPlaceholderText(tr("Find in document"));
    m_text->setClearButtonEnabled(true);
    auto *previous = new QToolButton(this);
    previous->setText(tr("Previous"));
    auto *next = new QToolButton(this);
    next->setText(tr("Next"));
    auto *close = new QToolButton(this);
    close->setText(tr("Close"));
    // Room for "999 of 999" so that stepping through hits does not make the buttons jump.
    m_status->setMinimumWidth(m_status->fontMetrics().horizontalAdvance(tr("%1 of %2").arg(999).arg(999)) + 8);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_text, 1);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(m_status);
    layout->addWidget(close);
    connect(m_text, &QLineEdit::textEdited, this, [this] {
        clearHits();
        QTextCursor c = m_found->textCursor(); // the longer text may start where the shorter one did
        c.setPosition(c.selectionStart());
        m_found->setTextCursor(c);
        findNext();
    });
    connect(m_text, &QLineEdit::returnPressed, this, [this] { findNext(); });
    m_text->installEventFilter(this);
    connect(previous, &QToolButton::clicked, this, [this] { findNext(true); });
    connect(next, &QToolButton::clicked, this, [this] { findNext(); });
    connect(close, &QToolButton::clicked, this, [this] {
        clearHits();
        hide();
    });
    hide();
}

void FindBar::open()
{
    m_found = m_view; // a new search starts in the text, where the reader is
    show();
    m_text->setFocus();
    m_text->selectAll();
}

void FindBar::showHits(const QString &label, const QList<std::pair<int, int>> &positions, const QString &none)
{
    m_hits = positions;
    m_found = m_view;
    m_text->setText(label);
    show();
    if (m_hits.isEmpty()) {
        m_status->setText(none.isEmpty() ? tr("Not found") : none);
        return;
    }
    QTextCursor c = m_view->textCursor(); // from the top: the first hit is the next one
    c.setPosition(0);
    m_view->setTextCursor(c);
    stepHits(false);
}

void FindBar::clearHits()
{
    if (m_hits.isEmpty())
        return;
    m_hits.clear();
    m_status->clear();
    Q_EMIT hitsCleared();
}

QString FindBar::status() const
{
    return m_status->text();
}

bool FindBar::stepHits(bool backward)
{
    const QTextCursor now = m_view->textCursor();
    qsizetype at = -1;
    if (backward) {
        for (qsizetype i = m_hits.size() - 1; i >= 0 && at < 0; --i) {
            if (m_hits[i].second <= now.selectionStart())
                at = i;
        }
        if (at < 0)
            at = m_hits.size() - 1; // wrap around
    } else {
        const int after = now.hasSelection() ? now.selectionEnd() : now.position();
        for (qsizetype i = 0; i < m_hits.size() && at < 0; ++i) {
            if (m_hits[i].first >= after)
                at = i;
        }
        if (at < 0)
            at = 0;
    }
    QTextCursor c(m_view->document());
    c.setPosition(m_hits[at].first);
    c.setPosition(m_hits[at].second, QTextCursor::KeepAnchor);
    m_view->setTextCursor(c);
    m_view->ensureCursorVisible();
    m_status->setText(tr("%1 of %2").arg(at + 1).arg(m_hits.size()));
    return true;
}

bool FindBar::findNext(bool backward)
{
    if (!m_hits.isEmpty())
        return stepHits(backward);
    const QString text = m_text->text();
    if (text.isEmpty()) {
        m_status->clear();
        return false;
    }
    return findText(backward);
}

bool FindBar::findText(bool backward)
{
    const QString query = foldForSearch(m_text->text());
    QList<QTextEdit *> panes{m_view};
    if (m_notes)
        panes << m_notes;
    const qsizetype count = panes.size();
    const qsizetype first = std::max<qsizetype>(0, panes.indexOf(m_found));
    const QTextCursor now = panes[first]->textCursor();
    int from = backward || !now.hasSelection() ? now.selectionStart() : now.selectionEnd();
    // The rest of this pane, the others in turn, then this one again from its other end.
    for (qsizetype step = 0; step <= count; ++step) {
        QTextEdit *pane = panes[((first + (backward ? -step : step)) % count + count) % count];
        if (step > 0)
            from = backward ? pane->document()->characterCount() : 0;
        const int at = findFolded(pane, query, from, backward);
        if (at < 0)
            continue;
        if (pane != m_found) { // one selection on screen: the hit's
            QTextCursor old = m_found->textCursor();
            old.clearSelection();
            m_found->setTextCursor(old);
        }
        QTextCursor c(pane->document());
        c.setPosition(at);
        c.setPosition(at + int(query.size()), QTextCursor::KeepAnchor);
        pane->setTextCursor(c);
        pane->ensureCursorVisible();
        m_found = pane;
        if (pane == m_notes)
            bringToFront(pane);
        m_status->setText(pane == m_notes ? tr("In the notes") : QString());
        return true;
    }
    m_status->setText(tr("Not found"));
    return false;
}

// Shift+Return in the text box: the line edit would take it for Return (and find the next) before the
// bar saw the Shift; it is the previous one.
bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_text && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && key->modifiers() & Qt::ShiftModifier) {
            findNext(true);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        clearHits();
        hide();
        m_view->setFocus();
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && event->modifiers() & Qt::ShiftModifier) {
        findNext(true);
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace marginalia

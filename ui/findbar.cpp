#include "findbar.h"

#include "plaintext.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTextEdit>
#include <QToolButton>

namespace marginalia {

FindBar::FindBar(QTextEdit *view, QWidget *parent)
    : QWidget(parent), m_view(view), m_text(new QLineEdit(this)), m_status(plainLabel(this))
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
        QTextCursor c = m_view->textCursor();
        c.setPosition(c.selectionStart());
        m_view->setTextCursor(c);
        findNext();
    });
    connect(m_text, &QLineEdit::returnPressed, this, [this] { findNext(); });
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
    show();
    m_text->setFocus();
    m_text->selectAll();
}

void FindBar::showHits(const QString &label, const QList<std::pair<int, int>> &positions, const QString &none)
{
    m_hits = positions;
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
    const QTextDocument::FindFlags flags = backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    bool found = m_view->find(text, flags);
    if (!found) { // wrap around
        QTextCursor c = m_view->textCursor();
        c.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
        m_view->setTextCursor(c);
        found = m_view->find(text, flags);
    }
    m_status->setText(found ? QString() : tr("Not found"));
    return found;
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

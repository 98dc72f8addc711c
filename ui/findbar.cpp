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
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_text, 1);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(m_status);
    layout->addWidget(close);
    connect(m_text, &QLineEdit::textEdited, this, [this] {
        QTextCursor c = m_view->textCursor();
        c.setPosition(c.selectionStart());
        m_view->setTextCursor(c);
        findNext();
    });
    connect(m_text, &QLineEdit::returnPressed, this, [this] { findNext(); });
    connect(previous, &QToolButton::clicked, this, [this] { findNext(true); });
    connect(next, &QToolButton::clicked, this, [this] { findNext(); });
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void FindBar::open()
{
    show();
    m_text->setFocus();
    m_text->selectAll();
}

bool FindBar::findNext(bool backward)
{
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

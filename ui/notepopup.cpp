#include "notepopup.h"

#include <QGuiApplication>
#include <QLabel>
#include <QScreen>
#include <QVBoxLayout>

namespace marginalia {

NotePopup::NotePopup(QWidget *parent)
    : QFrame(parent, Qt::ToolTip | Qt::FramelessWindowHint), m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("notePopup"));
    setFrameShape(QFrame::StyledPanel);
    setAttribute(Qt::WA_ShowWithoutActivating);
    m_label->setTextFormat(Qt::RichText);
    m_label->setWordWrap(true);
    m_label->setOpenExternalLinks(false);
    m_label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_label->setMaximumWidth(480);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->addWidget(m_label);
    connect(m_label, &QLabel::linkActivated, this, [this](const QString &link) {
        if (const auto target = parseLink(QUrl(link))) {
            hide();
            Q_EMIT linkActivated(*target);
        }
    });
}

void NotePopup::showNote(const QString &html, const QPoint &globalPos)
{
    m_label->setText(html);
    adjustSize();
    QPoint at = globalPos + QPoint(12, 16);
    if (const QScreen *screen = QGuiApplication::screenAt(globalPos)) {
        const QRect area = screen->availableGeometry();
        at.setX(std::min(at.x(), area.right() - width()));
        if (at.y() + height() > area.bottom())
            at.setY(globalPos.y() - height() - 8);
    }
    move(at);
    show();
    raise();
}

QString NotePopup::html() const
{
    return m_label->text();
}

void NotePopup::leaveEvent(QEvent *event)
{
    QFrame::leaveEvent(event);
    hide();
}

} // namespace marginalia

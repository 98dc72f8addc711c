#include "teamcontroller.h"

#include "annotation/annotationservice.h"
#include "plaintext.h"
#include "team/teamsession.h"

#include <QAction>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>

namespace marginalia {

TeamController::TeamController(const Parts &parts, QObject *parent)
    : QObject(parent), m_parts(parts), m_status(plainLabel(parts.window))
{
    m_status->setObjectName(QStringLiteral("teamStatus"));
    m_status->hide();
    if (m_parts.statusBar)
        m_parts.statusBar->addPermanentWidget(m_status);

    m_connect = m_parts.menu->addAction(tr("&Connect to Team…"));
    m_connect->setObjectName(QStringLiteral("teamConnectAction"));
    m_sync = m_parts.menu->addAction(tr("&Sync Now"));
    m_sync->setObjectName(QStringLiteral("teamSyncAction"));
    m_sync->setEnabled(false);
    connect(m_connect, &QAction::triggered, this, &TeamController::askToConnect);
    connect(m_sync, &QAction::triggered, m_parts.session, &TeamSession::syncNow);

    m_asker = [window = m_parts.window](const QString &current) {
        bool ok = false;
        const QString address = QInputDialog::getText(
            window, tr("Connect to Team"),
            tr("The team's PostgreSQL database, as postgresql://YOU@HOST/DATABASE or service=NAME.\n"
               "A password, if the server asks for one, is read from ~/.pgpass; Marginalia never keeps one."),
            QLineEdit::Normal, current, &ok);
        return ok ? address.trimmed() : QString();
    };

    connect(m_parts.session, &TeamSession::stateChanged, this, &TeamController::showState);
    if (m_parts.annotations) {
        connect(m_parts.annotations, &AnnotationService::written, m_parts.session, &TeamSession::localChanged);
        connect(m_parts.session, &TeamSession::annotationsArrived, m_parts.annotations,
                &AnnotationService::announceChangedElsewhere);
    }
    showState();
}

void TeamController::askToConnect()
{
    const QString address = m_asker(m_parts.session->address());
    if (address.isEmpty())
        return;
    m_connecting = true;
    m_parts.session->connectTo(address);
    showState();
}

void TeamController::showState()
{
    TeamSession *session = m_parts.session;
    const SyncReport &report = session->lastReport();
    QString text;
    QString tip;
    switch (session->state()) {
    case TeamSession::State::Off:
        break;
    case TeamSession::State::Syncing:
        text = report.group.isEmpty() ? tr("Team: syncing…") : tr("Team %1: syncing…").arg(report.group);
        break;
    case TeamSession::State::Synced:
        text = tr("Team %1 as %2: synced %3")
                   .arg(report.group, report.role,
                        QLocale().toString(session->lastSync().toLocalTime().time(), QLocale::ShortFormat));
        tip = session->address();
        break;
    case TeamSession::State::Offline:
        text = tr("Team %1: offline").arg(report.group);
        tip = session->problem().toString();
        break;
    }
    m_status->setText(text);
    // The address and the server's words are not ours: shown as they are, never as markup.
    m_status->setToolTip(tip.isEmpty() ? QString() : plainTooltip(tip));
    m_status->setVisible(!text.isEmpty());
    m_sync->setEnabled(!session->address().isEmpty());
    // A connection the user asked for that failed is said once, where they look.
    if (m_connecting && session->state() != TeamSession::State::Syncing) {
        m_connecting = false;
        if (!session->problem().message.isEmpty() && session->state() != TeamSession::State::Synced && m_parts.window) {
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Connect to Team"), session->problem().toString(),
                                        QMessageBox::Ok, m_parts.window);
            box->setObjectName(QStringLiteral("teamProblemBox"));
            box->setTextFormat(Qt::PlainText);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
    }
}

} // namespace marginalia

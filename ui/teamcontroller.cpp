#include "teamcontroller.h"

#include "plaintext.h"
#include "teammembersdialog.h"

#include "annotation/annotationservice.h"
#include "model/annotation.h"
#include "team/teamsession.h"

#include <QAction>
#include <QActionGroup>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>

#include <utility>

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
    m_parts.menu->addSeparator();
    m_members = m_parts.menu->addAction(tr("&Members…"));
    m_members->setObjectName(QStringLiteral("teamMembersAction"));
    m_members->setEnabled(false);
    m_showMenu = m_parts.menu->addMenu(tr("Show &Annotations Of"));
    m_showMenu->setObjectName(QStringLiteral("teamShowMenu"));
    m_showGroup = new QActionGroup(this);
    connect(m_connect, &QAction::triggered, this, &TeamController::askToConnect);
    connect(m_sync, &QAction::triggered, m_parts.session, &TeamSession::syncNow);
    connect(m_members, &QAction::triggered, this, &TeamController::showMembers);
    connect(m_showMenu, &QMenu::aboutToShow, this, &TeamController::fillShowMenu);
    fillShowMenu();

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

QStringList TeamController::myNames() const
{
    const QString role = m_parts.session->lastReport().role;
    if (m_parts.session->address().isEmpty() || role.isEmpty())
        return {}; // outside a team every annotation is the user's
    QStringList names{defaultAuthor()};
    if (role != names.first())
        names << role;
    return names;
}

void TeamController::showAnnotationsOf(AuthorFilter::Kind kind, const QString &member)
{
    m_filter = AuthorFilter{kind, kind == AuthorFilter::Kind::Member ? member : QString(), myNames()};
    Q_EMIT authorFilterChanged(m_filter);
    showState();
}

void TeamController::fillShowMenu()
{
    m_showMenu->clear();
    const auto add = [this](const QString &text, AuthorFilter::Kind kind, const QString &member) {
        QAction *a = m_showMenu->addAction(text);
        a->setCheckable(true);
        a->setActionGroup(m_showGroup);
        a->setChecked(m_filter.kind == kind && (kind != AuthorFilter::Kind::Member || m_filter.member == member));
        a->setData(member);
        connect(a, &QAction::triggered, this, [this, kind, member] { showAnnotationsOf(kind, member); });
        return a;
    };
    add(tr("&Everyone"), AuthorFilter::Kind::Everyone, {})->setObjectName(QStringLiteral("showEveryone"));
    add(tr("&Mine"), AuthorFilter::Kind::Mine, {})->setObjectName(QStringLiteral("showMine"));
    const QStringList me = myNames();
    QStringList others = m_parts.annotations ? m_parts.annotations->authors() : QStringList();
    if (m_filter.kind == AuthorFilter::Kind::Member && !others.contains(m_filter.member))
        others << m_filter.member; // chosen from the Members window before any of theirs arrived
    bool first = true;
    for (const QString &name : std::as_const(others)) {
        if (me.contains(name))
            continue;
        if (std::exchange(first, false))
            m_showMenu->addSeparator();
        // A role name is the server's: shown as it is, with no & taken for a shortcut.
        QString label = name;
        add(label.replace(u'&', QStringLiteral("&&")), AuthorFilter::Kind::Member, name);
    }
}

void TeamController::showMembers()
{
    auto *dialog = new TeamMembersDialog(m_parts.session, m_parts.window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TeamMembersDialog::showMemberRequested, this,
            [this](const QString &role) { showAnnotationsOf(AuthorFilter::Kind::Member, role); });
    dialog->open();
    Q_EMIT membersShown(dialog);
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
    // Annotations the window leaves out are said where the team's state is.
    if (!text.isEmpty() && m_filter.kind == AuthorFilter::Kind::Mine)
        text += tr(" · showing only yours");
    else if (!text.isEmpty() && m_filter.kind == AuthorFilter::Kind::Member)
        text += tr(" · showing only %1's").arg(m_filter.member);
    m_status->setText(text);
    // The address and the server's words are not ours: shown as they are, never as markup.
    m_status->setToolTip(tip.isEmpty() ? QString() : plainTooltip(tip));
    m_status->setVisible(!text.isEmpty());
    m_sync->setEnabled(!session->address().isEmpty());
    m_members->setEnabled(!session->address().isEmpty());
    // Who "I" am is known once the server said it: the filter and what a selection may edit follow.
    if (m_filter.me != myNames())
        showAnnotationsOf(m_filter.kind, m_filter.member);
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

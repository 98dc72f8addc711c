#include "teamsession.h"

#include "jobs/backgroundjob.h"
#include "store/annotationdatabase.h"
#include "store/teamconnection.h"
#include "teamlistener.h"

#include <QThread>
#include <QTimer>

namespace marginalia {

namespace {

struct SyncDone {
    SyncReport report;
    QString address;
};

// The work of one sync, on a pool thread with connections of its own: the team remembered by the
// database when `address` is empty, else `address`, remembered once the sync worked.
Result<SyncDone> syncOnce(const QString &databasePath, const QString &address)
{
    Result<AnnotationDatabase> local = AnnotationDatabase::open(databasePath, DatabaseAccess::Write);
    if (!local)
        return fail(local.error());
    QString team = address;
    if (team.isEmpty()) {
        Result<QString> remembered = rememberedTeam(*local->database);
        if (!remembered)
            return fail(remembered.error());
        team = *remembered;
        if (team.isEmpty())
            return SyncDone{};
    }
    Result<std::unique_ptr<TeamConnection>> server = TeamConnection::open(team);
    if (!server)
        return fail(server.error());
    Result<SyncReport> report = syncWithTeam(*local->database, **server);
    if (!report)
        return fail(report.error());
    if (!address.isEmpty()) {
        if (auto remembered = rememberTeam(*local->database, address); !remembered)
            return fail(remembered.error());
    }
    return SyncDone{*report, team};
}

} // namespace

TeamSession::TeamSession(QString databasePath, QObject *parent) : TeamSession(std::move(databasePath), Timing{}, parent)
{
}

TeamSession::TeamSession(QString databasePath, Timing timing, QObject *parent)
    : QObject(parent),
      m_databasePath(std::move(databasePath)),
      m_timing(timing),
      m_job(new BackgroundJob(this)),
      m_membersJob(new BackgroundJob(this)),
      m_afterEdit(new QTimer(this)),
      m_every(new QTimer(this)),
      m_afterNotice(new QTimer(this)),
      m_listenerThread(new QThread(this)),
      m_listener(new TeamListener)
{
    m_afterEdit->setSingleShot(true);
    m_afterEdit->setInterval(m_timing.afterEditMs);
    m_afterNotice->setSingleShot(true);
    m_afterNotice->setInterval(m_timing.afterNoticeMs);
    m_every->setInterval(m_timing.everyMs);
    connect(m_afterEdit, &QTimer::timeout, this, &TeamSession::syncNow);
    connect(m_afterNotice, &QTimer::timeout, this, &TeamSession::syncNow);
    connect(m_every, &QTimer::timeout, this, &TeamSession::syncNow);

    m_listener->moveToThread(m_listenerThread);
    connect(m_listenerThread, &QThread::finished, m_listener, &QObject::deleteLater);
    connect(m_listener, &TeamListener::changed, this, &TeamSession::heard);
    m_listenerThread->start();
}

TeamSession::~TeamSession()
{
    m_listenerThread->quit();
    m_listenerThread->wait();
}

void TeamSession::start()
{
    m_connecting.clear();
    runSync();
}

void TeamSession::connectTo(const QString &address)
{
    m_connecting = address;
    runSync();
}

void TeamSession::syncNow()
{
    // Without a team, or one being connected to, there is nothing to reach.
    if (m_address.isEmpty() && m_connecting.isEmpty())
        return;
    runSync();
}

void TeamSession::localChanged()
{
    if (!m_address.isEmpty())
        m_afterEdit->start();
}

void TeamSession::readMembers(MembersDone done)
{
    if (m_address.isEmpty()) {
        done(fail(Error{m_databasePath, 0, 0, tr("This annotation database is not connected to a team.")}));
        return;
    }
    m_membersJob->start(
        [address = m_address](JobControl &) -> Result<std::vector<TeamMember>> {
            Result<std::unique_ptr<TeamConnection>> server = TeamConnection::open(address);
            if (!server)
                return fail(server.error());
            return readTeamMembers(**server);
        },
        std::move(done));
}

void TeamSession::heard(qint64 serverVersion)
{
    // Our own pushes are announced too; what this copy has read already needs no sync.
    if (serverVersion > m_lastReport.serverVersion)
        m_afterNotice->start();
}

void TeamSession::runSync()
{
    if (m_job->isRunning()) {
        m_again = true;
        return;
    }
    m_again = false;
    m_afterEdit->stop();
    m_afterNotice->stop();
    const QString address = m_connecting;
    setState(m_address.isEmpty() && address.isEmpty() ? m_state : State::Syncing);
    m_job->start([path = m_databasePath, address](JobControl &) { return syncOnce(path, address); },
                 [this, address](Result<SyncDone> done) {
                     // A connection asked for while an older sync ran is still to be tried.
                     if (address == m_connecting)
                         m_connecting.clear();
                     if (!done) {
                         finished(fail(done.error()), {});
                         return;
                     }
                     finished(done->report, done->address);
                 });
}

void TeamSession::finished(Result<SyncReport> result, const QString &address)
{
    if (!result) {
        // A team never reached stays unknown; a known one is offline until it answers again.
        m_problem = result.error();
        m_state = m_address.isEmpty() ? State::Off : State::Offline;
    } else if (address.isEmpty()) {
        m_state = State::Off; // the database has no team
    } else {
        m_address = address;
        m_problem = {};
        m_lastReport = *result;
        m_lastSync = QDateTime::currentDateTimeUtc();
        m_state = State::Synced;
        if (!m_every->isActive())
            m_every->start();
        QMetaObject::invokeMethod(m_listener, "listen", Qt::QueuedConnection, Q_ARG(QString, m_address));
    }
    // The state, or what it says (the time, the problem), changed.
    Q_EMIT stateChanged();
    if (result && (!result->changedDocuments.isEmpty() || result->tagsPulled > 0))
        Q_EMIT annotationsArrived(result->changedDocuments, result->tagsPulled > 0);
    if (m_again)
        runSync();
}

void TeamSession::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged();
}

} // namespace marginalia

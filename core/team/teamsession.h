#pragma once

#include "store/teamserver.h"
#include "store/teamsync.h"
#include "util/result.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <functional>
#include <vector>

class QThread;
class QTimer;

namespace marginalia {

class BackgroundJob;
class TeamListener;

// The window's link to its team: when to sync and what came of it. A sync runs as a background job with
// connections of its own — on start, soon after each edit here (debounced), every minute, on Sync Now,
// and as soon as the server announces another member's change (LISTEN/NOTIFY, heard on a thread of its
// own so a slow server never stalls the window) — so another member's new note shows in an open window
// within about a second. Without a team nothing here ever reaches a server.
class TeamSession : public QObject {
    Q_OBJECT

public:
    enum class State { Off, Syncing, Synced, Offline };
    struct Timing {
        int afterEditMs = 800;   // an edit waits this long for the next before it is pushed
        int everyMs = 60000;     // a sync at least this often
        int afterNoticeMs = 50;  // another member's change, heard, is pulled after this
    };

    explicit TeamSession(QString databasePath, QObject *parent = nullptr);
    TeamSession(QString databasePath, Timing timing, QObject *parent = nullptr);
    ~TeamSession() override;

    // Syncs with the team the database remembers, if it has one; else stays Off.
    void start();
    // Syncs with the team at `address` and, once that worked, remembers it for the database.
    void connectTo(const QString &address);
    void syncNow();
    // Something was written to the annotation database here: pushed after a short quiet time.
    void localChanged();
    // Asks the team who its members are, on a connection of its own; `done` receives the answer on this
    // thread (an error when there is no team). A newer request supersedes one still under way.
    using MembersDone = std::function<void(Result<std::vector<TeamMember>>)>;
    void readMembers(MembersDone done);

    State state() const { return m_state; }
    const QString &address() const { return m_address; }
    const QDateTime &lastSync() const { return m_lastSync; }
    const SyncReport &lastReport() const { return m_lastReport; }
    // Why the last sync failed (Offline), else empty.
    const Error &problem() const { return m_problem; }

Q_SIGNALS:
    void stateChanged();
    // A sync wrote annotations of these documents here, or the team's tag colours: the window shows them anew.
    void annotationsArrived(const QStringList &documentKeys, bool tagColours);

private:
    void runSync();
    void finished(Result<SyncReport> result, const QString &address);
    void heard(qint64 serverVersion);
    void setState(State state);

    QString m_databasePath;
    Timing m_timing;
    QString m_address;
    State m_state = State::Off;
    QDateTime m_lastSync;
    SyncReport m_lastReport;
    Error m_problem;
    bool m_again = false;       // asked to sync while a sync was running
    QString m_connecting;       // an address not yet remembered, tried by the running sync
    BackgroundJob *m_job;
    BackgroundJob *m_membersJob;
    QTimer *m_afterEdit;
    QTimer *m_every;
    QTimer *m_afterNotice;
    QThread *m_listenerThread;
    TeamListener *m_listener;   // lives on m_listenerThread
};

} // namespace marginalia

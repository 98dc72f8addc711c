#pragma once

#include "model/annotation.h"
#include "util/result.h"

#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace marginalia {

class Database;

// An annotation changed or deleted here since it last reached the team server (annotation schema 3
// keeps the list by triggers, whatever wrote the change).
struct PendingChange {
    qint64 seq = 0;                       // grows with every change: a later change has a larger one
    QString id;
    bool deleted = false;
    QDateTime changed;                    // when (for a deletion, its time)
    qint64 baseVersion = 0;               // the server version it was last seen at, 0 for never
    std::optional<Annotation> annotation; // its content, unless deleted
};

// An annotation as the team server holds it.
struct TeamRow {
    Annotation annotation;
    bool deleted = false;
    qint64 version = 0;
};

// Text that lost a conflict, kept for the user to see.
struct HistoryEntry {
    QString annotationId;
    QString note;
    QString color;
    QStringList tags;
    QString author;
    QDateTime modified;
    QDateTime replaced;
    QString reason;
};

// What a sync wrote here.
struct LedgerCounts {
    int applied = 0;   // server rows written here (added, changed or deleted)
    int conflicts = 0; // where an edit here and the server's disagreed
    QStringList documents; // the keys of the documents whose annotations changed here, each once
};

// The annotation database's side of team sync: what is waiting to be pushed, what the server answered,
// what was pulled, how far the team was read. Every write is one transaction in which the change
// triggers keep still, so what a sync writes is never taken for a change to push back.
class SyncLedger {
public:
    explicit SyncLedger(Database &db);

    Result<std::vector<PendingChange>> pending() const;

    // A value of sync_state ("team", "team_id", "server_version", "last_sync"), empty when unset.
    Result<QString> state(const QString &key) const;
    Result<void> setState(const QString &key, const QString &value);
    // Forgets what was known of a team (another team's server, or the team's database made anew): every
    // annotation here is pending again, and the next pull reads the server from the start.
    Result<void> forgetTeam();

    // The server took `pushed` (its row as written now): it is no longer pending unless changed again
    // since (a larger seq), and its author is the server's.
    Result<void> markPushed(const std::vector<std::pair<PendingChange, TeamRow>> &pushed,
                            const std::vector<HistoryEntry> &replacedOnServer);
    // The server kept its own row (newer, or another member's): it replaces the change here, whose text
    // is kept in the history.
    Result<void> markLost(const std::vector<std::pair<PendingChange, TeamRow>> &lost, const QString &reason);
    // Writes the pulled rows here, except those whose version is `ownVersion` (what this sync pushed),
    // records `serverVersion` as read, and keeps a change made here since the push when it is newer than
    // the server's (a conflict either way).
    Result<LedgerCounts> applyPulled(const std::vector<TeamRow> &rows, qint64 ownVersion, qint64 serverVersion);

    Result<std::vector<HistoryEntry>> history(const QString &annotationId = {}) const;

private:
    Database &m_db;
};

} // namespace marginalia

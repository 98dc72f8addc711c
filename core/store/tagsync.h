#pragma once

#include "util/result.h"

#include <QDateTime>
#include <QString>

#include <vector>

namespace marginalia {

class Database;
class TeamConnection;

// The team schema whose server keeps tags (their colours); an older server's team syncs annotations only.
constexpr int TeamTagsSchemaVersion = 2;

// A tag whose name or colour changed here since it last reached the team (annotation schema 5).
struct PendingTag {
    qint64 seq = 0;
    QString folded;
    QString name;
    QString color;
    QDateTime changed; // the epoch for a tag only made here, which never overrides a member's choice
};

// A tag as the team server holds it.
struct TeamTag {
    QString folded;
    QString name;
    QString color;
    QDateTime modified;
    qint64 version = 0;
};

// What the server made of pushed tags: the ones it kept its own colour for come back, to be written here.
struct TagPushOutcome {
    int pushed = 0;
    std::vector<TeamTag> kept;
};

// The annotation database's side: what is waiting, what the server took, what it has.
class TagLedger {
public:
    explicit TagLedger(Database &db);

    Result<std::vector<PendingTag>> pending() const;
    // They reached the server: no longer pending unless changed again since.
    Result<void> markPushed(const std::vector<PendingTag> &pushed);
    // Writes the server's tags here (a tag changed here since it was read is left for the next sync);
    // returns how many changed here.
    Result<int> apply(const std::vector<TeamTag> &tags);

private:
    Database &m_db;
};

// The server's side, on the member's connection: push in one transaction; read within the caller's.
Result<TagPushOutcome> pushTags(TeamConnection &server, const std::vector<PendingTag> &pending);
Result<std::vector<TeamTag>> readTeamTags(TeamConnection &server, qint64 since, qint64 upTo);

} // namespace marginalia

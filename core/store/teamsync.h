#pragma once

#include "util/result.h"

#include <QString>
#include <QStringList>

namespace marginalia {

class Database;
class TeamConnection;

// What one sync did (the JSON of `marginalia-cli sync`).
struct SyncReport {
    int pushed = 0;         // changes made here that the server took (added, edited, deleted)
    int pulled = 0;         // rows of the server written here
    int conflicts = 0;      // where an edit here and the server's disagreed; the loser is in the history
    qint64 serverVersion = 0;
    QString role;           // who the server says we are
    QString group;
    QStringList changedDocuments; // the documents whose annotations a pull or a lost conflict changed here
    int tagsPushed = 0;     // tag colours chosen here that the server took
    int tagsPulled = 0;     // tags whose name or colour changed here (the team's colour)
};

// One sync of the annotation database `local` with its team (Zotero's scheme): pushes what changed here
// since the last sync, in one server transaction, then pulls every row newer than the last version read,
// in one snapshot, and writes it here in one local transaction. A sync cut off anywhere is simply run
// again: nothing is marked pushed before the server committed it, nor read before it is written here.
// Fails, changing nothing, when the server cannot be used: not a team, schema too new, not a member.
Result<SyncReport> syncWithTeam(Database &local, TeamConnection &server);

// The team remembered for the database (`sync --db FILE` alone), empty when none.
Result<QString> rememberedTeam(Database &local);
Result<void> rememberTeam(Database &local, const QString &address);

} // namespace marginalia

#pragma once

#include <QStringList>

class QTextStream;

namespace marginalia::cli {

// marginalia-cli team init|add-member|remove-member (the team's admin) and marginalia-cli sync (each
// member): team annotations on a PostgreSQL server (issue 14). `arguments` has the program name first and
// the command ("team", "sync") removed. Returns an ExitCode.
int runTeamCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);
int runSyncCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace marginalia::cli

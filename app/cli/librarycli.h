#pragma once

#include <QStringList>

class QTextStream;

namespace marginalia::cli {

// marginalia-cli library add|list|remove|reindex|status|show|search: the library index (issue 10).
// `arguments` has the program name first and "library" removed. Results go to `out`, messages to
// `err`; `progress` is the terminal's own error stream, written as indexing goes (the messages on `err`
// are held until the end). Returns an ExitCode.
int runLibraryCommand(const QStringList &arguments, QTextStream &out, QTextStream &err, QTextStream &progress);

} // namespace marginalia::cli

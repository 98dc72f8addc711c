#pragma once

#include <QStringList>

class QTextStream;

namespace marginalia::cli {

// Exit codes of marginalia-cli.
enum ExitCode : int {
    ExitOk = 0,
    ExitBadInput = 1, // a file could not be read or imported cleanly, or --doc names nothing
    ExitUsage = 2,    // unknown command or option, missing argument
};

// Runs marginalia-cli on `arguments` (argv, program name first), writing results to `out` and
// messages to `err`. Returns the exit code; never throws.
int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace marginalia::cli

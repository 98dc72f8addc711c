#pragma once

#include <QString>
#include <QStringList>

class QTextStream;

namespace marginalia::cli {

// The annotation commands' names, for the usage line and the dispatcher.
const QStringList &annotationCommands();

// Parses and runs annotation command `command` (one of annotationCommands()) with `arguments`
// (program name first, the command itself removed). Returns an ExitCode.
int runAnnotationCommand(const QString &command, const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace marginalia::cli

#pragma once

#include <QStringList>

class QTextStream;

namespace marginalia::cli {

// marginalia-cli export-pdf: parses `arguments` (program name first, the command removed), exports the
// documents asked for to a PDF and prints a short report. Returns an ExitCode.
int runExportPdfCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace marginalia::cli

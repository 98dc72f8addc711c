#pragma once

#include <QStringList>

class QTextStream;

namespace marginalia::cli {

// marginalia-cli cite FILE... --doc ID [--style hsg|chicago-note|chicago-bibliography] [--quote TEXT]
int runCiteCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);

// marginalia-cli export-citations FILE... [--doc ID]... [--tag T] --format csl-json|bibtex|ris -o OUT
int runExportCitationsCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace marginalia::cli

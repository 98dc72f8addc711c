#pragma once

#include "cli/commands.h"

#include <QStringList>

class QTextStream;

namespace marginalia::cli {

// The commands that lay text out: they need fonts (Qt Gui) and qpdf. marginalia-cli hands them over to
// its helper marginalia-layout (layoutexec.cpp), so that every other command starts without loading
// those libraries; the helper runs them (layoutlocal.cpp).

// export-pdf, with `arguments` as the command's own (program name first, the command removed).
int runExportPdf(const QStringList &arguments, QTextStream &out, QTextStream &err);
// show --format html.
int runShowHtml(const ShowOptions &options, QTextStream &out, QTextStream &err);

} // namespace marginalia::cli

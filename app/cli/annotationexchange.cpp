// marginalia-cli export-annotations and import-annotations.

#include "cli/annotationcommands.h"

#include "citation/citationstyles.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "export/annotationexport.h"
#include "fileio/outputfile.h"
#include "export/annotationimport.h"
#include "library/library.h"
#include "store/annotationstore.h"
#include "util/translate.h"

#include <QCoreApplication>
#include <QTextStream>

namespace marginalia::cli {

int runExportAnnotations(const ExportAnnotationsOptions &options, QTextStream &out, QTextStream &err)
{
    if (!options.files.isEmpty() && !loadAll(options.files, commandLibrary(), err))
        return ExitBadInput;
    OpenStore open = openStore(options.database, err);
    if (!open.store)
        return ExitBadInput;
    Result<std::vector<Annotation>> annotations = chooseAnnotations({options.document, options.tag}, *open.store);
    if (!annotations) {
        err << annotations.error().toString() << Qt::endl;
        return ExitBadInput;
    }
    const std::optional<AnnotationExportFormat> format = annotationExportFormat(options.format);
    if (!format)
        return ExitUsage; // the command line refuses it, with the names to use
    const QByteArray bytes = format->write(*annotations, commandLibrary(), annotationsExportTitle(options.tag),
                                           documentCitations(commandLibrary(), citationStyleNamed(options.citationStyle)));
    if (options.output.isEmpty()) {
        out << QString::fromUtf8(bytes);
        return ExitOk;
    }
    // A regular file is replaced all at once (a reader never sees half an export, an old file survives a
    // failure); a device is written, never replaced; "-" is standard output, with errors reported.
    out.flush();
    if (Result<bool> written = writeOutputFile(options.output, bytes); !written) {
        err << written.error().toString() << Qt::endl;
        return ExitBadInput;
    }
    return ExitOk;
}

int runImportAnnotations(const ImportAnnotationsOptions &options, QTextStream &out, QTextStream &err)
{
    OpenStore open = openStore(options.database, err, StoreAccess::Write);
    if (!open.store)
        return ExitBadInput;
    Result<ImportSummary> summary = importAnnotationsFile(options.file, *open.store);
    if (!summary) {
        err << summary.error().toString() << Qt::endl;
        return ExitBadInput;
    }
    // What could not be read is named, with where and why; the rest is imported all the same.
    for (const Error &skipped : summary->skipped)
        err << Tr::tr("skipped: %1").arg(skipped.toString()) << Qt::endl;
    const int unchanged = summary->read - summary->added - summary->updated;
    out << Tr::tr("%1 added, %2 updated, %3 unchanged").arg(summary->added).arg(summary->updated).arg(unchanged);
    if (!summary->skipped.empty())
        out << Tr::tr(", %n skipped", "", int(summary->skipped.size()));
    out << Qt::endl;
    return ExitOk;
}

} // namespace marginalia::cli

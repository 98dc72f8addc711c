// marginalia-cli export-annotations and import-annotations.

#include "cli/annotationcommands.h"

#include "citation/citationsource.h"
#include "citation/citationstyles.h"

#include "cli/cli.h"
#include "cli/commands.h"
#include "export/markdownexport.h"
#include "fileio/outputfile.h"
#include "export/annotationimport.h"
#include "export/teipositions.h"
#include "export/w3cannotations.h"
#include "library/library.h"
#include "store/annotationstore.h"
#include "util/translate.h"

#include <QCoreApplication>
#include <QTextStream>

namespace marginalia::cli {

namespace {

bool matchesDocument(const Annotation &a, const QString &doc)
{
    // A bare document id ("d317") matches that document in any volume.
    return doc.isEmpty() || a.document == doc
        || (!doc.contains(QLatin1Char('/')) && a.document.endsWith(QLatin1Char('/') + doc));
}

Result<std::vector<Annotation>> chosenAnnotations(const ExportAnnotationsOptions &options, const AnnotationStore &store)
{
    const bool oneDocument = options.document.contains(QLatin1Char('/'));
    Result<std::vector<Annotation>> chosen = oneDocument ? store.forDocument(options.document)
        : options.tag.isEmpty()                          ? store.all()
                                                         : store.withTag(options.tag);
    if (chosen) {
        std::erase_if(*chosen, [&](const Annotation &a) {
            return !matchesDocument(a, options.document)
                || (!options.tag.isEmpty() && !a.tags.contains(options.tag, Qt::CaseInsensitive));
        });
    }
    return chosen;
}

QString markdownTitle(const ExportAnnotationsOptions &options)
{
    if (!options.tag.isEmpty())
        return Tr::tr("Annotations tagged %1").arg(options.tag);
    return Tr::tr("Annotations");
}

} // namespace

int runExportAnnotations(const ExportAnnotationsOptions &options, QTextStream &out, QTextStream &err)
{
    if (!options.files.isEmpty() && !loadAll(options.files, commandLibrary(), err))
        return ExitBadInput;
    OpenStore open = openStore(options.database, err);
    if (!open.store)
        return ExitBadInput;
    Result<std::vector<Annotation>> annotations = chosenAnnotations(options, *open.store);
    if (!annotations) {
        err << annotations.error().toString() << Qt::endl;
        return ExitBadInput;
    }
    DocumentCitation cite;
    if (const std::optional<CitationStyle> style = citationStyleNamed(options.citationStyle)) {
        cite = [style](int volume, int document) {
            return formatCitation(citationSource(commandLibrary(), volume, document), *style).text;
        };
    }
    const QByteArray bytes = options.markdown
        ? annotationsMarkdown(*annotations, commandLibrary(), markdownTitle(options), cite).toUtf8()
        : exportW3cAnnotations(*annotations, teiFlowTextIn(commandLibrary()));
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

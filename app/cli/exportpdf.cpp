// marginalia-cli export-pdf: documents with their annotations as a PDF other readers understand.

#include "cli/exportpdf.h"

#include "cli/annotationcommands.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "export/pdf/pdfexport.h"
#include "fileio/outputfile.h"
#include "library/library.h"
#include "store/annotationstore.h"
#include "store/database.h"
#include "util/translate.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QTextStream>

namespace marginalia::cli {

namespace {

struct ExportPdfOptions {
    QString database;
    QStringList files;
    QStringList documentIds; // empty: with a tag, the tagged documents; else every document of the files
    QString tag;
    QString output;
    std::optional<CitationStyle> citationStyle;
};

// Every document of every file, in file order: a whole volume is a use case of its own.
std::vector<std::pair<int, int>> allDocuments(const Library &library)
{
    std::vector<std::pair<int, int>> documents;
    for (int v = 0; v < library.size(); ++v) {
        for (int d = 0; d < int(library.volume(v).documents.size()); ++d)
            documents.emplace_back(v, d);
    }
    return documents;
}

// The documents the ids name; prints the first unknown id to `err` and returns false.
bool findDocuments(const Library &library, const ExportPdfOptions &options, std::vector<std::pair<int, int>> &documents,
                   QTextStream &err)
{
    for (const QString &id : options.documentIds) {
        const DocumentPosition at = findDocument(library, id);
        if (at.volume < 0) {
            err << Error{options.files.value(0), 0, 0, Tr::tr("no document with id \"%1\"").arg(id)}.toString()
                << Qt::endl;
            return false;
        }
        documents.emplace_back(at.volume, at.document);
    }
    return true;
}

int runExportPdf(const ExportPdfOptions &options, QTextStream &out, QTextStream &err)
{
    Library &library = commandLibrary();
    if (!loadAll(options.files, library, err))
        return ExitBadInput;
    PdfExportRequest request;
    request.tag = options.tag;
    request.output = options.output;
    request.citationStyle = options.citationStyle;
    if (!findDocuments(library, options, request.documents, err))
        return ExitBadInput;
    if (request.documents.empty() && options.tag.isEmpty())
        request.documents = allDocuments(library);
    OpenStore open = openStore(options.database, err);
    if (!open.store)
        return ExitBadInput;
    Result<PdfExportReport> report = exportPdf(library, open.store.get(), request);
    if (!report) {
        err << report.error().toString() << Qt::endl;
        return ExitBadInput;
    }
    // Laid out like `info`: one figure a line, for people and for scripts alike; on stderr when the PDF
    // itself went to standard output.
    QTextStream &summary = OutputFile::isStandardOutput(options.output) ? err : out;
    summary << QDir::toNativeSeparators(options.output) << Qt::endl
        << QStringLiteral("  %1 %2").arg(Tr::tr("pages:"), -12).arg(report->pages) << Qt::endl
        << QStringLiteral("  %1 %2").arg(Tr::tr("documents:"), -12).arg(report->documents) << Qt::endl
        << QStringLiteral("  %1 %2").arg(Tr::tr("highlights:"), -12).arg(report->highlights) << Qt::endl
        << QStringLiteral("  %1 %2").arg(Tr::tr("links:"), -12).arg(report->links) << Qt::endl;
    // Import warnings do not spoil the PDF, which is written; they are shown and do not fail the run.
    (void)reportWarnings(library, summary, err);
    return ExitOk;
}

} // namespace

int runExportPdfCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Exports documents as a PDF with their annotations as real PDF highlights (with notes, tags, "
               "author), footnote links, bookmarks and a table of contents. Without --doc and --tag: every "
               "document of every FILE (a whole volume). With --tag alone: the open documents holding passages "
               "with that tag, showing only those passages."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption db(QStringLiteral("db"),
                                Tr::tr("The annotation database (default: %1; set MARGINALIA_DB to change it).")
                                    .arg(Database::defaultPath()),
                                QStringLiteral("FILE"));
    const QCommandLineOption doc(QStringLiteral("doc"), Tr::tr("A document to export (an id such as d317; repeat for several)."),
                                 QStringLiteral("ID"));
    const QCommandLineOption tag(QStringLiteral("tag"), Tr::tr("Only passages with this tag."), QStringLiteral("T"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")}, Tr::tr("The PDF to write (required; - for standard output)."),
                                    QStringLiteral("OUT.pdf"));
    const QCommandLineOption style(QStringLiteral("citation-style"),
                                   Tr::tr("End each document with its full citation in hsg, chicago-note or "
                                          "chicago-bibliography style."),
                                   QStringLiteral("STYLE"));
    parser.addOptions({db, doc, tag, output, style});
    parser.addPositionalArgument(QStringLiteral("export-pdf"), Tr::tr("The command."), QStringLiteral("export-pdf"));
    parser.addPositionalArgument(QStringLiteral("FILE"), Tr::tr("A FRUS TEI volume or a plain-text copy of a document page."),
                                 QStringLiteral("FILE..."));
    const auto usage = [&](const QString &message) {
        err << message << Qt::endl << parser.helpText();
        return int(ExitUsage);
    };
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(help)) {
        out << parser.helpText();
        return ExitOk;
    }
    if (parser.positionalArguments().isEmpty())
        return usage(Tr::tr("missing FILE argument"));
    if (parser.value(output).isEmpty())
        return usage(Tr::tr("missing -o OUT.pdf"));
    std::optional<CitationStyle> citationStyle;
    if (parser.isSet(style)) {
        citationStyle = citationStyleNamed(parser.value(style));
        if (!citationStyle)
            return usage(unknownCitationStyle(parser.value(style)));
    }
    const QString database = parser.isSet(db) ? parser.value(db) : Database::defaultPath();
    return runExportPdf(ExportPdfOptions{database, parser.positionalArguments(), parser.values(doc), parser.value(tag),
                                         parser.value(output), citationStyle},
                        out, err);
}

} // namespace marginalia::cli

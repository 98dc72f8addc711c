// marginalia-cli library …: the library index (add, index, list, status, remove, show, search).

#include "cli/librarycommands.h"

#include "catalog/catalog.h"
#include "catalog/catalogindexer.h"
#include "catalog/volumeoutline.h"
#include "cli/cli.h"
#include "cli/commandline.h"
#include "cli/commands.h"
#include "export/documentjson.h"
#include "export/terminaltext.h"
#include "library/library.h"
#include "parse/volumeloader.h"
#include "store/annotationdatabase.h"
#include "store/catalogschema.h"
#include "util/translate.h"
#include "util/visiblecontrols.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <unistd.h>

namespace marginalia::cli {

namespace {

QJsonObject errorJson(const Error &error)
{
    return QJsonObject{{QStringLiteral("file"), error.file},
                       {QStringLiteral("line"), error.line},
                       {QStringLiteral("column"), error.column},
                       {QStringLiteral("message"), error.message}};
}

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / 1e6, 'f', 1);
}

// Indexing progress on the terminal: on a terminal one line rewritten in place, at most ten times a
// second; into a file or a pipe a line every two seconds, so a log shows the run without flooding.
class TerminalProgress {
public:
    explicit TerminalProgress(QTextStream &stream) : m_stream(stream), m_terminal(isatty(STDERR_FILENO) != 0)
    {
        m_clock.start();
    }

    bool operator()(const IndexProgress &p)
    {
        const qint64 interval = m_terminal ? 100 : 2000;
        if (m_shown && m_clock.elapsed() - m_last < interval)
            return true;
        m_last = m_clock.elapsed();
        m_shown = true;
        QString line = Tr::tr("Indexing: %1 of %2 volumes, %3 of %4 MB, %5 MB/s")
                           .arg(p.volumesDone)
                           .arg(p.volumesTotal)
                           .arg(megabytes(p.bytesDone), megabytes(p.bytesTotal),
                                QString::number(p.bytesPerSecond / 1e6, 'f', 1));
        if (p.secondsLeft >= 0)
            line += Tr::tr(", %1 s left").arg(qint64(p.secondsLeft + 0.5));
        if (m_terminal)
            m_stream << "\r\x1b[K" << line;
        else
            m_stream << line << '\n';
        m_stream.flush();
        return true;
    }

    void finish()
    {
        if (m_terminal && m_shown) {
            m_stream << "\r\x1b[K";
            m_stream.flush();
        }
    }

private:
    QTextStream &m_stream;
    bool m_terminal;
    bool m_shown = false;
    qint64 m_last = 0;
    QElapsedTimer m_clock;
};

int printIndexReport(const IndexReport &report, const QString &library, bool json, QTextStream &out, QTextStream &err)
{
    for (const Error &error : report.errors)
        err << error.toString() << Qt::endl;
    if (json) {
        QJsonArray errors;
        for (const Error &error : report.errors)
            errors.append(errorJson(error));
        printJson(QJsonObject{{QStringLiteral("library"), library},
                              {QStringLiteral("indexed"), report.indexed},
                              {QStringLiteral("unchanged"), report.unchanged},
                              {QStringLiteral("missing"), report.missing},
                              {QStringLiteral("failed"), report.failed},
                              {QStringLiteral("cancelled"), report.cancelled},
                              {QStringLiteral("errors"), errors}},
                  out);
    } else {
        out << Tr::tr("%1 indexed, %2 unchanged, %3 missing, %4 failed")
                   .arg(report.indexed)
                   .arg(report.unchanged)
                   .arg(report.missing)
                   .arg(report.failed)
            << Qt::endl;
    }
    return report.failed > 0 || report.cancelled ? ExitBadInput : ExitOk;
}

} // namespace

Result<std::unique_ptr<Catalog>> openIndexForReading(const QString &path, bool defaultReadsEmpty)
{
    const bool isDefault = path == defaultCatalogPath() && qEnvironmentVariableIsEmpty("MARGINALIA_LIBRARY");
    if (!QFileInfo::exists(path) && !(defaultReadsEmpty && isDefault))
        return fail(path, 0, 0, Tr::tr("no such library index; add volumes with `marginalia-cli library add PATH`"));
    return Catalog::open(path, DatabaseAccess::Read); // a missing file reads as an empty library
}

int runLibraryIndex(const LibraryIndexOptions &options, QTextStream &out, QTextStream &err, QTextStream &progress)
{
    TerminalProgress terminal(progress);
    IndexOptions index;
    index.force = options.force;
    Result<IndexReport> report = indexCatalog(options.library, index,
                                              [&terminal](const IndexProgress &p) { return terminal(p); });
    terminal.finish();
    if (!report) {
        err << report.error().toString() << Qt::endl;
        return ExitBadInput;
    }
    return printIndexReport(*report, options.library, options.json, out, err);
}

int runLibraryAdd(const LibraryAddOptions &options, QTextStream &out, QTextStream &err, QTextStream &progress)
{
    QStringList paths;
    for (const QString &path : options.paths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            err << Error{path, 0, 0, Tr::tr("no such file or folder")}.toString() << Qt::endl;
            return ExitBadInput;
        }
        paths << info.absoluteFilePath();
    }
    {
        Result<std::unique_ptr<Catalog>> catalog = Catalog::open(options.library, DatabaseAccess::Write);
        if (!catalog) {
            err << catalog.error().toString() << Qt::endl;
            return ExitBadInput;
        }
        if (Result<void> added = (*catalog)->addSources(paths); !added) {
            err << added.error().toString() << Qt::endl;
            return ExitBadInput;
        }
    }
    return runLibraryIndex(LibraryIndexOptions{options.library, false, options.json}, out, err, progress);
}

int runLibraryList(const LibraryListOptions &options, QTextStream &out, QTextStream &err)
{
    Result<std::unique_ptr<Catalog>> catalog = openIndexForReading(options.library, true);
    if (!catalog) {
        err << catalog.error().toString() << Qt::endl;
        return ExitBadInput;
    }
    Result<std::vector<CatalogVolumeInfo>> volumes = (*catalog)->volumes();
    if (!volumes) {
        err << volumes.error().toString() << Qt::endl;
        return ExitBadInput;
    }
    static const char *const stateNames[] = {"indexed", "missing", "failed"};
    QJsonArray array;
    for (const CatalogVolumeInfo &v : *volumes) {
        const QLatin1String state(stateNames[int(v.state)]);
        if (options.json) {
            array.append(QJsonObject{
                {QStringLiteral("id"), v.id},
                {QStringLiteral("title"), v.title},
                {QStringLiteral("subseries"), v.subseries},
                {QStringLiteral("yearFrom"), v.yearFrom},
                {QStringLiteral("yearTo"), v.yearTo},
                {QStringLiteral("path"), v.path},
                {QStringLiteral("size"), v.size},
                {QStringLiteral("modified"), v.modified.toUTC().toString(Qt::ISODate)},
                {QStringLiteral("documents"), v.documents},
                {QStringLiteral("footnotes"), v.footnotes},
                {QStringLiteral("state"), state},
                {QStringLiteral("error"), v.error.isEmpty() ? QJsonValue() : QJsonValue(v.error)},
            });
        } else {
            // Tab-separated, one volume a line: a tab or line break inside a title must not start a field.
            out << visibleControls(v.id, LineBreaks::Show) << '\t' << v.documents << '\t' << state << '\t'
                << visibleControls(v.state == CatalogVolumeInfo::State::Failed ? v.error : v.title, LineBreaks::Show)
                << '\t' << visibleControls(v.path, LineBreaks::Show) << '\n';
        }
    }
    if (options.json)
        printJson(QJsonObject{{QStringLiteral("volumes"), array}}, out);
    return ExitOk;
}

int runLibraryStatus(const LibraryListOptions &options, QTextStream &out, QTextStream &err)
{
    Result<std::unique_ptr<Catalog>> catalog = openIndexForReading(options.library, true);
    if (!catalog) {
        err << catalog.error().toString() << Qt::endl;
        return ExitBadInput;
    }
    Result<CatalogStatus> status = (*catalog)->status();
    if (!status) {
        err << status.error().toString() << Qt::endl;
        return ExitBadInput;
    }
    if (options.json) {
        printJson(QJsonObject{{QStringLiteral("volumes"), status->volumes},
                              {QStringLiteral("documents"), status->documents},
                              {QStringLiteral("footnotes"), status->footnotes},
                              {QStringLiteral("missing"), status->missing},
                              {QStringLiteral("failed"), status->failed},
                              {QStringLiteral("indexing"), status->indexing}},
                  out);
    } else {
        out << Tr::tr("volumes: %1\ndocuments: %2\nfootnotes: %3\nmissing: %4\nfailed: %5\nindexing: %6\n")
                   .arg(status->volumes)
                   .arg(status->documents)
                   .arg(status->footnotes)
                   .arg(status->missing)
                   .arg(status->failed)
                   .arg(status->indexing ? Tr::tr("yes") : Tr::tr("no"));
    }
    return ExitOk;
}

int runLibraryRemove(const LibraryRemoveOptions &options, QTextStream &out, QTextStream &err)
{
    if (!QFileInfo::exists(options.library)) {
        err << Error{options.library, 0, 0, Tr::tr("no such library index")}.toString() << Qt::endl;
        return ExitBadInput;
    }
    Result<std::unique_ptr<Catalog>> catalog = Catalog::open(options.library, DatabaseAccess::Write);
    if (!catalog) {
        err << catalog.error().toString() << Qt::endl;
        return ExitBadInput;
    }
    // A path is compared as added: absolute.
    const QFileInfo asPath(options.what);
    Result<int> removed = (*catalog)->remove(asPath.exists() ? asPath.absoluteFilePath() : options.what);
    if (!removed) {
        err << removed.error().toString() << Qt::endl;
        return ExitBadInput;
    }
    if (*removed == 0) {
        err << Error{options.library, 0, 0, Tr::tr("nothing in the library is \"%1\"").arg(options.what)}.toString()
            << Qt::endl;
        return ExitBadInput;
    }
    out << Tr::tr("removed %1 volume(s)").arg(*removed) << Qt::endl;
    return ExitOk;
}

} // namespace marginalia::cli

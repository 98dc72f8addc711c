#include "cli/commands.h"

#include "cli/cli.h"
#include "export/documentjson.h"
#include "export/terminaltext.h"
#include "export/volumeinfo.h"
#include "library/copieddocument.h"
#include "library/library.h"
#include "parse/volumeloader.h"
#include "util/translate.h"
#include "util/visiblecontrols.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace marginalia::cli {

// The library of a command: left to the operating system at exit, since freeing a volume's many small
// blocks one by one only delays the end of a process that is about to end anyway.
Library &commandLibrary()
{
    static auto *library = new Library;
    return *library;
}

// Loads every file into one library. Import errors go to `err`; returns false if any file failed.
bool loadAll(const QStringList &files, Library &library, QTextStream &err)
{
    bool ok = true;
    for (const QString &file : files) {
        Result<Volume> volume = loadVolume(file);
        if (!volume) {
            err << volume.error().toString() << Qt::endl;
            ok = false;
            continue;
        }
        library.add(std::make_shared<const Volume>(std::move(volume).value()));
    }
    readTextCopiesByTheirVolumes(library);
    return ok;
}

// Warnings come after the output they qualify. A document that opens is shown, so warnings alone
// (footnotes without a place, a copy with no footnote list) leave the run a success.
int reportWarnings(const Library &library, QTextStream &out, QTextStream &err)
{
    out.flush();
    for (int v = 0; v < library.size(); ++v) {
        for (const Error &warning : library.volume(v).warnings)
            err << warning.toString() << Qt::endl;
    }
    return ExitOk;
}

DocumentPosition findDocument(const Library &library, const QString &id)
{
    for (int v = 0; v < library.size(); ++v) {
        const Volume &volume = library.volume(v);
        if (id.isEmpty() && !volume.documents.empty())
            return {v, 0};
        const int d = id.isEmpty() ? -1 : volume.documentIndex(id);
        if (d >= 0)
            return {v, d};
    }
    return {};
}

DocumentPosition loadDocument(const QStringList &files, const QString &id, QTextStream &err)
{
    Library &library = commandLibrary();
    if (!loadAll(files, library, err))
        return {};
    const DocumentPosition at = findDocument(library, id);
    if (at.volume < 0) {
        const QString message = id.isEmpty()
            ? Tr::tr("no document in the files")
            : Tr::tr("no document with id \"%1\"").arg(id);
        err << Error{files.value(0), 0, 0, message}.toString() << Qt::endl;
    }
    return at;
}


int runInfo(const InfoOptions &options, QTextStream &out, QTextStream &err)
{
    Library &library = commandLibrary();
    if (!loadAll(options.files, library, err))
        return ExitBadInput;
    if (options.json) {
        QJsonArray volumes;
        for (int v = 0; v < library.size(); ++v)
            volumes.append(volumeInfoJson(library, v));
        const QJsonDocument json(QJsonObject{{QStringLiteral("volumes"), volumes}});
        out << QString::fromUtf8(terminalSafeJson(json.toJson(QJsonDocument::Indented)));
    } else {
        for (int v = 0; v < library.size(); ++v)
            out << (v > 0 ? QStringLiteral("\n") : QString()) << visibleControls(volumeInfoText(library, v));
    }
    return reportWarnings(library, out, err);
}

int runShow(const ShowOptions &options, QTextStream &out, QTextStream &err)
{
    const DocumentPosition at = loadDocument(options.files, options.documentId, err);
    if (at.volume < 0)
        return ExitBadInput;
    const Library &library = commandLibrary();
    if (options.json) {
        const QJsonDocument json(documentJson(library, at.volume, at.document));
        out << QString::fromUtf8(terminalSafeJson(json.toJson(QJsonDocument::Indented)));
    } else {
        out << visibleControls(terminalText(library, at.volume, at.document));
    }
    return reportWarnings(library, out, err);
}

} // namespace marginalia::cli

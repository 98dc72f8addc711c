#pragma once

#include <QString>
#include <QStringList>

class QTextStream;

namespace marginalia {
class Library;
}

namespace marginalia::cli {

struct InfoOptions {
    QStringList files;
    bool json = false;
};

struct ShowOptions {
    QStringList files;
    QString documentId; // empty: the first document of the first file
    bool json = false;
    bool html = false; // the rendered text and notes (needs a QGuiApplication)
};

// Each loads `files` into one library, prints its result to `out` and every import error or warning to
// `err` as "FILE:LINE:COLUMN: message", and returns an ExitCode.
int runInfo(const InfoOptions &options, QTextStream &out, QTextStream &err);
int runShow(const ShowOptions &options, QTextStream &out, QTextStream &err);

// Shared by the commands that read files.
// The library of this process (one per command run).
Library &commandLibrary();
// Loads every file into `library`; import errors go to `err`. False if any file failed.
// A text copy whose document one of the TEI files holds is read by that document (readTextCopiesByTheirVolumes).
bool loadAll(const QStringList &files, Library &library, QTextStream &err);
// Prints the library's import warnings to `err` (after flushing `out`); ExitOk, since what opened was shown.
int reportWarnings(const Library &library, QTextStream &out, QTextStream &err);

struct DocumentPosition {
    int volume = -1;
    int document = -1;
};
// The document `id` names ("d317"), or the first of the first file when `id` is empty; {-1, -1} if none.
DocumentPosition findDocument(const Library &library, const QString &id);
// Loads `files` into commandLibrary() and finds the document `id` names (findDocument()), reporting to
// `err` what could not be read or found; {-1, -1} then.
DocumentPosition loadDocument(const QStringList &files, const QString &id, QTextStream &err);

} // namespace marginalia::cli

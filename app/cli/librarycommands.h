#pragma once

#include "util/result.h"

#include <QString>
#include <QStringList>

#include <memory>

class QTextStream;

namespace marginalia {
class Catalog;
}

namespace marginalia::cli {

// Every library command names its index: --library FILE, else MARGINALIA_LIBRARY, else the default file.
struct LibraryAddOptions {
    QString library;
    QStringList paths; // files or folders
    bool json = false;
};

struct LibraryIndexOptions {
    QString library;
    bool force = false; // re-read every file, changed or not (reindex)
    bool json = false;
};

struct LibraryListOptions {
    QString library;
    bool json = false;
};

struct LibraryRemoveOptions {
    QString library;
    QString what; // a volume id, a file or a folder that was added
};

struct LibraryShowOptions {
    QString library;
    QString volume;
    QString document;
    bool json = false;
};

struct LibrarySearchOptions {
    QString library;
    QString query;
    QString from, to;
    QString volume, person, kind;
    bool byDate = false;
    int limit = 50;
    bool json = false;
    QString database;      // the annotation database, for `annotated` and `tag`
    bool annotated = false; // only documents with annotations
    QString tag;           // only documents with an annotation carrying this tag
};

// The index for a command that only reads. A file that does not exist is an error (a mistyped --library),
// except, when `defaultReadsEmpty`, the app's own index before anything was added: an empty library.
Result<std::unique_ptr<Catalog>> openIndexForReading(const QString &path, bool defaultReadsEmpty);

int runLibraryAdd(const LibraryAddOptions &options, QTextStream &out, QTextStream &err, QTextStream &progress);
int runLibraryIndex(const LibraryIndexOptions &options, QTextStream &out, QTextStream &err, QTextStream &progress);
int runLibraryList(const LibraryListOptions &options, QTextStream &out, QTextStream &err);
int runLibraryStatus(const LibraryListOptions &options, QTextStream &out, QTextStream &err);
int runLibraryRemove(const LibraryRemoveOptions &options, QTextStream &out, QTextStream &err);
int runLibraryShow(const LibraryShowOptions &options, QTextStream &out, QTextStream &err);
int runLibrarySearch(const LibrarySearchOptions &options, QTextStream &out, QTextStream &err);

} // namespace marginalia::cli

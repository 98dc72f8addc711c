#pragma once

#include <QString>
#include <QStringList>

class QTextStream;

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

int runLibraryAdd(const LibraryAddOptions &options, QTextStream &out, QTextStream &err, QTextStream &progress);
int runLibraryIndex(const LibraryIndexOptions &options, QTextStream &out, QTextStream &err, QTextStream &progress);
int runLibraryList(const LibraryListOptions &options, QTextStream &out, QTextStream &err);
int runLibraryStatus(const LibraryListOptions &options, QTextStream &out, QTextStream &err);
int runLibraryRemove(const LibraryRemoveOptions &options, QTextStream &out, QTextStream &err);
int runLibraryShow(const LibraryShowOptions &options, QTextStream &out, QTextStream &err);
int runLibrarySearch(const LibrarySearchOptions &options, QTextStream &out, QTextStream &err);

} // namespace marginalia::cli

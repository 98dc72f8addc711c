#pragma once

#include "store/annotationdatabase.h"

#include <QString>
#include <QStringList>

#include <memory>

class QTextStream;

namespace marginalia {
class AnnotationStore;
class Database;
} // namespace marginalia

namespace marginalia::cli {

// Every annotation command names its database: --db FILE, else MARGINALIA_DB, else the default file.
struct AnnotateOptions {
    QString database;
    QStringList files;
    QString documentId; // empty: the first document of the first file
    QString quote;
    int occurrence = 1; // 1-based
    QStringList tags;
    QString note;
    QString color;      // empty: the first tag's colour, else the default highlight
    QString library;    // the library index, where the annotated document's text is put for `search`
};

struct AnnotationsOptions {
    QString database;
    QStringList files;  // when given, positions are re-anchored against these documents
    QString document;   // a key ("frus1961-63v09/d317") or, with files, a document id ("d317")
    QString tag;
    bool json = false;
};

struct AnnotationSearchOptions {
    QString database;
    QString query;
    bool json = false;
    QString library;    // the library index: the annotated documents' text (none when it does not exist)
};

struct TagsOptions {
    QString database;
    bool json = false;
};

struct ExportAnnotationsOptions {
    QString database;
    QString format = QStringLiteral("w3c"); // a name of annotationExportFormats() (export/annotationexport.h)
    QString tag;
    QString document;      // a document key
    QString output;        // empty: standard output
    QStringList files;     // documents to cite from (pages) in Markdown
    QString citationStyle; // Markdown: each document's full citation in this style (citationStyleNames()), or none
};

struct ImportAnnotationsOptions {
    QString database;
    QString file;
};

// Each prints its result to `out`, problems to `err`, and returns an ExitCode. Nothing is written to
// the database unless the command says so; what a command reports written is durable.
int runAnnotate(const AnnotateOptions &options, QTextStream &out, QTextStream &err);
int runAnnotations(const AnnotationsOptions &options, QTextStream &out, QTextStream &err);
int runAnnotationSearch(const AnnotationSearchOptions &options, QTextStream &out, QTextStream &err);
int runTags(const TagsOptions &options, QTextStream &out, QTextStream &err);
int runExportAnnotations(const ExportAnnotationsOptions &options, QTextStream &out, QTextStream &err);
int runImportAnnotations(const ImportAnnotationsOptions &options, QTextStream &out, QTextStream &err);

// The database and its store, open for one command.
using OpenStore = AnnotationDatabase;

// Reading commands never create the database nor write to it; writing ones create it when missing.
using StoreAccess = DatabaseAccess;

// Opens the database at `path` (AnnotationDatabase::open); on failure prints why to `err` and returns an
// empty OpenStore.
OpenStore openStore(const QString &path, QTextStream &err, StoreAccess access = StoreAccess::Read);

} // namespace marginalia::cli

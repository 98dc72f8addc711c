#pragma once

#include "util/result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace marginalia {

class Database;

// One step of a schema: the statements that take a database from version - 1 to `version`.
struct Migration {
    int version = 0;
    QStringList statements;
};

// What a Database holds and how it is recognised, so that one Database class serves every SQLite file
// of the project (the annotations now, the catalog next): Database::open refuses a file with another
// application id, or with a newer version than the last migration, and runs the missing migrations.
struct DatabaseSchema {
    // PRAGMA application_id of the files: another program's SQLite file is never taken for an empty one.
    int applicationId = 0;
    // The kind of file in messages, translated: "annotation database" ("FILE: no such annotation database").
    QString name;
    // In order. Append only: a migration that shipped is never edited, since files out there already ran it.
    std::vector<Migration> migrations;
    // The oldest version this code reads as it is, without its migrations (0: the current one only). A
    // read-only file of such a version opens for reading: a backup on a DVD, or a file the user may not
    // write, stays readable when a later migration only took something away that the reader no longer uses.
    int readableFrom = 0;
    // Whether open() reads the whole file through PRAGMA quick_check before trusting it. Right for the
    // annotations, which are precious and small; wrong for the library index, derived and gigabytes
    // large, where it would cost seconds at every start: damage there shows as an error when a page is
    // read, and the index is then made again.
    bool checkOnOpen = true;
    // Bytes of the file SQLite reads through a memory map (PRAGMA mmap_size; 0: none). For the library
    // index: a search reads a term's whole doclist, and mapped pages cost no copy into SQLite's cache
    // (a common word over the series: 51 ms read, 12 ms mapped). Safe only for a file nothing truncates
    // while it is open: the index is only ever appended to, or deleted and made anew.
    qint64 mmapBytes = 0;
    // The page size of a file this code creates (0: SQLite's 4096); a file that exists keeps its own.
    int pageSize = 0;
    // Run on each connection as soon as it is open, before a migration or a read uses the file: what
    // SQLite must know before it first reads a table (the library index's tokenizer, ftstokens.h).
    Result<void> (*onConnect)(const Database &) = nullptr;

    int currentVersion() const { return migrations.empty() ? 0 : migrations.back().version; }
    int oldestReadable() const { return readableFrom > 0 ? readableFrom : currentVersion(); }
};

} // namespace marginalia

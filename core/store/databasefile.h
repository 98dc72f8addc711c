#pragma once

#include "databaseschema.h"
#include "util/result.h"

#include <QString>

namespace marginalia {

// What Database::open learns about the file before SQLite touches it: whether it exists, may be written
// (the file, and the folder, where SQLite keeps its -wal and -shm files), and what its 100-byte SQLite
// header says. Nothing here creates or changes a file, except that `mayCreate` lets the folder be made.
struct DatabaseFile {
    QString path;
    bool exists = false;
    qint64 size = 0;
    bool fileWritable = true;
    bool folderWritable = true;
    bool walExists = false; // a -wal beside it: a connection is open, or one did not close cleanly
    bool sqliteHeader = false;
    quint32 userVersion = 0;
    quint32 applicationId = 0;

    // Nobody can change the file: it or its folder is unwritable, and no WAL holds newer pages.
    bool isFrozen() const { return !walExists && (!fileWritable || !folderWritable); }
};

// Inspects `path`: refuses what is not a regular file, and a missing file unless `mayCreate` (then its
// folder is created). Errors name the file.
Result<DatabaseFile> inspectDatabaseFile(const DatabaseSchema &schema, const QString &path, bool mayCreate);

// Refuses, from the header alone, a file that is not SQLite or one from a newer Marginalia, so SQLite
// never opens it. Without a -wal the header is the truth; with one, user_version may be newer there and
// the SQL checks decide.
Result<void> checkDatabaseHeader(const DatabaseSchema &schema, const DatabaseFile &file);

// The words for "not ours" and "newer", shared with the SQL checks.
Error notOfSchema(const DatabaseSchema &schema, const QString &path, const QString &why);
Error newerSchema(const DatabaseSchema &schema, const QString &path, int version);

// True when the file system holding `path` has (next to) no space left: an I/O error there is a full disk.
bool diskIsFull(const QString &path);

} // namespace marginalia

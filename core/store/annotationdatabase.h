#pragma once

#include "util/result.h"

#include <QString>

#include <memory>

namespace marginalia {

class AnnotationStore;
class Database;

// Reading never creates the database nor writes to it; writing creates it when missing.
enum class DatabaseAccess { Read, Write };

// The annotation database open with its store: the one way the window, a background job and the CLI
// open it, so the two are never paired by hand. The store refers to the database, so it is declared
// after it (destroyed first); moving the pair keeps both objects where they are.
struct AnnotationDatabase {
    std::unique_ptr<Database> database;
    std::unique_ptr<AnnotationStore> store;

    AnnotationDatabase();
    AnnotationDatabase(AnnotationDatabase &&) noexcept;
    AnnotationDatabase &operator=(AnnotationDatabase &&) noexcept;
    ~AnnotationDatabase();

    // Opens the database at `path`, failing with the reason. For writing it is created when missing. For
    // reading a missing file is an error ("FILE: no such annotation database"), except the app's own
    // default database before anything was ever saved (and MARGINALIA_DB unset): that reads as empty, and
    // is still not created.
    static Result<AnnotationDatabase> open(const QString &path, DatabaseAccess access = DatabaseAccess::Write);
};

} // namespace marginalia

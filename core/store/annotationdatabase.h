#pragma once

#include "util/result.h"

#include <QString>

#include <memory>

namespace marginalia {

class AnnotationStore;
class Database;

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

    // Opens (or creates) the database at `path`, failing with Database::open()'s message.
    static Result<AnnotationDatabase> open(const QString &path);
};

} // namespace marginalia

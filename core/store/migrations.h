#pragma once

#include "util/result.h"

#include <QStringList>

#include <span>

namespace marginalia {

class Database;

// One step of the schema: the statements that take a database from version - 1 to `version`.
struct Migration {
    int version = 0;
    QStringList statements;
};

// Every migration, in order; the last one's version is Database::currentSchemaVersion(). Append only:
// a migration that shipped is never edited, since databases out there already ran it.
std::span<const Migration> migrations();

// Marks a database as Marginalia's (PRAGMA application_id), so that another program's SQLite file is
// never mistaken for an empty annotation database and given our tables.
constexpr int ApplicationId = 0x4d52474e; // "MRGN"

// Brings the schema up to the current version, each migration in its own transaction that also sets
// PRAGMA user_version. Safe when another process migrates at the same time: each step re-reads the
// version once it holds the write lock.
Result<void> migrate(Database &db);

} // namespace marginalia

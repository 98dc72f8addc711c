#pragma once

#include "util/result.h"

namespace marginalia {

class Database;

// Brings the database up to its schema's current version (DatabaseSchema::migrations), each migration in
// its own transaction that also sets PRAGMA user_version. Safe when another process migrates at the same
// time: each step re-reads the version once it holds the write lock.
Result<void> migrate(Database &db);

} // namespace marginalia

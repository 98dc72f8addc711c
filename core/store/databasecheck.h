#pragma once

#include "util/result.h"

#include <QString>

namespace marginalia {

class Database;

// SQLite's full PRAGMA integrity_check: "ok", or its findings one per line. Reads only; slow on a big
// database (it reads every page), so for tests, diagnostics and a "check database" command.
Result<QString> integrityCheck(const Database &db);

// The error for a file of `db` that is damaged, with SQLite's finding: what to do comes with it.
Error damagedError(const Database &db, const QString &finding);
// SQLite's quick_check (every page read, the structure checked): fails with damagedError() on a finding.
Result<void> quickCheck(const Database &db);
// Every index and trigger belongs to a table or view of the file; fails with damagedError() if not.
Result<void> schemaCheck(const Database &db);

// Whether the file has a table of that name: what an older schema, read as it is, lacks.
Result<bool> tableExists(const Database &db, const QString &table);

} // namespace marginalia

#pragma once

#include "util/result.h"

#include <QString>

namespace marginalia {

class Database;

// SQLite's full PRAGMA integrity_check: "ok", or its findings one per line. Reads only; slow on a big
// database (it reads every page), so for tests, diagnostics and a "check database" command.
Result<QString> integrityCheck(const Database &db);

} // namespace marginalia

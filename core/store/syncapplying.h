#pragma once

#include "database.h"
#include "statement.h"
#include "util/result.h"

namespace marginalia {

// Runs `work` in one transaction that holds sync_state's 'applying' row, so the change triggers of
// annotation schemas 3 and 5 do not list what a sync writes as changes of its own.
template <typename F>
Result<void> applyingSync(Database &db, F &&work)
{
    return db.transaction([&]() -> Result<void> {
        if (auto on = Statement::run(db, QStringLiteral("INSERT INTO sync_state (key, value) VALUES ('applying', '1')"));
            !on)
            return on;
        if (auto done = work(); !done)
            return done;
        return Statement::run(db, QStringLiteral("DELETE FROM sync_state WHERE key = 'applying'"));
    });
}

} // namespace marginalia

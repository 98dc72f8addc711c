#include "migrations.h"

#include "database.h"
#include "databasecheck.h"
#include "statement.h"

namespace marginalia {

namespace {

Result<int> schemaVersion(Database &db)
{
    Result<QVariant> version = Statement::scalar(db, QStringLiteral("PRAGMA user_version"));
    if (!version)
        return fail(version.error());
    return version->toInt();
}

Result<void> apply(Database &db, const Migration &migration)
{
    return db.transaction([&]() -> Result<void> {
        Result<int> version = schemaVersion(db);
        if (!version)
            return fail(version.error());
        if (*version >= migration.version)
            return {}; // another process got here first
        for (const QString &sql : migration.statements) {
            if (auto done = Statement::run(db, sql); !done)
                return done;
        }
        // Damage a file hid (a page referenced twice, an index of no table) can surface only once a
        // migration frees or drops what it touches, and the file would then no longer open: checked here,
        // inside the transaction, so that such a file is rolled back and refused as it was.
        if (db.schema().checkOnOpen) {
            if (auto checked = quickCheck(db); !checked)
                return checked;
            if (auto checked = schemaCheck(db); !checked)
                return checked;
        }
        return Statement::run(db,
                              QStringLiteral("PRAGMA user_version = %1").arg(migration.version));
    });
}

} // namespace

Result<void> migrate(Database &db)
{
    Result<int> version = schemaVersion(db);
    if (!version)
        return fail(version.error());
    for (const Migration &migration : db.schema().migrations) {
        if (migration.version <= *version)
            continue;
        if (auto done = apply(db, migration); !done)
            return done;
    }
    return {};
}

} // namespace marginalia

#include "migrations.h"

#include "database.h"
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

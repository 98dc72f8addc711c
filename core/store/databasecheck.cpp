#include "databasecheck.h"

#include "database.h"
#include "statement.h"
#include "util/translate.h"

#include <QStringList>

namespace marginalia {

Result<QString> integrityCheck(const Database &db)
{
    Statement check(db, QStringLiteral("PRAGMA integrity_check"));
    if (auto done = check.exec(); !done)
        return fail(done.error());
    QStringList findings;
    while (check.next())
        findings << check.text(0);
    return findings.join(QLatin1Char('\n'));
}

Error damagedError(const Database &db, const QString &finding)
{
    return Error{db.path(), 0, 0, Tr::tr("the %1 is damaged (%2); restore it from a backup, or move it "
                                         "aside to start a new one").arg(db.schema().name, finding)};
}

// SQLite's quick_check: the whole file read and its structure checked. Each failure says its cause:
// damaged, disk full, I/O error, or a lock held for longer than the busy timeout.
Result<void> quickCheck(const Database &db)
{
    Statement quick(db, QStringLiteral("PRAGMA quick_check"));
    if (auto done = quick.exec(); !done)
        return fail(done.error());
    if (!quick.next())
        return fail(damagedError(db, Tr::tr("quick_check gave no answer")));
    if (quick.text(0) != QStringLiteral("ok")) {
        // The findings, one a line (in one row or several): the first three, on one line.
        QString text = quick.text(0);
        while (quick.next())
            text += QLatin1Char('\n') + quick.text(0);
        QStringList findings = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        findings.removeAll(QStringLiteral("*** in database main ***"));
        return fail(damagedError(db, QStringLiteral("quick_check: ") + findings.mid(0, 3).join(QStringLiteral("; "))));
    }
    return {};
}

// Every index and trigger belongs to a table of the file. SQLite reads a schema whose index names a
// table that is not there (a damaged tbl_name) without complaint, but once a migration drops the table the
// index was made for, the file no longer opens at all ("orphan index"): such a file is damaged, and must be
// refused before anything writes to it. Found by fuzz_database on a version-1 file.
Result<void> schemaCheck(const Database &db)
{
    Statement orphans(db, QStringLiteral("SELECT name, tbl_name FROM sqlite_schema WHERE type IN ('index', 'trigger')"
                                         " AND tbl_name NOT IN (SELECT name FROM sqlite_schema WHERE type IN ('table', 'view'))"));
    if (auto done = orphans.exec(); !done)
        return done;
    if (orphans.next())
        return fail(damagedError(db, Tr::tr("%1 belongs to \"%2\", which is not there").arg(orphans.text(0), orphans.text(1))));
    return {};
}

Result<bool> tableExists(const Database &db, const QString &table)
{
    Result<QVariant> found = Statement::scalar(
        db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?"), {table});
    if (!found)
        return fail(found.error());
    return found->toInt() > 0;
}

} // namespace marginalia

#include "databasecheck.h"

#include "database.h"
#include "statement.h"

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

} // namespace marginalia

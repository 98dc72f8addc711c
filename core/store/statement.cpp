#include "statement.h"

#include "database.h"
#include "databasefile.h"
#include "statementcache.h"
#include "util/translate.h"

#include <QCoreApplication>
#include <QSqlError>

namespace marginalia {

namespace {

QString explain(int code, const QString &name, const QString &sqliteText)
{
    switch (code & 0xff) {
    case SqliteBusy:
    case SqliteLocked:
        return Tr::tr(
            "the %1 is busy: another Marginalia process kept it locked for more "
            "than 10 seconds; try again (%2)").arg(name, sqliteText);
    case SqliteReadOnly:
        return Tr::tr("the %1 is read-only (%2)").arg(name, sqliteText);
    case SqliteFull:
        return Tr::tr("the disk is full; free some space and try again (%1)")
            .arg(sqliteText);
    case SqliteIoErr:
        return Tr::tr("could not read or write the file (%1)").arg(sqliteText);
    case SqliteCorrupt:
    case SqliteNotADb:
        return Tr::tr("the %1 is damaged (%2); restore it from a "
                      "backup, or move it aside to start a new one").arg(name, sqliteText);
    case SqliteCantOpen:
        return Tr::tr("cannot open the %1 (%2)").arg(name, sqliteText);
    default:
        return Tr::tr("database error: %1").arg(sqliteText);
    }
}

} // namespace

int sqliteCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? code : -1;
}

Error sqlError(const Database &db, const QSqlError &error)
{
    const QString &databasePath = db.path();
    QString text = error.databaseText();
    if (text.isEmpty())
        text = error.driverText();
    int code = sqliteCode(error);
    // A full disk often reaches SQLite as an I/O error, or as a -shm file it cannot create.
    if (((code & 0xff) == SqliteIoErr || (code & 0xff) == SqliteCantOpen) && diskIsFull(databasePath))
        code = SqliteFull;
    return Error{databasePath, 0, 0, explain(code, db.schema().name, text)};
}

Statement::Statement(const Database &db, const QString &sql) : m_db(db), m_lent(db.statements().lend(sql))
{
    if (m_lent) {
        m_prepared = true;
        return;
    }
    m_query = QSqlQuery(db.connection());
    m_query.setForwardOnly(true);
    m_prepared = m_query.prepare(sql);
}

Statement::~Statement()
{
    if (m_lent)
        m_db.statements().giveBack(m_lent);
}

QSqlQuery &Statement::query()
{
    return m_lent ? m_lent->query : m_query;
}

const QSqlQuery &Statement::query() const
{
    return m_lent ? m_lent->query : m_query;
}

bool Statement::next()
{
    return query().next();
}

QVariant Statement::value(int column) const
{
    return query().value(column);
}

QString Statement::text(int column) const
{
    return query().value(column).toString();
}

int Statement::integer(int column) const
{
    return query().value(column).toInt();
}

qint64 Statement::lastInsertId() const
{
    return query().lastInsertId().toLongLong();
}

int Statement::rowsAffected() const
{
    return query().numRowsAffected();
}

Statement &Statement::bind(const QVariant &value)
{
    query().bindValue(m_bound++, value);
    return *this;
}

QVariant Statement::notNull(const QString &text)
{
    return text.isNull() ? QVariant(QString::fromLatin1("")) : QVariant(text);
}

int Statement::errorCode() const
{
    return sqliteCode(query().lastError());
}

Result<void> Statement::exec()
{
    if (!m_prepared || !query().exec())
        return fail(sqlError(m_db, query().lastError()));
    return {};
}

Result<void> Statement::exec(const QVariantList &values)
{
    m_bound = 0;
    for (const QVariant &value : values)
        bind(value);
    return exec();
}

Result<QVariant> Statement::scalar(const Database &db, const QString &sql, const QVariantList &values)
{
    Statement statement(db, sql);
    for (const QVariant &value : values)
        statement.bind(value);
    if (auto done = statement.exec(); !done)
        return fail(done.error());
    return statement.next() ? statement.value(0) : QVariant();
}

Result<void> Statement::run(const Database &db, const QString &sql, const QVariantList &values)
{
    Statement statement(db, sql);
    for (const QVariant &value : values)
        statement.bind(value);
    return statement.exec();
}

} // namespace marginalia

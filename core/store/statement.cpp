#include "statement.h"

#include <QCoreApplication>
#include <QSqlError>

namespace marginalia {

namespace {

// SQLite primary result codes we explain (the low byte of an extended code).
constexpr int SqliteLocked = 6;
constexpr int SqliteReadOnly = 8;
constexpr int SqliteIoErr = 10;
constexpr int SqliteCorrupt = 11;
constexpr int SqliteFull = 13;
constexpr int SqliteNotADb = 26;

QString explain(int code, const QString &sqliteText)
{
    switch (code & 0xff) {
    case SqliteBusy:
    case SqliteLocked:
        return QCoreApplication::translate("marginalia",
                   "the annotation database is busy: another Marginalia process kept it locked for more "
                   "than 10 seconds; try again (%1)").arg(sqliteText);
    case SqliteReadOnly:
        return QCoreApplication::translate("marginalia", "the annotation database is read-only (%1)").arg(sqliteText);
    case SqliteFull:
        return QCoreApplication::translate("marginalia", "the disk is full; free some space and try again (%1)")
            .arg(sqliteText);
    case SqliteIoErr:
        return QCoreApplication::translate("marginalia", "could not read or write the file (%1)").arg(sqliteText);
    case SqliteCorrupt:
    case SqliteNotADb:
        return QCoreApplication::translate("marginalia", "the annotation database is damaged (%1)").arg(sqliteText);
    default:
        return QCoreApplication::translate("marginalia", "database error: %1").arg(sqliteText);
    }
}

} // namespace

int sqliteCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? code : -1;
}

Error sqlError(const QString &databasePath, const QSqlError &error)
{
    QString text = error.databaseText();
    if (text.isEmpty())
        text = error.driverText();
    return Error{databasePath, 0, 0, explain(sqliteCode(error), text)};
}

Statement::Statement(const QSqlDatabase &connection, const QString &databasePath, const QString &sql)
    : m_query(connection), m_path(databasePath)
{
    m_query.setForwardOnly(true);
    m_prepared = m_query.prepare(sql);
}

Statement &Statement::bind(const QVariant &value)
{
    m_query.bindValue(m_bound++, value);
    return *this;
}

int Statement::errorCode() const
{
    return sqliteCode(m_query.lastError());
}

Result<bool> Statement::exec()
{
    if (!m_prepared || !m_query.exec())
        return fail(sqlError(m_path, m_query.lastError()));
    return true;
}

Result<bool> Statement::exec(const QVariantList &values)
{
    m_bound = 0;
    for (const QVariant &value : values)
        bind(value);
    return exec();
}

Result<QVariant> Statement::scalar(const QSqlDatabase &connection, const QString &databasePath,
                                   const QString &sql, const QVariantList &values)
{
    Statement statement(connection, databasePath, sql);
    for (const QVariant &value : values)
        statement.bind(value);
    if (auto done = statement.exec(); !done)
        return fail(done.error());
    return statement.next() ? statement.value(0) : QVariant();
}

Result<bool> Statement::run(const QSqlDatabase &connection, const QString &databasePath, const QString &sql,
                            const QVariantList &values)
{
    Statement statement(connection, databasePath, sql);
    for (const QVariant &value : values)
        statement.bind(value);
    return statement.exec();
}

} // namespace marginalia

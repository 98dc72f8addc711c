#include "statement.h"

#include "database.h"
#include "databasefile.h"

#include <QCoreApplication>
#include <QSqlError>

namespace marginalia {

namespace {

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
        return QCoreApplication::translate("marginalia", "the annotation database is damaged (%1); restore it from a "
                                                         "backup, or move it aside to start a new one").arg(sqliteText);
    case SqliteCantOpen:
        return QCoreApplication::translate("marginalia", "cannot open the annotation database (%1)").arg(sqliteText);
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
    int code = sqliteCode(error);
    // A full disk often reaches SQLite as an I/O error, or as a -shm file it cannot create.
    if (((code & 0xff) == SqliteIoErr || (code & 0xff) == SqliteCantOpen) && diskIsFull(databasePath))
        code = SqliteFull;
    return Error{databasePath, 0, 0, explain(code, text)};
}

Statement::Statement(const Database &db, const QString &sql) : m_query(db.connection()), m_path(db.path())
{
    m_query.setForwardOnly(true);
    m_prepared = m_query.prepare(sql);
}

Statement &Statement::bind(const QVariant &value)
{
    m_query.bindValue(m_bound++, value);
    return *this;
}

QVariant Statement::notNull(const QString &text)
{
    return text.isNull() ? QVariant(QString::fromLatin1("")) : QVariant(text);
}

int Statement::errorCode() const
{
    return sqliteCode(m_query.lastError());
}

Result<void> Statement::exec()
{
    if (!m_prepared || !m_query.exec())
        return fail(sqlError(m_path, m_query.lastError()));
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

#include "nativestatement.h"

#include "database.h"
#include "statement.h"
#include "statementcache.h"
#include "util/translate.h"

#include <QCoreApplication>
#include <QSqlError>

#include <sqlite3.h>

#include <utility>

namespace marginalia {

sqlite3 *nativeConnection(const Database &db)
{
    return db.statements().nativeConnection();
}

NativeStatement::NativeStatement(const Database &db, const char *sql) : m_db(db), m_connection(nativeConnection(db))
{
    if (!m_connection) {
        m_prepareCode = SQLITE_MISUSE;
        return;
    }
    m_statement = db.statements().lendNative(m_connection, sql);
    m_lent = m_statement != nullptr;
    if (!m_lent)
        m_prepareCode = sqlite3_prepare_v2(m_connection, sql, -1, &m_statement, nullptr);
}

NativeStatement::~NativeStatement()
{
    if (m_lent)
        m_db.statements().giveBackNative(m_statement);
    else
        sqlite3_finalize(m_statement);
}

NativeStatement &NativeStatement::bind(int position, const QString &text)
{
    if (text.isNull())
        return bindNull(position);
    // UTF-16 as Qt's driver binds it, so that both write the same bytes for any text. SQLite keeps the
    // pointer (no copy): the text is held here until it is bound again or the statement is given back.
    const std::size_t slot = std::size_t(position > 0 ? position - 1 : 0);
    if (m_texts.size() <= slot)
        m_texts.resize(slot + 1);
    m_texts[slot] = text;
    return bound(sqlite3_bind_text64(m_statement, position, reinterpret_cast<const char *>(m_texts[slot].utf16()),
                                     sqlite3_uint64(text.size()) * sizeof(char16_t), SQLITE_STATIC, SQLITE_UTF16));
}

NativeStatement &NativeStatement::bindText(int position, const QString &text)
{
    return bind(position, text.isNull() ? QString::fromLatin1("") : text);
}

NativeStatement &NativeStatement::bind(int position, qint64 value)
{
    return bound(sqlite3_bind_int64(m_statement, position, value));
}

NativeStatement &NativeStatement::bind(int position, const QByteArray &blob)
{
    if (blob.isNull())
        return bindNull(position);
    const std::size_t slot = std::size_t(position > 0 ? position - 1 : 0);
    if (m_blobs.size() <= slot)
        m_blobs.resize(slot + 1);
    m_blobs[slot] = blob;
    return bound(sqlite3_bind_blob64(m_statement, position, m_blobs[slot].constData(), sqlite3_uint64(blob.size()),
                                     SQLITE_STATIC));
}

NativeStatement &NativeStatement::bindNull(int position)
{
    return bound(sqlite3_bind_null(m_statement, position));
}

NativeStatement &NativeStatement::bound(int code)
{
    if (code != SQLITE_OK && m_bindCode == SQLITE_OK)
        m_bindCode = code;
    return *this;
}

Result<void> NativeStatement::run()
{
    Result<bool> row = next();
    reset();
    if (!row)
        return fail(row.error());
    return {};
}

Result<bool> NativeStatement::next()
{
    if (!m_statement || m_prepareCode != SQLITE_OK)
        return fail(failure(m_prepareCode != SQLITE_OK ? m_prepareCode : SQLITE_MISUSE));
    if (m_bindCode != SQLITE_OK) {
        const int code = std::exchange(m_bindCode, SQLITE_OK);
        return fail(failure(code));
    }
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW)
        return true;
    if (code == SQLITE_DONE)
        return false;
    Error error = failure(code);
    sqlite3_reset(m_statement);
    return fail(std::move(error));
}

qint64 NativeStatement::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

void NativeStatement::reset()
{
    sqlite3_reset(m_statement);
}

int NativeStatement::changes() const
{
    return m_connection ? sqlite3_changes(m_connection) : 0;
}

qint64 NativeStatement::lastInsertRowid() const
{
    return m_connection ? sqlite3_last_insert_rowid(m_connection) : 0;
}

Error NativeStatement::failure(int code) const
{
    if (!m_connection)
        return Error{m_db.path(), 0, 0, Tr::tr("the %1 is not open through SQLite").arg(m_db.schema().name)};
    // A value that did not bind leaves the connection's message as it was: SQLite's words for the code then.
    const bool described = (sqlite3_errcode(m_connection) & 0xff) == (code & 0xff);
    const QString text = QString::fromUtf8(described ? sqlite3_errmsg(m_connection) : sqlite3_errstr(code));
    return sqlError(m_db, QSqlError(QString(), text, QSqlError::StatementError, QString::number(code)));
}

} // namespace marginalia

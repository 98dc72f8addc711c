#include "statementcache.h"

#include <QSqlDriver>

#include <sqlite3.h>

namespace marginalia {

StatementCache::Entry *StatementCache::lend(const QString &sql)
{
    auto found = m_entries.find(sql);
    if (found == m_entries.end()) {
        if (m_entries.size() >= Capacity)
            return nullptr;
        auto entry = std::make_unique<Entry>(Entry{QSqlQuery(m_connection), false});
        entry->query.setForwardOnly(true);
        if (!entry->query.prepare(sql))
            return nullptr;
        found = m_entries.emplace(sql, std::move(entry)).first;
    }
    Entry *entry = found->second.get();
    if (entry->lent)
        return nullptr;
    entry->lent = true;
    return entry;
}

void StatementCache::giveBack(Entry *entry)
{
    // finish() resets the SQLite statement: a SELECT not read to its end would otherwise keep its read
    // transaction (and the WAL snapshot) open.
    entry->query.finish();
    entry->lent = false;
}

sqlite3_stmt *StatementCache::lendNative(sqlite3 *connection, const char *sql)
{
    auto found = m_native.find(sql);
    if (found == m_native.end()) {
        if (m_native.size() >= Capacity)
            return nullptr;
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v3(connection, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK) {
            sqlite3_finalize(statement);
            return nullptr;
        }
        found = m_native.emplace(sql, NativeEntry{statement, false}).first;
    }
    NativeEntry &entry = found->second;
    if (entry.lent)
        return nullptr;
    entry.lent = true;
    m_nativeLent[entry.statement] = &entry;
    return entry.statement;
}

void StatementCache::giveBackNative(sqlite3_stmt *statement)
{
    auto found = m_nativeLent.find(statement);
    if (found == m_nativeLent.end())
        return;
    // As finish() above: no read stays open; and no value bound for one row is left for the next user.
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    found->second->lent = false;
    m_nativeLent.erase(found);
}

sqlite3 *StatementCache::nativeConnection()
{
    if (!m_nativeConnection) {
        const QVariant handle = m_connection.driver() ? m_connection.driver()->handle() : QVariant();
        if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
            m_nativeConnection = *static_cast<sqlite3 *const *>(handle.constData());
    }
    return m_nativeConnection;
}

void StatementCache::clear()
{
    m_nativeConnection = nullptr; // the connection is about to close, or to open another file

    m_entries.clear();
    for (auto &[sql, entry] : m_native)
        sqlite3_finalize(entry.statement);
    m_native.clear();
    m_nativeLent.clear();
}

} // namespace marginalia

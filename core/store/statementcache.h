#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>
#include <string>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace marginalia {

// The prepared statements of one connection, kept for the next Statement of the same SQL: a sync that
// writes 100,000 pulled annotations runs the same dozen statements for each, and preparing them again
// every time was most of its cost. A statement is lent to one Statement at a time (a second one of the
// same SQL while the first lives gets a statement of its own) and reset when given back, so no read
// stays open. Bounded: SQL built from user input (search expressions) is prepared as before once full.
struct CachedStatement {
    QSqlQuery query;
    bool lent = false;
};

class StatementCache {
public:
    using Entry = CachedStatement;

    explicit StatementCache(QSqlDatabase connection) : m_connection(std::move(connection)) {}
    ~StatementCache() { clear(); }
    StatementCache(const StatementCache &) = delete;
    StatementCache &operator=(const StatementCache &) = delete;

    // A prepared statement of `sql` to use until giveBack(), or nullptr when none can be lent (the cache
    // is full, the statement is lent already, or it does not prepare: the caller prepares its own and
    // reports the failure).
    Entry *lend(const QString &sql);
    void giveBack(Entry *entry);
    // The same for NativeStatement: a statement of `sql` prepared through SQLite's C API on `connection`
    // (the one under m_connection), nullptr when none can be lent.
    sqlite3_stmt *lendNative(sqlite3 *connection, const char *sql);
    // SQLite's own connection under m_connection (nullptr when not SQLite), asked of the driver once.
    sqlite3 *nativeConnection();
    void giveBackNative(sqlite3_stmt *statement);
    // Drops every statement (before the connection closes).
    void clear();

    static constexpr std::size_t Capacity = 256;

private:
    QSqlDatabase m_connection;
    std::unordered_map<QString, std::unique_ptr<Entry>> m_entries;
    struct NativeEntry {
        sqlite3_stmt *statement = nullptr;
        bool lent = false;
    };
    std::unordered_map<std::string, NativeEntry> m_native;
    std::unordered_map<sqlite3_stmt *, NativeEntry *> m_nativeLent;
    sqlite3 *m_nativeConnection = nullptr;
};

} // namespace marginalia

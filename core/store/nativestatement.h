#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>

#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace marginalia {

class Database;

// SQLite's own connection under the Database's Qt connection (the driver's handle), nullptr when it is
// not open through SQLite.
sqlite3 *nativeConnection(const Database &db);

// A prepared statement through SQLite's C API, for the statements run once per row of a large batch (a
// first sync's 100,000 pulled annotations): Qt's bindValue() formats a placeholder name and looks it up
// in a hash for every value bound, and that cost more than SQLite's own work. The statement is lent by
// the connection's StatementCache and given back reset. Values bind by position from 1; a null QString
// binds NULL, as Statement binds it (bindText() binds '' for a NOT NULL column). Every failure becomes
// the Error Statement gives (sqlError), naming the database file.
class NativeStatement {
public:
    NativeStatement(const Database &db, const char *sql);
    ~NativeStatement();
    NativeStatement(const NativeStatement &) = delete;
    NativeStatement &operator=(const NativeStatement &) = delete;

    NativeStatement &bind(int position, const QString &text);
    NativeStatement &bindText(int position, const QString &text);
    NativeStatement &bind(int position, qint64 value);
    // A blob; a null QByteArray binds NULL.
    NativeStatement &bind(int position, const QByteArray &blob);
    NativeStatement &bindNull(int position);

    // Runs a statement that returns no rows, then resets it for the next values.
    Result<void> run();
    // Steps to the next row: true with a row to read, false at the end.
    Result<bool> next();
    qint64 integer(int column) const;
    // Resets after reading, keeping the bound values.
    void reset();

    // Rows the last run() wrote (sqlite3_changes), and the rowid an INSERT's run() gave its row.
    int changes() const;
    qint64 lastInsertRowid() const;

private:
    Error failure(int code) const;
    // Keeps the first code of a value that did not bind, for the next step to report.
    NativeStatement &bound(int code);

    const Database &m_db;
    sqlite3 *m_connection = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    bool m_lent = false;
    int m_prepareCode = 0;
    int m_bindCode = 0; // a value that did not bind, reported by the next step
    std::vector<QString> m_texts; // the texts bound, by position - 1, while SQLite points into them
    std::vector<QByteArray> m_blobs; // the same for blobs
};

} // namespace marginalia

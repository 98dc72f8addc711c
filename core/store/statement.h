#pragma once

#include "util/result.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace marginalia {

class Database;
struct CachedStatement;

// One prepared statement on a Database's connection, forward-only, values bound by position. Every
// failure becomes an Error naming the database file, so callers only pass results on.
//
// Null strings: a null QString binds SQL NULL, as Qt binds it, so the nullable text columns keep NULL
// for "none" as they always have (a NULL reads back as an empty QString through text()). A NOT NULL text
// column is bound with bindText(), or its value wrapped in Statement::notNull() in a value list: a null
// QString then binds '' and never fails the constraint, and reads back as an empty QString.
class Statement {
public:
    // Takes a statement of the same SQL prepared before on the connection when one is free (StatementCache).
    Statement(const Database &db, const QString &sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool isPrepared() const { return m_prepared; }
    Statement &bind(const QVariant &value);
    // For a NOT NULL text column: a null QString binds ''.
    Statement &bindText(const QString &text) { return bind(notNull(text)); }
    static QVariant notNull(const QString &text);
    Result<void> exec();
    // Binds `values` from the first placeholder on and runs again: a statement prepared once for a loop.
    Result<void> exec(const QVariantList &values);
    bool next();
    QVariant value(int column) const;
    QString text(int column) const;
    int integer(int column) const;
    qint64 lastInsertId() const;
    int rowsAffected() const;
    // The SQLite result code of the last failure (see sqliteCode).
    int errorCode() const;

    // Prepares, binds, runs and returns the first column of the first row (a null QVariant for no row).
    static Result<QVariant> scalar(const Database &db, const QString &sql, const QVariantList &values = {});
    // Prepares, binds and runs a statement that returns no rows.
    static Result<void> run(const Database &db, const QString &sql, const QVariantList &values = {});

private:
    QSqlQuery &query();
    const QSqlQuery &query() const;

    const Database &m_db;
    CachedStatement *m_lent = nullptr; // the connection's statement of this SQL, when it was free
    QSqlQuery m_query;                 // else one of its own
    bool m_prepared = false;
    int m_bound = 0;
};


// The SQLite result code behind a Qt SQL error (SQLITE_BUSY is 5), -1 when unknown.
int sqliteCode(const QSqlError &error);
// SQLite primary result codes we explain (the low byte of an extended code).
constexpr int SqliteBusy = 5;
constexpr int SqliteLocked = 6;
constexpr int SqliteReadOnly = 8;
constexpr int SqliteIoErr = 10;
constexpr int SqliteCorrupt = 11;
constexpr int SqliteCantOpen = 14;
constexpr int SqliteFull = 13;
constexpr int SqliteNotADb = 26;
// An Error for a failed SQL call on `db`, naming its file, in words a user can act on where the cause is
// known (locked, full disk…).
Error sqlError(const Database &db, const QSqlError &error);

} // namespace marginalia

#pragma once

#include "databaseschema.h"
#include "util/result.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace marginalia {

class StatementCache;

// One connection to a database of the project (the annotation database is annotationSchema()): a SQLite
// file in WAL mode with foreign keys on, a busy timeout so that several processes can share it, and the
// DatabaseSchema it was opened with brought up to date by its ordered migrations (PRAGMA user_version). A file it cannot trust (not SQLite, another program's, damaged, from a newer
// Marginalia) is never written to: open() fails with a message naming the file and the cause (damaged,
// disk full, I/O error…). A file that cannot be written opens read-only; nothing is left beside a file
// that was refused or only read (databasefile.h, openAndCheck in database.cpp).
class Database {
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Creates the file (and its folder) when missing. Use from the thread that opened it only.
    static Result<std::unique_ptr<Database>> open(const DatabaseSchema &schema, const QString &path);
    // For commands that only read: never creates the file or its folder ("FILE: no such annotation
    // database"), never writes, and leaves no -wal or -shm file behind. Always isReadOnly().
    static Result<std::unique_ptr<Database>> openForReading(const DatabaseSchema &schema, const QString &path);
    // An empty, read-only database in memory, named `path` in messages: what reading a database that
    // does not exist yet shows.
    static Result<std::unique_ptr<Database>> openEmpty(const DatabaseSchema &schema, const QString &path);
    // MARGINALIA_DB when set, else marginalia.sqlite in QStandardPaths::AppDataLocation.
    static QString defaultPath();

    const QString &path() const { return m_path; }
    const DatabaseSchema &schema() const { return m_schema; }
    bool isReadOnly() const { return m_readOnly; }
    // Why the database is read-only ("the file is not writable"), empty when it is not.
    const QString &readOnlyReason() const { return m_readOnlyReason; }

    // For the stores in core/store only.
    QSqlDatabase connection() const;
    // The connection's prepared statements, for Statement.
    StatementCache &statements() const { return *m_statements; }
    // Runs `work` in one transaction (BEGIN IMMEDIATE … COMMIT), rolling back when it fails.
    // `work` returns Result<void>; the transaction's result is its failure, or COMMIT's.
    template <typename F>
    Result<void> transaction(F &&work);

private:
    Database() = default;
    static std::unique_ptr<Database> create(const DatabaseSchema &schema, const QString &path);
    static Result<void> upgradeChecked(std::unique_ptr<Database> migrated, const DatabaseSchema &schema,
                                       const QByteArray &before);
    static Result<void> putBack(std::unique_ptr<Database> migrated, const DatabaseSchema &schema,
                                const QByteArray &before, const Error &why);
    Result<void> begin();
    Result<void> commit();
    void rollback();

    DatabaseSchema m_schema;
    QString m_path;
    QString m_connectionName;
    bool m_readOnly = false;
    QString m_readOnlyReason;
    std::unique_ptr<StatementCache> m_statements;
};

template <typename F>
Result<void> Database::transaction(F &&work)
{
    if (auto started = begin(); !started)
        return started;
    Result<void> done = work();
    if (!done) {
        rollback();
        return done;
    }
    return commit();
}

} // namespace marginalia

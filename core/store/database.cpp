#include "database.h"

#include "databasecheck.h"

#include "util/translate.h"

#include "databasefile.h"
#include "fileio/inputfile.h"
#include "migrations.h"
#include "statement.h"
#include "statementcache.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QStringList>
#include <QThread>
#include <QUrl>

namespace marginalia {

namespace {

Result<void> openConnection(const Database &db, const QString &options, const QString &name)
{
    QSqlDatabase connection = db.connection();
    db.statements().clear(); // prepared on the connection being closed
    connection.close();
    connection.setDatabaseName(name);
    connection.setConnectOptions(options);
    if (!connection.open())
        return fail(sqlError(db, connection.lastError()));
    if (db.schema().mmapBytes > 0) {
        // PRAGMA takes no bound values; the number is the schema's, not user input.
        Result<QVariant> mapped = Statement::scalar(db, QStringLiteral("PRAGMA mmap_size = %1").arg(db.schema().mmapBytes));
        if (!mapped)
            return fail(mapped.error());
    }
    if (db.schema().onConnect)
        return db.schema().onConnect(db);
    return {};
}

// PRAGMA and count(*) answers, read-only.
Result<QVariant> ask(const Database &db, const char *sql)
{
    return Statement::scalar(db, QString::fromLatin1(sql));
}


// What open() reads from a file before it may write to it.
struct Contents {
    int applicationId = 0;
    int version = 0;
    int objects = 0; // tables, indexes… in sqlite_schema
};

// quick_check when the schema asks for it, the schema's own consistency, then what the file is.
Result<Contents> readContents(const Database &db)
{
    if (db.schema().checkOnOpen) {
        if (auto checked = quickCheck(db); !checked)
            return fail(checked.error());
    }
    if (auto checked = schemaCheck(db); !checked)
        return fail(checked.error());
    // One statement, so one read transaction: read apart, the three could straddle another process's
    // first migration (application id still 0, tables already there) and a new file be taken for
    // another program's (CliAnnotations.FourAnnotateProcessesAtOnceAllSucceed, 1 run in ~150).
    Statement read(db, QStringLiteral("SELECT (SELECT application_id FROM pragma_application_id),"
                                      " (SELECT user_version FROM pragma_user_version),"
                                      " (SELECT count(*) FROM sqlite_schema)"));
    if (auto done = read.exec(); !done)
        return fail(done.error());
    if (!read.next())
        return fail(damagedError(db, Tr::tr("its header could not be read")));
    return Contents{read.value(0).toInt(), read.value(1).toInt(), read.value(2).toInt()};
}

Result<void> checkContents(const DatabaseSchema &schema, const Contents &contents, const QString &path,
                           const QString &readOnlyReason)
{
    const bool empty = contents.applicationId == 0 && contents.version == 0 && contents.objects == 0;
    if (!empty && contents.applicationId != schema.applicationId)
        return fail(notOfSchema(schema, path, Tr::tr("it is another program's SQLite database")));
    const int current = schema.currentVersion();
    if (contents.version > current)
        return fail(newerSchema(schema, path, contents.version));
    if (!readOnlyReason.isEmpty() && contents.version < schema.oldestReadable()) {
        const QString what = empty ? Tr::tr("is empty") : Tr::tr("needs upgrading to this version's schema");
        return fail(path, 0, 0, Tr::tr("%1, but it is read-only (%2)").arg(what, readOnlyReason));
    }
    return {};
}

QString uri(const QString &path, const char *query)
{
    return QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded) + QLatin1Char('?') + QLatin1String(query);
}

// Opens the file for checking, and for reading when it is not to be written, without leaving anything
// beside it. A reader of a WAL database needs the -wal and -shm files, and a read-only connection that
// creates them cannot delete them again. So:
// - a -wal is there (another connection is open): read-only, using the files that are there;
// - nobody can change the file (it or its folder is unwritable): immutable, the main file alone, which
//   then holds every commit, and SQLite creates nothing;
// - else: read-write but query_only, so that SQLite's own locking protects the reading and the last
//   connection to close deletes the -wal and -shm it made, as after any session.
Result<void> openForChecking(const Database &db, const DatabaseFile &file)
{
    const QString readOnly = QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=10000");
    if (file.walExists)
        return openConnection(db, readOnly, uri(file.path, "mode=ro"));
    if (file.isFrozen())
        return openConnection(db, readOnly, uri(file.path, "mode=ro&immutable=1"));
    const QString readWrite = QStringLiteral("QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=10000");
    if (auto opened = openConnection(db, readWrite, uri(file.path, "mode=rw")); !opened)
        return opened;
    if (auto done = ask(db, "PRAGMA query_only = ON"); !done)
        return fail(done.error());
    return {};
}

// Opens the file without writing and checks it before anything may write to it.
Result<void> openAndCheck(const Database &db, const DatabaseFile &file, const QString &readOnlyReason)
{
    if (auto header = checkDatabaseHeader(db.schema(), file); !header)
        return header;
    Result<Contents> contents = Contents{};
    if (auto opened = openForChecking(db, file); !opened)
        contents = fail(opened.error());
    else
        contents = readContents(db);
    // A WAL database whose -shm file is gone cannot be opened read-only in a folder we cannot write to,
    // nor on a full disk, where no -shm can be made. Immutable mode reads the main file alone: nobody can
    // have written a WAL beside it there since, and on a full disk no writer gets far; at worst the
    // commits still in a -wal are not seen, and nothing is written.
    if (!contents && ((file.walExists && !file.folderWritable) || diskIsFull(file.path))) {
        const QString options = QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=10000");
        if (openConnection(db, options, uri(file.path, "mode=ro&immutable=1"))) {
            if (Result<Contents> immutable = readContents(db))
                contents = immutable;
        }
    }
    if (!contents)
        return fail(contents.error());
    return checkContents(db.schema(), *contents, file.path, readOnlyReason);
}

// Switching to WAL needs an exclusive lock, and SQLite asks for it without calling the busy handler: while
// another process reads (two `annotate` runs creating one database, say) it fails at once. So wait here.
Result<void> switchToWal(const Database &db)
{
    QDeadlineTimer deadline(10000);
    for (;;) {
        Statement wal(db, QStringLiteral("PRAGMA journal_mode = WAL"));
        Result<void> done = wal.exec();
        if (done || (wal.errorCode() & 0xff) != SqliteBusy || deadline.hasExpired())
            return done;
        QThread::msleep(5 + QRandomGenerator::global()->bounded(20));
    }
}

Result<void> openReadWrite(const Database &db)
{
    if (auto opened = openConnection(db, QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"), db.path()); !opened)
        return opened;
    // synchronous=FULL: a write is on disk (not just in the OS cache) when add() returns, so that it
    // survives a power cut as well as a killed process.
    for (const char *pragma : {"PRAGMA busy_timeout = 10000", "PRAGMA foreign_keys = ON", "PRAGMA synchronous = FULL"}) {
        if (auto done = ask(db, pragma); !done)
            return fail(done.error());
    }
    // Takes effect only on a file not yet written, and must come before WAL writes its header.
    if (db.schema().pageSize > 0) {
        if (auto done = Statement::run(db, QStringLiteral("PRAGMA page_size = %1").arg(db.schema().pageSize)); !done)
            return done;
    }
    return switchToWal(db);
}

// Files larger than this are migrated without a copy to put back (an annotation database is far smaller).
constexpr qint64 kMaxUpgradeCopy = 256LL * 1024 * 1024;

} // namespace

// Damage a file hid can surface only once a migration frees pages (fuzz_database found a version-1 file
// whose quick_check was "ok" before migration 2 and that no new connection could read after it). So the
// migrated file is checked as the next open will see it, from a connection of its own; if that fails,
// the file's bytes from before are put back, and it is refused as damaged, as it was.
Result<void> Database::upgradeChecked(std::unique_ptr<Database> migrated, const DatabaseSchema &schema,
                                      const QByteArray &before)
{
    const QString path = migrated->m_path;
    Result<std::unique_ptr<Database>> reread = openForReading(schema, path);
    if (reread)
        return {};
    return putBack(std::move(migrated), schema, before, reread.error());
}

// Puts the file's bytes from before its migrations back, and fails with `why`. Also for a migration that
// fails after an earlier one committed (its own quick_check finds what the earlier one uncovered): the
// file is then left as it was, not half upgraded.
Result<void> Database::putBack(std::unique_ptr<Database> migrated, const DatabaseSchema &schema,
                               const QByteArray &before, const Error &why)
{
    const QString path = migrated->m_path;
    migrated.reset(); // closes the connection: the -wal is checkpointed (or left) before the bytes go back
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(before) != before.size() || !file.flush())
        return fail(path, 0, 0, Tr::tr("the migration left the %1 unreadable (%2), and its earlier copy could not be "
                                       "put back: %3").arg(schema.name, why.message, file.errorString()));
    file.close();
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    return fail(why);
}

Database::~Database()
{
    m_statements.reset();
    {
        QSqlDatabase connection = QSqlDatabase::database(m_connectionName, false);
        connection.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString Database::defaultPath()
{
    const QString fromEnvironment = qEnvironmentVariable("MARGINALIA_DB");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    // The desktop app's AppDataLocation (organisation and application "Marginalia"), spelled out so
    // that marginalia-cli, another application name, reads and writes the same annotations.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/Marginalia/Marginalia/marginalia.sqlite");
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

std::unique_ptr<Database> Database::create(const DatabaseSchema &schema, const QString &path)
{
    static QAtomicInt serial;
    std::unique_ptr<Database> db(new Database);
    db->m_schema = schema;
    db->m_path = QFileInfo(path).absoluteFilePath();
    db->m_connectionName = QStringLiteral("marginalia-store-%1").arg(serial.fetchAndAddRelaxed(1));
    db->m_statements = std::make_unique<StatementCache>(
        QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), db->m_connectionName));
    return db;
}

Result<std::unique_ptr<Database>> Database::open(const DatabaseSchema &schema, const QString &path)
{
    if (path.isEmpty())
        return fail(path, 0, 0, Tr::tr("no %1 file was given").arg(schema.name));
    std::unique_ptr<Database> db = create(schema, path);

    Result<DatabaseFile> file = inspectDatabaseFile(schema, db->m_path, true);
    if (!file)
        return fail(file.error());
    if (!file->fileWritable)
        db->m_readOnlyReason = Tr::tr("the file is not writable");
    else if (!file->folderWritable)
        db->m_readOnlyReason = Tr::tr("its folder is not writable, and SQLite needs to create files beside it");
    db->m_readOnly = !db->m_readOnlyReason.isEmpty();

    if (file->exists) {
        if (auto checked = openAndCheck(*db, *file, db->m_readOnlyReason); !checked)
            return fail(checked.error());
    }
    if (db->m_readOnly)
        return db;
    // The bytes of a file about to be migrated, kept to put back should the migration leave a file that no
    // longer opens (see upgradeChecked). Only for a file no other connection has open (no -wal beside it).
    const bool upgrading = file->exists && !file->walExists && schema.checkOnOpen
        && file->userVersion < quint32(schema.currentVersion());
    Result<QByteArray> copy = upgrading ? readInputFile(db->m_path, kMaxUpgradeCopy) : Result<QByteArray>(QByteArray());
    const QByteArray before = copy ? *copy : QByteArray(); // too large or unreadable: migrated without one
    if (auto opened = openReadWrite(*db); !opened)
        return fail(opened.error());
    if (auto migrated = migrate(*db); !migrated) {
        if (!before.isEmpty())
            return fail(putBack(std::move(db), schema, before, migrated.error()).error());
        return fail(migrated.error());
    }
    if (!before.isEmpty()) {
        if (auto checked = upgradeChecked(std::move(db), schema, before); !checked)
            return fail(checked.error());
        return open(schema, path); // upgraded and checked: opened again as any current file
    }
    return db;
}

Result<std::unique_ptr<Database>> Database::openForReading(const DatabaseSchema &schema, const QString &path)
{
    if (path.isEmpty())
        return fail(path, 0, 0, Tr::tr("no %1 file was given").arg(schema.name));
    std::unique_ptr<Database> db = create(schema, path);
    Result<DatabaseFile> file = inspectDatabaseFile(schema, db->m_path, false);
    if (!file)
        return fail(file.error());
    db->m_readOnly = true;
    db->m_readOnlyReason = Tr::tr("opened for reading only");
    if (auto checked = openAndCheck(*db, *file, db->m_readOnlyReason); !checked)
        return fail(checked.error());
    return db;
}

Result<std::unique_ptr<Database>> Database::openEmpty(const DatabaseSchema &schema, const QString &path)
{
    std::unique_ptr<Database> db = create(schema, path);
    if (auto opened = openConnection(*db, {}, QStringLiteral(":memory:")); !opened)
        return fail(opened.error());
    if (auto migrated = migrate(*db); !migrated)
        return fail(migrated.error());
    db->m_readOnly = true;
    db->m_readOnlyReason = Tr::tr("the %1 does not exist yet").arg(schema.name);
    return db;
}

Result<void> Database::begin()
{
    if (m_readOnly)
        return fail(m_path, 0, 0, Tr::tr("the %1 is read-only (%2)").arg(m_schema.name, m_readOnlyReason));
    // IMMEDIATE takes the write lock now, waiting on the busy timeout, so that two writers queue here
    // instead of one of them failing at COMMIT.
    return Statement::run(*this, QStringLiteral("BEGIN IMMEDIATE"));
}

Result<void> Database::commit()
{
    Result<void> done = Statement::run(*this, QStringLiteral("COMMIT"));
    if (!done)
        rollback();
    return done;
}

void Database::rollback()
{
    // Fails harmlessly when SQLite already rolled back (after some errors it does so itself).
    (void)Statement::run(*this, QStringLiteral("ROLLBACK"));
}

} // namespace marginalia

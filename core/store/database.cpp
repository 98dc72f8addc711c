#include "database.h"

#include "util/translate.h"

#include "migrations.h"
#include "statement.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>

namespace marginalia {

namespace {

// What open() learns about the file before SQLite touches it.
struct FileState {
    bool exists = false;
    qint64 size = 0;
    bool fileWritable = true;
    bool folderWritable = true;
};

Result<FileState> inspect(const QString &path)
{
    const QFileInfo info(path);
    const QString folder = info.absolutePath();
    if (!QDir().mkpath(folder))
        return fail(path, 0, 0, tr("cannot create the folder %1").arg(QDir::toNativeSeparators(folder)));
    FileState state;
    state.exists = info.exists();
    state.folderWritable = QFileInfo(folder).isWritable();
    if (!state.exists) {
        if (!state.folderWritable)
            return fail(path, 0, 0, tr("cannot create the annotation database: the folder %1 is not writable")
                                        .arg(QDir::toNativeSeparators(folder)));
        return state;
    }
    if (info.isDir())
        return fail(path, 0, 0, tr("is a folder, not an annotation database file"));
    state.size = info.size();
    state.fileWritable = info.isWritable();
    return state;
}

// Every SQLite file starts with these 16 bytes. Checked before SQLite opens the file, so that a file
// that is something else entirely is refused without SQLite ever having it open.
Result<bool> checkHeader(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(path, 0, 0, tr("cannot read the annotation database (%1)").arg(file.errorString()));
    static const QByteArray magic("SQLite format 3\0", 16);
    if (file.read(16) != magic)
        return fail(path, 0, 0, tr("is not a Marginalia annotation database (not an SQLite file)"));
    return true;
}

Error notOurs(const QString &path, const QString &why)
{
    return Error{path, 0, 0, tr("is not a Marginalia annotation database (%1)").arg(why)};
}

Result<bool> openConnection(QSqlDatabase &connection, const QString &path, const QString &options,
                            const QString &name)
{
    connection.close();
    connection.setDatabaseName(name);
    connection.setConnectOptions(options);
    if (!connection.open())
        return fail(sqlError(path, connection.lastError()));
    return true;
}

// PRAGMA and count(*) answers, read-only.
Result<QVariant> ask(const QSqlDatabase &connection, const QString &path, const char *sql)
{
    return Statement::scalar(connection, path, QString::fromLatin1(sql));
}

// What open() reads from a file before it may write to it.
struct Contents {
    int applicationId = 0;
    int version = 0;
    int objects = 0; // tables, indexes… in sqlite_schema
};

// SQLite's quick_check, then what the file is; everything that fails here means "not ours" except a
// lock held for longer than the busy timeout.
Result<Contents> readContents(const QSqlDatabase &connection, const QString &path)
{
    Statement quick(connection, path, QStringLiteral("PRAGMA quick_check"));
    if (auto done = quick.exec(); !done)
        return (quick.errorCode() & 0xff) == SqliteBusy ? fail(done.error()) : fail(notOurs(path, done.error().message));
    if (!quick.next())
        return fail(notOurs(path, tr("quick_check gave no answer")));
    if (quick.text(0) != QStringLiteral("ok"))
        return fail(notOurs(path, quick.text(0)));
    Result<QVariant> application = ask(connection, path, "PRAGMA application_id");
    Result<QVariant> version = ask(connection, path, "PRAGMA user_version");
    Result<QVariant> objects = ask(connection, path, "SELECT count(*) FROM sqlite_schema");
    for (const Result<QVariant> *answer : {&application, &version, &objects}) {
        if (!*answer)
            return fail(notOurs(path, answer->error().message));
    }
    return Contents{application->toInt(), version->toInt(), objects->toInt()};
}

Result<bool> checkContents(const Contents &contents, const QString &path, const QString &readOnlyReason)
{
    const bool empty = contents.applicationId == 0 && contents.version == 0 && contents.objects == 0;
    if (!empty && contents.applicationId != ApplicationId)
        return fail(notOurs(path, tr("it is another program's SQLite database")));
    const int current = Database::currentSchemaVersion();
    if (contents.version > current)
        return fail(path, 0, 0, tr("was written by a newer Marginalia (schema %1; this version reads up to %2)")
                                    .arg(contents.version).arg(current));
    if (!readOnlyReason.isEmpty() && contents.version < current) {
        const QString what = empty ? tr("is empty") : tr("needs upgrading to this version's schema");
        return fail(path, 0, 0, tr("%1, but it is read-only (%2)").arg(what, readOnlyReason));
    }
    return true;
}

// Opens the file read-only and checks it before anything may write to it.
Result<bool> openReadOnlyAndCheck(QSqlDatabase &connection, const QString &path, const QString &readOnlyReason,
                                  bool folderReadOnly)
{
    const QString options = QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=10000");
    Result<Contents> contents = Contents{};
    if (auto opened = openConnection(connection, path, options, path); !opened)
        contents = fail(notOurs(path, opened.error().message));
    else
        contents = readContents(connection, path);
    // A WAL database whose -shm file is gone cannot be opened read-only in a folder we cannot write to.
    // Immutable mode reads the main file alone; nobody can have written a WAL beside it there since.
    if (!contents && folderReadOnly) {
        const QString uri = QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded) + QStringLiteral("?immutable=1");
        if (openConnection(connection, path, options + QStringLiteral(";QSQLITE_OPEN_URI"), uri)) {
            if (Result<Contents> immutable = readContents(connection, path))
                contents = immutable;
        }
    }
    if (!contents)
        return fail(contents.error());
    return checkContents(*contents, path, readOnlyReason);
}

// Switching to WAL needs an exclusive lock, and SQLite asks for it without calling the busy handler: while
// another process reads (two `annotate` runs creating one database, say) it fails at once. So wait here.
Result<bool> switchToWal(const QSqlDatabase &connection, const QString &path)
{
    QDeadlineTimer deadline(10000);
    for (;;) {
        Statement wal(connection, path, QStringLiteral("PRAGMA journal_mode = WAL"));
        Result<bool> done = wal.exec();
        if (done || (wal.errorCode() & 0xff) != SqliteBusy || deadline.hasExpired())
            return done;
        QThread::msleep(5 + QRandomGenerator::global()->bounded(20));
    }
}

Result<bool> openReadWrite(QSqlDatabase &connection, const QString &path)
{
    if (auto opened = openConnection(connection, path, QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"), path); !opened)
        return opened;
    // synchronous=FULL: a write is on disk (not just in the OS cache) when add() returns, so that it
    // survives a power cut as well as a killed process.
    for (const char *pragma : {"PRAGMA busy_timeout = 10000", "PRAGMA foreign_keys = ON", "PRAGMA synchronous = FULL"}) {
        if (auto done = ask(connection, path, pragma); !done)
            return fail(done.error());
    }
    return switchToWal(connection, path);
}

} // namespace

Database::~Database()
{
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

int Database::currentSchemaVersion()
{
    return migrations().back().version;
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<std::unique_ptr<Database>> Database::open(const QString &path)
{
    if (path.isEmpty())
        return fail(path, 0, 0, tr("no annotation database file was given"));
    static QAtomicInt serial;
    std::unique_ptr<Database> db(new Database);
    db->m_path = QFileInfo(path).absoluteFilePath();
    db->m_connectionName = QStringLiteral("marginalia-store-%1").arg(serial.fetchAndAddRelaxed(1));
    QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), db->m_connectionName);

    Result<FileState> state = inspect(db->m_path);
    if (!state)
        return fail(state.error());
    if (state->size > 0) {
        if (auto header = checkHeader(db->m_path); !header)
            return fail(header.error());
    }
    if (!state->fileWritable)
        db->m_readOnlyReason = tr("the file is not writable");
    else if (!state->folderWritable)
        db->m_readOnlyReason = tr("its folder is not writable, and SQLite needs to create files beside it");
    db->m_readOnly = !db->m_readOnlyReason.isEmpty();

    if (state->exists) {
        auto checked = openReadOnlyAndCheck(connection, db->m_path, db->m_readOnlyReason, !state->folderWritable);
        if (!checked)
            return fail(checked.error());
    }
    if (db->m_readOnly)
        return db;
    if (auto opened = openReadWrite(connection, db->m_path); !opened)
        return fail(opened.error());
    connection = QSqlDatabase(); // migrate() takes its own handles
    if (auto migrated = migrate(*db); !migrated)
        return fail(migrated.error());
    return db;
}

Result<bool> Database::begin()
{
    if (m_readOnly)
        return fail(m_path, 0, 0, tr("the annotation database is read-only (%1)").arg(m_readOnlyReason));
    // IMMEDIATE takes the write lock now, waiting on the busy timeout, so that two writers queue here
    // instead of one of them failing at COMMIT.
    return Statement::run(connection(), m_path, QStringLiteral("BEGIN IMMEDIATE"));
}

Result<bool> Database::commit()
{
    Result<bool> done = Statement::run(connection(), m_path, QStringLiteral("COMMIT"));
    if (!done)
        rollback();
    return done;
}

void Database::rollback()
{
    // Fails harmlessly when SQLite already rolled back (after some errors it does so itself).
    (void)Statement::run(connection(), m_path, QStringLiteral("ROLLBACK"));
}

} // namespace marginalia

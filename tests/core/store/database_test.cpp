#include "store/annotationstore.h"
#include "store/annotationschema.h"
#include "store/database.h"
#include "store/databasecheck.h"
#include "storetesting.h"
#include "support/smallfilesystem.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

using test::fileBytes;
using test::sampleAnnotation;

// Runs SQL on a file behind the store's back, as another program (or a tamperer) would.
void rawExec(const QString &path, const QStringList &statements)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        ASSERT_TRUE(db.open());
        for (const QString &sql : statements) {
            QSqlQuery query(db);
            ASSERT_TRUE(query.exec(sql)) << sql.toStdString();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

QVariant pragma(const Database &db, const char *name)
{
    QSqlQuery query(db.connection());
    if (!query.exec(QStringLiteral("PRAGMA ") + QLatin1String(name)) || !query.next())
        return {};
    return query.value(0);
}

class DatabaseTest : public ::testing::Test {
protected:
    QString path(const QString &name = QStringLiteral("marginalia.sqlite")) const { return m_dir.filePath(name); }

    // A real database holding `count` annotations, closed (so checkpointed into the main file).
    void makeDatabase(const QString &file, int count)
    {
        auto db = Database::open(annotationSchema(), file);
        ASSERT_TRUE(db) << db.error().toString().toStdString();
        AnnotationStore store(**db);
        for (int i = 0; i < count; ++i)
            ASSERT_TRUE(store.add(sampleAnnotation(QStringLiteral("frus1934v05/d%1").arg(i % 7), i * 10)));
    }

    void expectRefused(const QString &file, const char *messagePart)
    {
        const QByteArray before = fileBytes(file);
        auto db = Database::open(annotationSchema(), file);
        ASSERT_FALSE(db);
        EXPECT_EQ(db.error().file, QFileInfo(file).absoluteFilePath());
        EXPECT_TRUE(db.error().message.contains(QLatin1String(messagePart))) << db.error().toString().toStdString();
        EXPECT_EQ(fileBytes(file), before) << "a refused file must never be written to";
    }

    QTemporaryDir m_dir;
};

TEST_F(DatabaseTest, CreatesFolderAndTheCurrentSchema)
{
    const QString file = m_dir.filePath(QStringLiteral("new/folder/marginalia.sqlite"));
    auto db = Database::open(annotationSchema(), file);
    ASSERT_TRUE(db) << db.error().toString().toStdString();
    EXPECT_TRUE(QFileInfo::exists(file));
    EXPECT_FALSE((*db)->isReadOnly());
    EXPECT_EQ(annotationSchema().currentVersion(), 5);
    EXPECT_EQ(pragma(**db, "user_version").toInt(), 5);
    QSqlQuery tables((*db)->connection());
    ASSERT_TRUE(tables.exec(QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")));
    QStringList names;
    while (tables.next())
        names << tables.value(0).toString();
    for (const char *table : {"annotations", "tags", "annotation_tags", "annotations_fts", "sync_changes",
                              "sync_versions", "sync_state", "annotation_history", "sync_tag_changes"})
        EXPECT_TRUE(names.contains(QLatin1String(table))) << table;
    // Version 2 moved the documents' text to the library index (issue 9).
    for (const char *table : {"documents_fts", "indexed_documents"})
        EXPECT_FALSE(names.contains(QLatin1String(table))) << table;
}

TEST_F(DatabaseTest, WalForeignKeysBusyTimeoutAndFullSyncAreOn)
{
    auto db = Database::open(annotationSchema(), path());
    ASSERT_TRUE(db);
    EXPECT_EQ(pragma(**db, "journal_mode").toString(), QStringLiteral("wal"));
    EXPECT_EQ(pragma(**db, "foreign_keys").toInt(), 1);
    EXPECT_EQ(pragma(**db, "busy_timeout").toInt(), 10000);
    EXPECT_EQ(pragma(**db, "synchronous").toInt(), 2); // FULL
}

TEST_F(DatabaseTest, ReopenKeepsData)
{
    const Annotation a = sampleAnnotation(QStringLiteral("frus1934v05/d1"), 40);
    {
        auto db = Database::open(annotationSchema(), path());
        ASSERT_TRUE(db);
        ASSERT_TRUE(AnnotationStore(**db).add(a));
    }
    auto db = Database::open(annotationSchema(), path());
    ASSERT_TRUE(db);
    auto found = AnnotationStore(**db).find(a.id);
    ASSERT_TRUE(found && found->has_value());
    EXPECT_EQ(**found, a);
    EXPECT_EQ(*integrityCheck(**db), QStringLiteral("ok"));
}

TEST_F(DatabaseTest, TwoConnectionsInOneProcessShareTheFile)
{
    auto first = Database::open(annotationSchema(), path());
    auto second = Database::open(annotationSchema(), path());
    ASSERT_TRUE(first && second);
    const Annotation a = sampleAnnotation(QStringLiteral("frus1934v05/d1"), 0);
    ASSERT_TRUE(AnnotationStore(**first).add(a));
    EXPECT_TRUE(AnnotationStore(**second).find(a.id)->has_value());
}

TEST_F(DatabaseTest, EmptyFileBecomesADatabase)
{
    ASSERT_TRUE(test::writeFile(path(), {}));
    auto db = Database::open(annotationSchema(), path());
    ASSERT_TRUE(db) << db.error().toString().toStdString();
    EXPECT_EQ(pragma(**db, "user_version").toInt(), annotationSchema().currentVersion());
}

TEST_F(DatabaseTest, TextFileIsRefusedAndLeftAlone)
{
    ASSERT_TRUE(test::writeFile(path(), "These are my notes on the Chaco war.\nDo not lose them.\n"));
    expectRefused(path(), "is not a Marginalia annotation database");
}

TEST_F(DatabaseTest, RandomBytesAreRefusedAndLeftAlone)
{
    QByteArray bytes(64 * 1024, Qt::Uninitialized);
    QRandomGenerator generator(1934);
    for (char &byte : bytes)
        byte = char(generator.bounded(256));
    ASSERT_TRUE(test::writeFile(path(), bytes));
    expectRefused(path(), "is not a Marginalia annotation database");
}

TEST_F(DatabaseTest, RandomBytesAfterAnSQLiteHeaderAreRefusedAndLeftAlone)
{
    QByteArray bytes(16 * 1024, Qt::Uninitialized);
    QRandomGenerator generator(1961);
    for (char &byte : bytes)
        byte = char(generator.bounded(256));
    bytes.replace(0, 16, QByteArray("SQLite format 3\0", 16));
    ASSERT_TRUE(test::writeFile(path(), bytes));
    expectRefused(path(), "the annotation database is damaged (");
}

TEST_F(DatabaseTest, TruncatedDatabaseIsRefusedAndLeftAlone)
{
    makeDatabase(path(), 400);
    const QByteArray whole = fileBytes(path());
    ASSERT_GT(whole.size(), 8 * 4096) << "the database should span many pages";
    ASSERT_TRUE(test::writeFile(path(), whole.left(whole.size() / 2)));
    expectRefused(path(), "the annotation database is damaged (");
}

TEST_F(DatabaseTest, AnotherProgramsDatabaseIsRefusedAndLeftAlone)
{
    rawExec(path(), {QStringLiteral("CREATE TABLE bookmarks (url TEXT)"),
                     QStringLiteral("INSERT INTO bookmarks VALUES ('https://history.state.gov')")});
    expectRefused(path(), "another program's SQLite database");
}

TEST_F(DatabaseTest, NewerSchemaIsRefusedAndLeftAlone)
{
    makeDatabase(path(), 3);
    rawExec(path(), {QStringLiteral("PRAGMA user_version = 99")});
    expectRefused(path(), "was written by a newer Marginalia (schema 99; this version reads up to 5)");
}

TEST_F(DatabaseTest, UnwritableFileOpensReadOnly)
{
    makeDatabase(path(), 5);
    auto before = Database::open(annotationSchema(), path());
    ASSERT_TRUE(before);
    const std::vector<Annotation> stored = *AnnotationStore(**before).all();
    before->reset();
    const QByteArray bytes = fileBytes(path());

    test::Unwritable unwritable(path());
    if (unwritable.isWritable())
        GTEST_SKIP() << "neither chmod 0444 nor chattr +i stops this user writing (root without ext4 attributes?)";
    auto db = Database::open(annotationSchema(), path());
    ASSERT_TRUE(db) << db.error().toString().toStdString();
    EXPECT_TRUE((*db)->isReadOnly());
    EXPECT_EQ((*db)->readOnlyReason(), QStringLiteral("the file is not writable"));
    AnnotationStore store(**db);
    EXPECT_EQ(*store.all(), stored);
    auto added = store.add(sampleAnnotation(QStringLiteral("frus1934v05/d1"), 5));
    ASSERT_FALSE(added);
    EXPECT_EQ(added.error().message, QStringLiteral("the annotation database is read-only (the file is not writable)"));
    EXPECT_FALSE(store.remove(stored.front().id));
    EXPECT_FALSE(store.setTagColor(QStringLiteral("Cuba"), QStringLiteral("#112233")));
    db->reset();
    EXPECT_EQ(fileBytes(path()), bytes);
}

TEST_F(DatabaseTest, DatabaseInUnwritableFolderOpensReadOnly)
{
    const QString folder = m_dir.filePath(QStringLiteral("shelf"));
    const QString file = folder + QStringLiteral("/marginalia.sqlite");
    makeDatabase(file, 5);
    const QByteArray bytes = fileBytes(file);
    {
        test::Unwritable unwritable(folder);
        if (unwritable.isWritable())
            GTEST_SKIP() << "neither chmod 0555 nor chattr +i stops this user writing in the folder";
        auto db = Database::open(annotationSchema(), file);
        ASSERT_TRUE(db) << db.error().toString().toStdString();
        EXPECT_TRUE((*db)->isReadOnly());
        AnnotationStore store(**db);
        EXPECT_EQ(store.all()->size(), 5u);
        auto added = store.add(sampleAnnotation(QStringLiteral("frus1934v05/d1"), 5));
        ASSERT_FALSE(added);
        EXPECT_TRUE(added.error().message.startsWith(QStringLiteral("the annotation database is read-only (")));
    }
    EXPECT_EQ(fileBytes(file), bytes);
}

TEST_F(DatabaseTest, NoDatabaseCanBeCreatedInAnUnwritableFolder)
{
    const QString folder = m_dir.filePath(QStringLiteral("locked"));
    ASSERT_TRUE(QDir().mkpath(folder));
    test::Unwritable unwritable(folder);
    if (unwritable.isWritable())
        GTEST_SKIP() << "cannot make a folder unwritable for this user";
    auto db = Database::open(annotationSchema(), folder + QStringLiteral("/marginalia.sqlite"));
    ASSERT_FALSE(db);
    EXPECT_TRUE(db.error().message.contains(QStringLiteral("is not writable")));
}

TEST_F(DatabaseTest, DefaultPathFollowsMarginaliaDb)
{
    const QByteArray saved = qgetenv("MARGINALIA_DB");
    qputenv("MARGINALIA_DB", "/tmp/somewhere/else.sqlite");
    EXPECT_EQ(Database::defaultPath(), QStringLiteral("/tmp/somewhere/else.sqlite"));
    qunsetenv("MARGINALIA_DB");
    EXPECT_TRUE(Database::defaultPath().endsWith(QStringLiteral("/marginalia.sqlite")));
    if (!saved.isNull())
        qputenv("MARGINALIA_DB", saved);
}

// Issue 8, items 9 and 10: say what is really wrong; reading never creates anything.
QStringList listing(const QString &folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
}

// Both ways of opening refuse `file` with `messagePart`, write nothing and leave nothing beside it.
void expectRefusedLeavingNothing(const QString &file, const QString &messagePart)
{
    const QString folder = QFileInfo(file).absolutePath();
    const QStringList before = listing(folder);
    const QByteArray bytes = fileBytes(file);
    for (const bool reading : {false, true}) {
        auto db = reading ? Database::openForReading(annotationSchema(), file) : Database::open(annotationSchema(), file);
        ASSERT_FALSE(db);
        EXPECT_TRUE(db.error().message.contains(messagePart)) << db.error().toString().toStdString();
        EXPECT_EQ(listing(folder), before) << (reading ? "openForReading" : "open");
        EXPECT_EQ(fileBytes(file), bytes);
    }
}

TEST_F(DatabaseTest, Issue8ReadingAMissingDatabaseCreatesNeitherItNorItsFolder)
{
    const QString file = path(QStringLiteral("typo/marginalia.sqlite"));
    auto db = Database::openForReading(annotationSchema(), file);
    ASSERT_FALSE(db);
    EXPECT_EQ(db.error().toString(), QFileInfo(file).absoluteFilePath() + QStringLiteral(": no such annotation database"));
    EXPECT_TRUE(listing(m_dir.path()).isEmpty());
}

TEST_F(DatabaseTest, Issue8ReadingLeavesNoWalOrShmAndWritesNothing)
{
    makeDatabase(path(), 5);
    const QStringList before = listing(m_dir.path());
    ASSERT_EQ(before, QStringList{QStringLiteral("marginalia.sqlite")});
    const QByteArray bytes = fileBytes(path());
    {
        auto db = Database::openForReading(annotationSchema(), path());
        ASSERT_TRUE(db) << db.error().toString().toStdString();
        EXPECT_TRUE((*db)->isReadOnly());
        AnnotationStore store(**db);
        EXPECT_EQ(store.all()->size(), 5u);
        EXPECT_FALSE(store.add(sampleAnnotation(QStringLiteral("frus1934v05/d1"), 5)));
    }
    EXPECT_EQ(listing(m_dir.path()), before);
    EXPECT_EQ(fileBytes(path()), bytes);
}

TEST_F(DatabaseTest, Issue8ReadingWhileAWriterIsOpenSeesItsCommitsAndAddsNoFile)
{
    makeDatabase(path(), 2);
    auto writer = Database::open(annotationSchema(), path());
    ASSERT_TRUE(writer);
    AnnotationStore writing(**writer);
    ASSERT_TRUE(writing.add(sampleAnnotation(QStringLiteral("frus1934v05/d1"), 99)));
    const QStringList whileOpen = listing(m_dir.path()); // the writer's -wal and -shm
    {
        auto reader = Database::openForReading(annotationSchema(), path());
        ASSERT_TRUE(reader) << reader.error().toString().toStdString();
        EXPECT_EQ(AnnotationStore(**reader).all()->size(), 3u);
    }
    EXPECT_EQ(listing(m_dir.path()), whileOpen);
}

TEST_F(DatabaseTest, Issue8RefusedFilesGetNoWalOrShm)
{
    const QString newer = path(QStringLiteral("newer.sqlite"));
    makeDatabase(newer, 3);
    rawExec(newer, {QStringLiteral("PRAGMA user_version = 99")});
    expectRefusedLeavingNothing(newer, QStringLiteral("was written by a newer Marginalia (schema 99; this version reads up to 5)"));

    const QString foreign = path(QStringLiteral("bookmarks.sqlite"));
    rawExec(foreign, {QStringLiteral("PRAGMA journal_mode = WAL"), QStringLiteral("CREATE TABLE bookmarks (url TEXT)")});
    expectRefusedLeavingNothing(foreign, QStringLiteral("is not a Marginalia annotation database (it is another program's SQLite database)"));

    const QString text = path(QStringLiteral("notes.sqlite"));
    ASSERT_TRUE(test::writeFile(text, "My notes on the Chaco war.\n"));
    expectRefusedLeavingNothing(text, QStringLiteral("is not a Marginalia annotation database (it is not an SQLite file)"));
}

// Page 3 onwards hold the tables' b-trees: garbage over the start of two of them. Returns the file's
// new bytes, empty when it is too small to have those pages.
QByteArray damagePages(const QString &file)
{
    QByteArray bytes = fileBytes(file);
    const int pageSize = bytes.size() > 18 ? (quint8(bytes.at(16)) << 8) | quint8(bytes.at(17)) : 0;
    if (pageSize == 0 || bytes.size() <= 6 * pageSize)
        return {};
    for (int page : {3, 5})
        bytes.replace(qsizetype(page - 1) * pageSize, 64, QByteArray(64, '\x5a'));
    return test::writeFile(file, bytes) ? bytes : QByteArray();
}

TEST_F(DatabaseTest, Issue8ADamagedPageIsReportedAsDamagedNotAsSomethingElse)
{
    makeDatabase(path(), 400);
    ASSERT_FALSE(damagePages(path()).isEmpty());
    expectRefusedLeavingNothing(path(), QStringLiteral("the annotation database is damaged ("));
    EXPECT_TRUE(Database::open(annotationSchema(), path()).error().message.contains(QStringLiteral("restore it from a backup")));
}

// Issue 10: the library index is gigabytes large and derived; reading it whole at every open took
// seconds. A schema that does not ask for it skips quick_check: the same damaged file that the annotation
// schema refuses at once opens (the damage shows as an error if and when a damaged page is read).
TEST_F(DatabaseTest, Issue10ASchemaWithoutCheckOnOpenDoesNotReadTheWholeFile)
{
    makeDatabase(path(), 400);
    const QByteArray bytes = damagePages(path());
    ASSERT_FALSE(bytes.isEmpty());
    DatabaseSchema unchecked = annotationSchema();
    unchecked.checkOnOpen = false;
    auto opened = Database::openForReading(unchecked, path());
    ASSERT_TRUE(opened) << opened.error().toString().toStdString();
    opened->reset();
    EXPECT_FALSE(Database::openForReading(annotationSchema(), path()));
    EXPECT_EQ(fileBytes(path()), bytes);
}

TEST_F(DatabaseTest, Issue8AnImmutableFileIsReadWithoutWalOrShm)
{
    makeDatabase(path(), 4);
    const QStringList before = listing(m_dir.path());
    test::Unwritable unwritable(path());
    if (unwritable.isWritable())
        GTEST_SKIP() << "neither chmod 0444 nor chattr +i stops this user writing";
    for (const bool reading : {false, true}) {
        auto db = reading ? Database::openForReading(annotationSchema(), path()) : Database::open(annotationSchema(), path());
        ASSERT_TRUE(db) << db.error().toString().toStdString();
        EXPECT_TRUE((*db)->isReadOnly());
        EXPECT_EQ(AnnotationStore(**db).all()->size(), 4u);
        db->reset();
        EXPECT_EQ(listing(m_dir.path()), before) << (reading ? "openForReading" : "open");
    }
}

TEST_F(DatabaseTest, Issue8ADatabaseInAReadOnlyFolderIsReadWithoutWalOrShm)
{
    const QString folder = m_dir.filePath(QStringLiteral("shelf"));
    const QString file = folder + QStringLiteral("/marginalia.sqlite");
    makeDatabase(file, 3);
    const QStringList before = listing(folder);
    test::Unwritable unwritable(folder);
    if (unwritable.isWritable())
        GTEST_SKIP() << "neither chmod 0555 nor chattr +i stops this user writing in the folder";
    auto db = Database::openForReading(annotationSchema(), file);
    ASSERT_TRUE(db) << db.error().toString().toStdString();
    EXPECT_EQ(AnnotationStore(**db).all()->size(), 3u);
    db->reset();
    EXPECT_EQ(listing(folder), before);
}

TEST_F(DatabaseTest, Issue8ADatabaseOnAReadOnlyMediumIsRead)
{
    const test::SmallFileSystem medium(4 * 1024 * 1024);
    if (!medium.available())
        GTEST_SKIP() << "cannot mount a tmpfs: " << medium.whyUnavailable().toStdString();
    const QString file = medium.filePath(QStringLiteral("marginalia.sqlite"));
    makeDatabase(file, 6);
    ASSERT_TRUE(medium.remountReadOnly());
    for (const bool reading : {false, true}) {
        auto db = reading ? Database::openForReading(annotationSchema(), file) : Database::open(annotationSchema(), file);
        ASSERT_TRUE(db) << db.error().toString().toStdString();
        EXPECT_TRUE((*db)->isReadOnly());
        EXPECT_EQ(AnnotationStore(**db).all()->size(), 6u);
    }
    EXPECT_EQ(listing(medium.path()), QStringList{QStringLiteral("marginalia.sqlite")});
}

TEST_F(DatabaseTest, Issue8AFullDiskSaysTheDiskIsFullAndLosesNoCommittedRow)
{
    const test::SmallFileSystem disk(2 * 1024 * 1024); // room for the database with its write-ahead log
    if (!disk.available())
        GTEST_SKIP() << "cannot mount a tmpfs: " << disk.whyUnavailable().toStdString();
    const QString file = disk.filePath(QStringLiteral("marginalia.sqlite"));
    makeDatabase(file, 20);
    std::size_t committed = 20;
    {
        auto db = Database::open(annotationSchema(), file);
        ASSERT_TRUE(db) << db.error().toString().toStdString();
        AnnotationStore store(**db);
        disk.fill();
        Result<void> added;
        for (int i = 0; i < 10000 && added; ++i) {
            added = store.add(sampleAnnotation(QStringLiteral("frus1934v05/d2"), 1000 + i, QString(400, QLatin1Char('w'))));
            if (added)
                ++committed;
        }
        ASSERT_FALSE(added) << "the disk never filled";
        EXPECT_EQ(added.error().file, file);
        EXPECT_TRUE(added.error().message.startsWith(QStringLiteral("the disk is full; free some space and try again")))
            << added.error().toString().toStdString();
    }
    // Opening to write on the full disk: it works, or it says the disk is full; never "not a database".
    if (auto full = Database::open(annotationSchema(), file); !full) {
        EXPECT_TRUE(full.error().message.startsWith(QStringLiteral("the disk is full")))
            << full.error().toString().toStdString();
    }
    // Reading needs no space: every committed row is listed.
    {
        auto reading = Database::openForReading(annotationSchema(), file);
        ASSERT_TRUE(reading) << reading.error().toString().toStdString();
        EXPECT_EQ(AnnotationStore(**reading).all()->size(), committed);
    }
    ASSERT_TRUE(QFile::remove(disk.filePath(QStringLiteral("filler"))));
    auto db = Database::open(annotationSchema(), file);
    ASSERT_TRUE(db) << db.error().toString().toStdString();
    EXPECT_EQ(AnnotationStore(**db).all()->size(), committed);
    EXPECT_EQ(*integrityCheck(**db), QStringLiteral("ok"));
}

} // namespace
} // namespace marginalia

TEST(DatabaseDefaultPath, IsTheSameForTheAppAndTheCliUnlessMarginaliaDbIsSet)
{
    const QByteArray saved = qgetenv("MARGINALIA_DB");
    qunsetenv("MARGINALIA_DB");
    const QString name = QCoreApplication::applicationName();
    QCoreApplication::setApplicationName(QStringLiteral("marginalia-cli"));
    const QString cli = marginalia::Database::defaultPath();
    QCoreApplication::setApplicationName(QStringLiteral("Marginalia"));
    const QString app = marginalia::Database::defaultPath();
    QCoreApplication::setApplicationName(name);
    EXPECT_EQ(cli, app);
    EXPECT_TRUE(app.endsWith(QStringLiteral("/Marginalia/Marginalia/marginalia.sqlite")));
    qputenv("MARGINALIA_DB", "/tmp/elsewhere.sqlite");
    EXPECT_EQ(marginalia::Database::defaultPath(), QStringLiteral("/tmp/elsewhere.sqlite"));
    if (saved.isNull())
        qunsetenv("MARGINALIA_DB");
    else
        qputenv("MARGINALIA_DB", saved);
}

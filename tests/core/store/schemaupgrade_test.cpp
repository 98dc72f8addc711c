#include "store/annotationdatabase.h"
#include "store/annotationschema.h"
#include "store/annotationstore.h"
#include "store/database.h"
#include "store/databasecheck.h"
#include "store/statement.h"
#include "storetesting.h"
#include "support/testdata.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

// tests/data/annotations-v1.sqlite is a schema-version-1 annotation database as version 1 of the code
// wrote it: three `marginalia-cli annotate` runs (issue 9), on the d317 letter (a footnote, two tags, one
// "Émigré") and twice on frus1934v05 d2. Migration 2 (issue 9) took the documents' text out of it, to the
// library index; every migration must open this file, bring it to the new version and keep every value
// below.
QString copyOfVersion1(const QTemporaryDir &dir)
{
    const QString copy = dir.filePath(QStringLiteral("annotations-v1.sqlite"));
    EXPECT_TRUE(QFile::copy(test::dataPath(QStringLiteral("annotations-v1.sqlite")), copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    return copy;
}

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs);
}

void expectVersion1Annotations(AnnotationStore &store)
{
    Result<std::vector<Annotation>> all = store.all();
    ASSERT_TRUE(all) << all.error().toString().toStdString();
    ASSERT_EQ(all->size(), 3u);
    const Annotation &the = (*all)[0];
    EXPECT_EQ(the.id, QStringLiteral("64a03c3d-9ceb-4e66-b466-c50a3df54a4b"));
    EXPECT_EQ(the.document, QStringLiteral("frus1934v05/d2"));
    EXPECT_EQ(the.selector.exact, QStringLiteral("the"));
    EXPECT_EQ(the.selector.prefix, QStringLiteral("he Department is not clear what "));
    EXPECT_EQ(the.selector.suffix, QStringLiteral(" scope of the Chilean proposal i"));
    EXPECT_EQ(the.selector.start, 209);
    EXPECT_EQ(the.selector.end, 212);
    EXPECT_TRUE(the.selector.footnote.isEmpty());
    EXPECT_EQ(the.note, QStringLiteral("second"));
    EXPECT_EQ(the.color, QStringLiteral("#9BD39B"));
    EXPECT_EQ(the.author, QStringLiteral("root"));
    EXPECT_EQ(the.created, at("2026-12-01T23:17:05.168Z"));
    EXPECT_EQ(the.modified, at("2026-12-01T23:17:05.168Z"));
    EXPECT_EQ(the.tags, QStringList{QStringLiteral("Cuba")});

    const Annotation &government = (*all)[1];
    EXPECT_EQ(government.id, QStringLiteral("551a7595-67f2-4c40-90dd-0bc2e2d942bb"));
    EXPECT_EQ(government.selector.exact, QStringLiteral("Government"));
    EXPECT_EQ(government.selector.start, 923);
    EXPECT_EQ(government.selector.end, 933);
    EXPECT_EQ(government.color, QStringLiteral("#FFE08C"));
    EXPECT_TRUE(government.note.isEmpty());
    EXPECT_TRUE(government.tags.isEmpty());
    EXPECT_EQ(government.created, at("2026-12-01T23:17:05.265Z"));

    const Annotation &letter = (*all)[2];
    EXPECT_EQ(letter.id, QStringLiteral("110e3b42-3f87-421f-9dbe-7134337a49dd"));
    EXPECT_EQ(letter.document, QStringLiteral("frus1961-63v09/d317"));
    EXPECT_EQ(letter.selector.footnote, QStringLiteral("d317fn2"));
    EXPECT_EQ(letter.selector.exact, QStringLiteral("Document 316"));
    EXPECT_EQ(letter.selector.suffix, QStringLiteral("."));
    EXPECT_EQ(letter.selector.start, 0);
    EXPECT_EQ(letter.selector.end, 12);
    EXPECT_EQ(letter.note, QStringLiteral("Letter points back to 316"));
    EXPECT_EQ(letter.tags, (QStringList{QStringLiteral("Émigré"), QStringLiteral("Cuba")}));
    EXPECT_EQ(letter.created, at("2026-12-01T23:17:05.032Z"));

    Result<std::vector<Tag>> tags = store.tags();
    ASSERT_TRUE(tags);
    ASSERT_EQ(tags->size(), 2u);
    EXPECT_EQ((*tags)[0].name, QStringLiteral("Cuba"));
    EXPECT_EQ((*tags)[0].count, 2);
    EXPECT_EQ((*tags)[1].name, QStringLiteral("Émigré"));
    // The full-text rows written by version 1 are found: "emigre" without accents.
    Result<std::vector<StoreSearchHit>> hits = store.search(QStringLiteral("emigre"));
    ASSERT_TRUE(hits);
    ASSERT_EQ(hits->size(), 1u);
    EXPECT_EQ(hits->front().annotationId, letter.id);
}

using test::tablesOf;

TEST(SchemaUpgradeTest, Issue9StoredVersion1DatabaseOpensUpgradedWithItsAnnotations)
{
    QTemporaryDir dir;
    const QString file = copyOfVersion1(dir);
    {
        Result<AnnotationDatabase> db = AnnotationDatabase::open(file, DatabaseAccess::Write);
        ASSERT_TRUE(db) << db.error().toString().toStdString();
        EXPECT_EQ(Statement::scalar(*db->database, QStringLiteral("PRAGMA user_version"))->toInt(),
                  annotationSchema().currentVersion())
            << "opening for writing runs every migration after version 1";
        EXPECT_EQ(Statement::scalar(*db->database, QStringLiteral("PRAGMA application_id"))->toInt(),
                  AnnotationApplicationId);
        expectVersion1Annotations(*db->store);
        EXPECT_EQ(integrityCheck(*db->database).value(), QStringLiteral("ok"));
        const QStringList tables = tablesOf(*db->database);
        EXPECT_FALSE(tables.contains(QStringLiteral("documents_fts"))) << "migration 2 moved it to the library index";
        EXPECT_FALSE(tables.contains(QStringLiteral("indexed_documents")));
        EXPECT_TRUE(tables.contains(QStringLiteral("annotations_fts")));
        // Migration 3: an annotation now keeps what an import brought; the old ones have nothing.
        EXPECT_EQ(Statement::scalar(*db->database, QStringLiteral("SELECT count(*) FROM pragma_table_info('annotations')"
                                                                  " WHERE name = 'interchange'"))->toInt(), 1);
        Result<std::vector<Annotation>> upgraded = db->store->all();
        ASSERT_TRUE(upgraded);
        for (const Annotation &a : *upgraded)
            EXPECT_TRUE(a.interchange.isEmpty()) << a.id.toStdString();
    }
    // Upgraded, it reads as any current database.
    Result<AnnotationDatabase> reread = AnnotationDatabase::open(file, DatabaseAccess::Read);
    ASSERT_TRUE(reread) << reread.error().toString().toStdString();
    expectVersion1Annotations(*reread->store);
}

// Reading never writes, so it never upgrades: a version-1 file reads as it is, since version 2 only took
// away tables the reader no longer uses (annotationSchema().readableFrom).
TEST(SchemaUpgradeTest, Issue9StoredVersion1DatabaseReadsWithoutBeingChanged)
{
    QTemporaryDir dir;
    const QString file = copyOfVersion1(dir);
    const QByteArray before = test::fileBytes(file);
    {
        ASSERT_GT(annotationSchema().currentVersion(), 1);
        Result<AnnotationDatabase> db = AnnotationDatabase::open(file, DatabaseAccess::Read);
        ASSERT_TRUE(db) << db.error().toString().toStdString();
        expectVersion1Annotations(*db->store);
        EXPECT_EQ(Statement::scalar(*db->database, QStringLiteral("PRAGMA user_version"))->toInt(), 1);
    }
    EXPECT_EQ(test::fileBytes(file), before);
}

// A version older than the schema reads from is still refused for reading, in words that say why.
TEST(SchemaUpgradeTest, Issue9AVersionOlderThanTheReadableOnesIsRefusedForReading)
{
    QTemporaryDir dir;
    const QString file = copyOfVersion1(dir);
    DatabaseSchema strict = annotationSchema();
    strict.readableFrom = 0; // the current version only
    Result<std::unique_ptr<Database>> db = Database::openForReading(strict, file);
    ASSERT_FALSE(db);
    EXPECT_TRUE(db.error().message.startsWith(QStringLiteral("needs upgrading to this version's schema")))
        << db.error().toString().toStdString();
}

// Found by fuzz_database: a version-1 file whose index names a table that is not there (one bit of its
// tbl_name flipped) opened, and migration 2, dropping the table the index was made for, left a file that
// no longer opened at all. Such a file is damaged: refused before anything writes to it, left as it was.
TEST(SchemaUpgradeTest, Issue9AnIndexOfNoTableIsRefusedBeforeAMigrationCanStrandIt)
{
    QTemporaryDir dir;
    const QString file = copyOfVersion1(dir);
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("orphan-index"));
        raw.setDatabaseName(file);
        ASSERT_TRUE(raw.open());
        QSqlQuery edit(raw);
        ASSERT_TRUE(edit.exec(QStringLiteral("PRAGMA writable_schema = ON")));
        ASSERT_TRUE(edit.exec(QStringLiteral("UPDATE sqlite_schema SET tbl_name = 'i.dexed_documents'"
                                             " WHERE name = 'sqlite_autoindex_indexed_documents_1'")));
        ASSERT_EQ(edit.numRowsAffected(), 1);
        edit = QSqlQuery();
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("orphan-index"));
    const QByteArray before = test::fileBytes(file);
    for (DatabaseAccess access : {DatabaseAccess::Write, DatabaseAccess::Read}) {
        Result<AnnotationDatabase> db = AnnotationDatabase::open(file, access);
        ASSERT_FALSE(db);
        EXPECT_TRUE(db.error().message.contains(QStringLiteral("is damaged (sqlite_autoindex_indexed_documents_1 belongs to"
                                                               " \"i.dexed_documents\", which is not there)")))
            << db.error().toString().toStdString();
    }
    EXPECT_EQ(test::fileBytes(file), before);
}

// Found by fuzz_database: tests/data/annotations-v1-hidden-damage.sqlite is annotations-v1.sqlite with
// bytes changed so that quick_check is "ok" until migration 2 frees the document tables' pages; after it, no
// new connection could read the file ("2nd reference to page 22"). The migrated file is now checked from a
// connection of its own, and on failure the bytes from before are put back: refused as damaged for
// writing, still readable as it was.
TEST(SchemaUpgradeTest, Issue9AMigrationThatWouldLeaveAnUnreadableFileIsUndone)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("hidden-damage.sqlite"));
    ASSERT_TRUE(QFile::copy(test::dataPath(QStringLiteral("annotations-v1-hidden-damage.sqlite")), file));
    QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
    const QByteArray before = test::fileBytes(file);
    Result<AnnotationDatabase> written = AnnotationDatabase::open(file, DatabaseAccess::Write);
    ASSERT_FALSE(written);
    EXPECT_TRUE(written.error().message.contains(QStringLiteral("is damaged (quick_check: 2nd reference to page 22)")))
        << written.error().toString().toStdString();
    EXPECT_EQ(test::fileBytes(file), before);
    EXPECT_FALSE(QFileInfo::exists(file + QStringLiteral("-wal")));
    Result<AnnotationDatabase> read = AnnotationDatabase::open(file, DatabaseAccess::Read);
    ASSERT_TRUE(read) << read.error().toString().toStdString();
    EXPECT_EQ(read->store->all()->size(), 3u);
    EXPECT_EQ(test::fileBytes(file), before);
}

} // namespace
} // namespace marginalia

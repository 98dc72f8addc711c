// Issue 10: the library index built from the real volumes of tests/data, kept up to date run after run,
// and whole whatever happens to the files or the run.
#include "catalogfixture.h"

#include "store/catalogschema.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QProcess>
#include <QSqlQuery>
#include <QSqlRecord>

#include <unistd.h>

namespace marginalia::test {
namespace {

using State = CatalogVolumeInfo::State;

class CatalogIndexer : public CatalogFixture {};

TEST_F(CatalogIndexer, Issue10IndexesTheTestVolumesWithTheCountsOfLoadVolume)
{
    indexTestVolumes();
    auto catalog = open(DatabaseAccess::Read);
    ASSERT_TRUE(catalog);
    const auto volumes = volumesOf(*catalog);
    ASSERT_EQ(volumes.size(), 3u);
    int documents = 0, footnotes = 0;
    for (const QString &name : {QStringLiteral("frus1934v05.xml"), QStringLiteral("frus1894Nicaragua.xml"),
                               QStringLiteral("frus1961-63v09-d316-d318.xml")}) {
        const Volume volume = load(name);
        const CatalogVolumeInfo *info = findVolume(volumes, volume.id);
        ASSERT_TRUE(info) << volume.id.toStdString();
        EXPECT_EQ(info->state, State::Indexed);
        EXPECT_EQ(info->documents, int(volume.documents.size())) << volume.id.toStdString();
        EXPECT_EQ(info->footnotes, volume.stats.footnotes) << volume.id.toStdString();
        EXPECT_EQ(documentRows(*catalog, volume.id), int(volume.documents.size()));
        EXPECT_EQ(info->title, volume.title);
        EXPECT_EQ(info->path, QDir(volumesPath()).filePath(name));
        EXPECT_FALSE(info->hash.isEmpty());
        documents += info->documents;
        footnotes += info->footnotes;
    }
    EXPECT_EQ(findVolume(volumes, QStringLiteral("frus1961-63v09"))->yearFrom, 1961);
    EXPECT_EQ(findVolume(volumes, QStringLiteral("frus1961-63v09"))->yearTo, 1963);
    EXPECT_EQ(findVolume(volumes, QStringLiteral("frus1894Nicaragua"))->yearTo, 1894);
    EXPECT_EQ(findVolume(volumes, QStringLiteral("frus1934v05"))->yearFrom, 1934);
    auto status = catalog->status();
    ASSERT_TRUE(status);
    EXPECT_EQ(status->volumes, 3);
    EXPECT_EQ(status->documents, documents);
    EXPECT_EQ(status->footnotes, footnotes);
    EXPECT_EQ(status->missing, 0);
    EXPECT_EQ(status->failed, 0);
    EXPECT_FALSE(status->indexing);
    auto sources = catalog->sources();
    ASSERT_TRUE(sources);
    EXPECT_EQ(*sources, QStringList{volumesPath()});
}

TEST_F(CatalogIndexer, Issue10ReindexSkipsUnchangedFilesWithoutReadingThem)
{
    indexTestVolumes();
    const IndexReport again = index();
    EXPECT_EQ(again.read, 0);
    EXPECT_EQ(again.unchanged, 3);
    EXPECT_EQ(again.indexed, 0);
}

TEST_F(CatalogIndexer, Issue10ATouchedFileIsReadOnceAndNotReindexed)
{
    indexTestVolumes();
    setMtime(QDir(volumesPath()).filePath(QStringLiteral("frus1894Nicaragua.xml")),
             QDateTime::currentDateTimeUtc().addSecs(-3600));
    const IndexReport touched = index();
    EXPECT_EQ(touched.read, 1);
    EXPECT_EQ(touched.indexed, 0);
    EXPECT_EQ(touched.unchanged, 3);
    EXPECT_EQ(index().read, 0);
}

TEST_F(CatalogIndexer, Issue10AChangedFileIsReindexed)
{
    indexTestVolumes();
    QByteArray data = readData(QStringLiteral("frus1961-63v09-d316-d318.xml"));
    const Volume before = load(QStringLiteral("frus1961-63v09-d316-d318.xml"));
    const QByteArray head = "<head>318. Letter From";
    ASSERT_TRUE(data.contains(head));
    data.replace(head, "<head>318. Zanzibarish Letter From");
    write(QStringLiteral("frus1961-63v09-d316-d318.xml"), data);
    const IndexReport changed = index();
    EXPECT_EQ(changed.read, 1);
    EXPECT_EQ(changed.indexed, 1);
    auto catalog = open(DatabaseAccess::Read);
    CatalogQuery query;
    query.text = QStringLiteral("Zanzibarish");
    auto found = catalog->search(query);
    ASSERT_TRUE(found);
    ASSERT_EQ(found->total, 1);
    EXPECT_EQ(found->results[0].id, QStringLiteral("d318"));
    EXPECT_TRUE(found->results[0].title.startsWith(QStringLiteral("Zanzibarish Letter")));
    EXPECT_EQ(documentRows(*catalog, before.id), int(before.documents.size()));
}

TEST_F(CatalogIndexer, Issue10AVanishedFileIsMissingAndComesBack)
{
    indexTestVolumes();
    const QString path = QDir(volumesPath()).filePath(QStringLiteral("frus1894Nicaragua.xml"));
    const QString aside = tempPath(QStringLiteral("aside.xml"));
    ASSERT_TRUE(QFile::rename(path, aside));
    EXPECT_EQ(index().missing, 1);
    {
        auto catalog = open(DatabaseAccess::Read);
        const auto volumes = volumesOf(*catalog);
        ASSERT_TRUE(findVolume(volumes, QStringLiteral("frus1894Nicaragua")));
        EXPECT_EQ(findVolume(volumes, QStringLiteral("frus1894Nicaragua"))->state, State::Missing);
        // Its rows stay (the annotations refer to them), but search does not show them.
        EXPECT_EQ(findVolume(volumes, QStringLiteral("frus1894Nicaragua"))->documents,
                  int(load(QStringLiteral("frus1894Nicaragua.xml")).documents.size()));
        CatalogQuery query;
        query.text = QStringLiteral("Zelaya");
        EXPECT_EQ(catalog->search(query)->total, 0);
        EXPECT_EQ(catalog->status()->missing, 1);
        EXPECT_EQ(catalog->status()->volumes, 2);
    }
    ASSERT_TRUE(QFile::rename(aside, path));
    const IndexReport back = index();
    EXPECT_EQ(back.missing, 0);
    EXPECT_EQ(back.read, 0); // rename keeps size and time: back without reading
    auto catalog = open(DatabaseAccess::Read);
    EXPECT_EQ(findVolume(volumesOf(*catalog), QStringLiteral("frus1894Nicaragua"))->state, State::Indexed);
    CatalogQuery query;
    query.text = QStringLiteral("Zelaya");
    EXPECT_GT(catalog->search(query)->total, 0);
}

TEST_F(CatalogIndexer, Issue10ABrokenFileFailsWithItsLineAndColumnAndTheOthersIndex)
{
    copy(QStringLiteral("frus1934v05.xml"));
    copy(QStringLiteral("frus1961-63v09-d316-d318.xml"));
    QByteArray broken = readData(QStringLiteral("frus1894Nicaragua.xml"));
    broken.truncate(broken.size() / 2);
    const QString brokenPath = write(QStringLiteral("broken.xml"), broken);
    addVolumesFolder();
    const IndexReport report = index();
    EXPECT_EQ(report.indexed, 2);
    EXPECT_EQ(report.failed, 1);
    ASSERT_EQ(report.errors.size(), 1u);
    EXPECT_EQ(report.errors[0].file, brokenPath);
    // The parser's position, apart, and the file named once.
    const Result<Volume> whole = loadVolume(brokenPath);
    ASSERT_FALSE(whole);
    EXPECT_EQ(report.errors[0].line, whole.error().line);
    EXPECT_EQ(report.errors[0].column, whole.error().column);
    EXPECT_GT(report.errors[0].line, 0);
    EXPECT_EQ(report.errors[0].toString().count(brokenPath), 1) << report.errors[0].toString().toStdString();
    auto catalog = open(DatabaseAccess::Read);
    const auto volumes = volumesOf(*catalog);
    ASSERT_EQ(volumes.size(), 3u);
    const CatalogVolumeInfo &failed = volumes.back(); // no id: listed last
    EXPECT_EQ(failed.state, State::Failed);
    EXPECT_TRUE(failed.id.isEmpty());
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^") + QRegularExpression::escape(brokenPath) + QStringLiteral(":\\d+:\\d+: "))
                    .match(failed.error).hasMatch())
        << failed.error.toStdString();
    EXPECT_EQ(catalog->status()->failed, 1);
    EXPECT_EQ(catalog->status()->volumes, 2);
}

TEST_F(CatalogIndexer, Issue10NonTeiFilesAreSkippedQuietly)
{
    copy(QStringLiteral("frus1961-63v09-d316-d318.xml"));
    write(QStringLiteral("page.xml"), "<?xml version=\"1.0\"?>\n<!-- a page -->\n<html><body>Zelaya</body></html>");
    write(QStringLiteral("notes.txt"), "Zelaya");
    write(QStringLiteral("empty.xml"), "");
    copy(QStringLiteral("frus1961-63v09-d317.txt"));
    addVolumesFolder();
    const IndexReport report = index();
    EXPECT_EQ(report.indexed, 1);
    EXPECT_EQ(report.failed, 0);
    EXPECT_TRUE(report.errors.empty());
}

TEST_F(CatalogIndexer, Issue10TwoFilesWithOneVolumeIdTheIndexedOneKeepsIt)
{
    const QString first = copy(QStringLiteral("frus1894Nicaragua.xml"));
    addVolumesFolder();
    ASSERT_EQ(index().indexed, 1);
    const QString second = copy(QStringLiteral("frus1894Nicaragua.xml"), QStringLiteral("a-copy/again.xml"));
    const IndexReport report = index();
    EXPECT_EQ(report.indexed, 0);
    EXPECT_EQ(report.failed, 1);
    ASSERT_EQ(report.errors.size(), 1u);
    EXPECT_TRUE(report.errors[0].message.contains(first)) << report.errors[0].message.toStdString();
    {
        auto catalog = open(DatabaseAccess::Read);
        auto path = catalog->volumePath(QStringLiteral("frus1894Nicaragua"));
        ASSERT_TRUE(path);
        EXPECT_EQ(*path, first);
    }
    // The file that held the id is gone: the copy takes it over.
    ASSERT_TRUE(QFile::remove(first));
    const IndexReport moved = index();
    EXPECT_EQ(moved.indexed, 1);
    auto catalog = open(DatabaseAccess::Read);
    EXPECT_EQ(*catalog->volumePath(QStringLiteral("frus1894Nicaragua")), second);
    const auto volumes = volumesOf(*catalog);
    ASSERT_EQ(volumes.size(), 1u);
    EXPECT_EQ(volumes[0].state, State::Indexed);
}

TEST_F(CatalogIndexer, Issue10ASymlinkLoopIsFollowedOnce)
{
    copy(QStringLiteral("frus1961-63v09-d316-d318.xml"), QStringLiteral("sub/d316.xml"));
    ASSERT_TRUE(QFile::link(volumesPath(), QDir(volumesPath()).filePath(QStringLiteral("sub/loop"))));
    ASSERT_TRUE(QFile::link(QDir(volumesPath()).filePath(QStringLiteral("sub")),
                            QDir(volumesPath()).filePath(QStringLiteral("again"))));
    addVolumesFolder();
    const IndexReport report = index();
    EXPECT_EQ(report.indexed, 1);
    EXPECT_EQ(report.failed, 0);
    auto catalog = open(DatabaseAccess::Read);
    ASSERT_EQ(volumesOf(*catalog).size(), 1u);
}

TEST_F(CatalogIndexer, Issue10AnUnreadableFileIsAFailureWithAMessage)
{
    if (geteuid() == 0)
        GTEST_SKIP() << "root reads any file";
    const QString path = copy(QStringLiteral("frus1961-63v09-d316-d318.xml"));
    copy(QStringLiteral("frus1894Nicaragua.xml"));
    ASSERT_TRUE(QFile::setPermissions(path, QFileDevice::Permissions()));
    addVolumesFolder();
    const IndexReport report = index();
    EXPECT_EQ(report.indexed, 1);
    EXPECT_EQ(report.failed, 1);
    ASSERT_FALSE(report.errors.empty());
    EXPECT_EQ(report.errors[0].file, path);
}

TEST_F(CatalogIndexer, Issue10AVolumeOfAnOlderIndexVersionIsReadAgain)
{
    indexTestVolumes();
    {
        // What an index made by an older version looks like (core/store holds the app's SQL; this is
        // the test standing in for an old file).
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old-version"));
        db.setDatabaseName(libraryPath());
        ASSERT_TRUE(db.open());
        QSqlQuery(db).exec(QStringLiteral("UPDATE volumes SET index_version = 0 WHERE id = 'frus1934v05'"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("old-version"));
    const IndexReport report = index();
    EXPECT_EQ(report.read, 1);
    EXPECT_EQ(report.indexed, 1);
    EXPECT_EQ(index().read, 0);
}

// The full-text index's own tables, row by row, as another SQLite program would read the file (the test
// stands in for one; core/store holds the app's SQL).
QStringList fullTextTables(const QString &path)
{
    QStringList rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fts-tables"));
        db.setDatabaseName(path);
        EXPECT_TRUE(db.open());
        for (const char *table : {"documents_fts_data", "documents_fts_idx", "documents_fts_docsize", "documents_fts_config"}) {
            QSqlQuery query(db);
            EXPECT_TRUE(query.exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1, 2").arg(QLatin1String(table))));
            while (query.next()) {
                QStringList values{QLatin1String(table)};
                for (int i = 0; i < query.record().count(); ++i)
                    values << QString::fromLatin1(query.value(i).toByteArray().toHex());
                rows << values.join(u' ');
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fts-tables"));
    return rows;
}

// The readers tokenize and the writer replays their tokens (store/ftstokens.h): the index must be the one
// FTS5 makes from the text, byte for byte, so that searches, ranks and every other SQLite read it alike.
TEST_F(CatalogIndexer, Issue10TheIndexMadeFromTheReadersTokensIsTheOneMadeFromTheText)
{
    indexTestVolumes();
    const QStringList fromTokens = fullTextTables(libraryPath());
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(libraryPath() + suffix);
    addVolumesFolder();
    IndexOptions options;
    options.tokenizeWhileReading = false;
    ASSERT_EQ(index(options).indexed, 3);
    const QStringList fromText = fullTextTables(libraryPath());
    ASSERT_GT(fromText.size(), 1000);
    EXPECT_EQ(fromTokens.size(), fromText.size());
    EXPECT_TRUE(fromTokens == fromText);
}

// Python's sqlite3 module, an SQLite of its own with FTS5's own porter, finds in the index what the
// library search finds: a rare word, a stemmed one and a phrase.
TEST_F(CatalogIndexer, Issue10AnotherSqliteReadsTheIndexAsTheLibrarySearchDoes)
{
    indexTestVolumes();
    auto catalog = open(DatabaseAccess::Read);
    ASSERT_TRUE(catalog);
    for (const QString &words : {QStringLiteral("Sevier"), QStringLiteral("negotiating"), QStringLiteral("\"Secretary of State\"")}) {
        CatalogQuery query;
        query.text = words;
        query.limit = 0;
        auto found = catalog->search(query);
        ASSERT_TRUE(found) << found.error().toString().toStdString();
        ASSERT_GT(found->total, 0) << words.toStdString();
        QProcess python;
        python.start(QStringLiteral("python3"),
                     {QStringLiteral("-c"),
                      QStringLiteral("import sqlite3, sys\n"
                                     "db = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)\n"
                                     "print(db.execute('SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?', (sys.argv[2],)).fetchone()[0])\n"),
                      libraryPath(), words});
        ASSERT_TRUE(python.waitForFinished(60000));
        ASSERT_EQ(python.exitCode(), 0) << python.readAllStandardError().toStdString();
        EXPECT_EQ(python.readAllStandardOutput().trimmed().toInt(), found->total) << words.toStdString();
    }
}

// Issue 11: list labels joined the reading text and outlines went to format 2, so an index made with
// version 1 reads each volume once more by itself, and then not again (issue 13: version 3, the header).
TEST_F(CatalogIndexer, Issue11AVolumeIndexedWithVersion1IsReadAgainOnce)
{
    ASSERT_EQ(CatalogIndexVersion, 3);
    indexTestVolumes();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("version-1"));
        db.setDatabaseName(libraryPath());
        ASSERT_TRUE(db.open());
        ASSERT_TRUE(QSqlQuery(db).exec(QStringLiteral("UPDATE volumes SET index_version = 1")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("version-1"));
    const IndexReport report = index();
    EXPECT_EQ(report.read, 3);
    EXPECT_EQ(report.indexed, 3);
    EXPECT_EQ(index().read, 0);
}

TEST_F(CatalogIndexer, Issue10ForceReadsEveryFile)
{
    indexTestVolumes();
    IndexOptions options;
    options.force = true;
    const IndexReport report = index(options);
    EXPECT_EQ(report.read, 3);
    EXPECT_EQ(report.indexed, 3);
}

TEST_F(CatalogIndexer, Issue10TheGlossariesOfAVolumeAreIndexed)
{
    // The extract with the glossaries of the whole volume's front matter (two persons and a term).
    QByteArray data = readData(QStringLiteral("frus1961-63v09-d316-d318.xml"));
    const QByteArray front = R"(<front><div type="section" xml:id="persons"><list>
        <item><hi rend="strong"><persName xml:id="p_HLH1">Hodges, Luther H.</persName>,</hi> Secretary of Commerce from January 21, 1961</item>
        <item><hi rend="strong"><persName xml:id="p_RD3">Rusk, Dean</persName>,</hi> Secretary of State</item>
      </list></div><div type="section" xml:id="terms"><list>
        <item><hi rend="strong"><term xml:id="t_NSC1">NSC</term>,</hi> National Security Council</item>
      </list></div></front>)";
    ASSERT_TRUE(data.contains("<body>"));
    data.replace(QByteArray("<body>"), QByteArray(front + "<body>"));
    write(QStringLiteral("glossaries.xml"), data);
    addVolumesFolder();
    ASSERT_EQ(index().indexed, 1);
    auto catalog = open(DatabaseAccess::Read);
    auto persons = catalog->persons(QStringLiteral("frus1961-63v09"));
    ASSERT_TRUE(persons);
    ASSERT_EQ(persons->size(), 2u);
    EXPECT_EQ(persons->at(0).id, QStringLiteral("p_HLH1")); // by name: Hodges before Rusk
    EXPECT_EQ(persons->at(0).name, QStringLiteral("Hodges, Luther H."));
    EXPECT_EQ(persons->at(0).description, QStringLiteral("Secretary of Commerce from January 21, 1961"));
    EXPECT_EQ(persons->at(1).id, QStringLiteral("p_RD3"));
    auto terms = catalog->terms(QStringLiteral("frus1961-63v09"));
    ASSERT_TRUE(terms);
    ASSERT_EQ(terms->size(), 1u);
    EXPECT_EQ(terms->at(0).name, QStringLiteral("NSC"));
    EXPECT_EQ(terms->at(0).description, QStringLiteral("National Security Council"));
    // Re-indexing replaces them rather than adding to them.
    IndexOptions force;
    force.force = true;
    ASSERT_EQ(index(force).indexed, 1);
    EXPECT_EQ(catalog->persons(QStringLiteral("frus1961-63v09"))->size(), 2u);
}

TEST_F(CatalogIndexer, Issue10RemovingAVolumeKeepsItOutOfItsFolder)
{
    indexTestVolumes();
    auto catalog = open();
    auto removed = catalog->remove(QStringLiteral("frus1894Nicaragua"));
    ASSERT_TRUE(removed) << removed.error().toString().toStdString();
    EXPECT_EQ(*removed, 1);
    EXPECT_EQ(catalog->status()->volumes, 2);
    EXPECT_EQ(index().indexed, 0);
    EXPECT_EQ(catalog->status()->volumes, 2);
    EXPECT_FALSE(catalog->remove(QStringLiteral("frus1999nothing")));
    // Adding the file again brings it back.
    ASSERT_TRUE(catalog->addSources({QDir(volumesPath()).filePath(QStringLiteral("frus1894Nicaragua.xml"))}));
    EXPECT_EQ(index().indexed, 1);
    auto folder = catalog->remove(volumesPath());
    ASSERT_TRUE(folder);
    EXPECT_EQ(*folder, 2); // the file added on its own stays
    EXPECT_EQ(catalog->status()->volumes, 1);
}

TEST_F(CatalogIndexer, Issue10ADamagedIndexIsReportedAndCanBeDiscarded)
{
    QFile garbage(libraryPath());
    ASSERT_TRUE(garbage.open(QIODevice::WriteOnly));
    garbage.write(QByteArray(8192, 'x'));
    garbage.close();
    auto opened = Catalog::open(libraryPath(), DatabaseAccess::Write);
    ASSERT_FALSE(opened);
    EXPECT_TRUE(opened.error().message.contains(QStringLiteral("library index"))) << opened.error().toString().toStdString();
    EXPECT_FALSE(indexCatalog(libraryPath(), {}));
    ASSERT_TRUE(Catalog::discard(libraryPath()));
    EXPECT_FALSE(QFile::exists(libraryPath()));
    indexTestVolumes();
}

TEST_F(CatalogIndexer, Issue10ReadingAnIndexThatDoesNotExistShowsAnEmptyLibrary)
{
    auto catalog = open(DatabaseAccess::Read);
    ASSERT_TRUE(catalog);
    EXPECT_EQ(catalog->status()->volumes, 0);
    EXPECT_FALSE(QFile::exists(libraryPath()));
}

} // namespace
} // namespace marginalia::test

// Issue 10: runs of the library indexer that are cancelled, killed, raced or overtaken by an edit leave
// whole volumes only, and the next run finishes the work.
#include "catalogfixture.h"

#include "support/smallfilesystem.h"

#include <QLockFile>
#include <QProcess>

namespace marginalia::test {
namespace {

using State = CatalogVolumeInfo::State;

class CatalogIndexerRuns : public CatalogFixture {
protected:
    QStringList makeCopies(int count)
    {
        QStringList ids;
        for (int i = 1; i <= count; ++i) {
            const QString id = QStringLiteral("frus1934v9%1").arg(i);
            copyWithId(QStringLiteral("frus1934v05.xml"), QStringLiteral("frus1934v05"), id);
            ids << id;
        }
        return ids;
    }
    // Each volume's id, state, counts and hash; and the ids found for two queries.
    QStringList snapshot()
    {
        auto catalog = open(DatabaseAccess::Read);
        QStringList out;
        for (const CatalogVolumeInfo &v : volumesOf(*catalog)) {
            out << QStringLiteral("%1 %2 %3 %4 %5 %6").arg(v.id).arg(int(v.state)).arg(v.documents).arg(v.footnotes)
                       .arg(v.hash).arg(documentRows(*catalog, v.id));
        }
        for (const QString &text : {QStringLiteral("Tegucigalpa"), QStringLiteral("\"most-favored-nation\"")}) {
            CatalogQuery query;
            query.text = text;
            query.limit = 1000;
            auto found = catalog->search(query);
            EXPECT_TRUE(found);
            for (const CatalogHit &hit : found->results)
                out << hit.volume + QLatin1Char('#') + hit.id;
        }
        return out;
    }
};

TEST_F(CatalogIndexerRuns, Issue10ACancelledRunKeepsWholeVolumesAndTheNextRunFinishesIt)
{
    makeCopies(4);
    addVolumesFolder();
    IndexOptions options;
    options.threads = 2;
    auto cancelled = indexCatalog(libraryPath(), options, [](const IndexProgress &p) { return p.volumesDone < 1; });
    ASSERT_TRUE(cancelled) << cancelled.error().toString().toStdString();
    EXPECT_TRUE(cancelled->cancelled);
    EXPECT_EQ(cancelled->indexed, 1);
    {
        auto catalog = open(DatabaseAccess::Read);
        EXPECT_EQ(catalog->status()->volumes, 1);
    }
    const IndexReport resumed = index(options);
    EXPECT_EQ(resumed.indexed, 3);
    EXPECT_EQ(resumed.unchanged, 1);
    const QStringList afterResume = snapshot();

    IndexOptions fresh = options;
    fresh.force = true;
    EXPECT_EQ(index(fresh).indexed, 4);
    EXPECT_EQ(snapshot(), afterResume);
}

TEST_F(CatalogIndexerRuns, Issue10AFileEditedAfterTheRunListedItIsReadAgainNextRun)
{
    const QStringList ids = makeCopies(4);
    addVolumesFolder();
    IndexOptions options;
    options.threads = 1; // reads at most two files ahead of the writer: the last one is read after the edit
    const QString last = QDir(volumesPath()).filePath(ids.last() + QStringLiteral(".xml"));
    bool edited = false;
    auto first = indexCatalog(libraryPath(), options, [&](const IndexProgress &p) {
        if (p.volumesDone == 1 && !edited) {
            edited = true;
            QByteArray data = readData(QStringLiteral("frus1934v05.xml"));
            data.replace("frus1934v05", ids.last().toUtf8());
            data.replace("Tegucigalpa", "Zanzibarish");
            write(ids.last() + QStringLiteral(".xml"), data);
            setMtime(last, QDateTime::currentDateTimeUtc().addSecs(60));
        }
        return true;
    });
    ASSERT_TRUE(first) << first.error().toString().toStdString();
    ASSERT_TRUE(edited);
    EXPECT_EQ(first->indexed, 4);
    {
        auto catalog = open(DatabaseAccess::Read);
        CatalogQuery query;
        query.text = QStringLiteral("Zanzibarish");
        EXPECT_GT(catalog->search(query)->total, 0); // the edit was read
    }
    // The file changed after it was listed: it is read again, found the same, and then left alone.
    const IndexReport second = index(options);
    EXPECT_EQ(second.read, 1);
    EXPECT_EQ(second.indexed, 0);
    EXPECT_EQ(index(options).read, 0);
}

TEST_F(CatalogIndexerRuns, Issue10ProgressCountsVolumesAndBytes)
{
    makeCopies(2);
    addVolumesFolder();
    std::vector<IndexProgress> seen;
    auto report = indexCatalog(libraryPath(), {}, [&](const IndexProgress &p) {
        seen.push_back(p);
        return true;
    });
    ASSERT_TRUE(report);
    ASSERT_FALSE(seen.empty());
    EXPECT_EQ(seen.front().volumesDone, 0);
    EXPECT_EQ(seen.back().volumesDone, 2);
    EXPECT_EQ(seen.back().volumesTotal, 2);
    EXPECT_EQ(seen.back().bytesDone, seen.back().bytesTotal);
    EXPECT_EQ(seen.back().bytesTotal, 2 * QFileInfo(dataPath(QStringLiteral("frus1934v05.xml"))).size());
    EXPECT_FALSE(seen.back().currentFile.isEmpty());
}

TEST_F(CatalogIndexerRuns, Issue10ASecondConcurrentRunFailsWithAClearMessage)
{
    makeCopies(1);
    addVolumesFolder();
    QLockFile lock(libraryPath() + QStringLiteral(".lock"));
    ASSERT_TRUE(lock.tryLock(0));
    EXPECT_TRUE(open(DatabaseAccess::Read)->status()->indexing);
    auto second = indexCatalog(libraryPath(), {});
    ASSERT_FALSE(second);
    EXPECT_TRUE(second.error().message.contains(QStringLiteral("already being indexed")))
        << second.error().toString().toStdString();
    EXPECT_FALSE(Catalog::discard(libraryPath()));
    lock.unlock();
    EXPECT_FALSE(open(DatabaseAccess::Read)->status()->indexing);
    EXPECT_TRUE(indexCatalog(libraryPath(), {}));
}

TEST_F(CatalogIndexerRuns, Issue10KillDuringIndexingLeavesNoHalfVolumeAndTheNextRunResumes)
{
    const QStringList ids = makeCopies(5);
    addVolumesFolder();
    QProcess child;
    child.setProgram(QStringLiteral(MARGINALIA_CATALOG_INDEXER));
    child.setArguments({libraryPath()});
    child.start();
    ASSERT_TRUE(child.waitForStarted());
    QByteArray out;
    while (!out.contains("committed 1\n")) {
        ASSERT_TRUE(child.waitForReadyRead(60000)) << out.toStdString() << child.readAllStandardError().toStdString();
        out += child.readAllStandardOutput();
    }
    child.kill(); // SIGKILL, mid-way through the next volume
    ASSERT_TRUE(child.waitForFinished());
    {
        auto catalog = open(DatabaseAccess::Read);
        const auto volumes = volumesOf(*catalog);
        ASSERT_GE(volumes.size(), 1u);
        ASSERT_LT(volumes.size(), 5u) << "the child finished before it was killed";
        for (const CatalogVolumeInfo &v : volumes) {
            EXPECT_EQ(v.state, State::Indexed);
            EXPECT_EQ(documentRows(*catalog, v.id), v.documents) << v.id.toStdString();
        }
    }
    const IndexReport resumed = index();
    auto catalog = open(DatabaseAccess::Read);
    const auto volumes = volumesOf(*catalog);
    ASSERT_EQ(volumes.size(), 5u);
    EXPECT_EQ(resumed.indexed + resumed.unchanged, 5);
    EXPECT_GE(resumed.unchanged, 1);
    for (const CatalogVolumeInfo &v : volumes)
        EXPECT_EQ(documentRows(*catalog, v.id), v.documents) << v.id.toStdString();
}

TEST_F(CatalogIndexerRuns, Issue10AFullDiskStopsTheRunWithAMessageAndLeavesWholeVolumes)
{
    const test::SmallFileSystem disk(3 * 1024 * 1024);
    if (!disk.available())
        GTEST_SKIP() << "cannot mount a tmpfs: " << disk.whyUnavailable().toStdString();
    makeCopies(4); // an index of about 2 MB each
    const QString library = disk.filePath(QStringLiteral("library.sqlite"));
    {
        auto catalog = Catalog::open(library, DatabaseAccess::Write);
        ASSERT_TRUE(catalog) << catalog.error().toString().toStdString();
        ASSERT_TRUE((*catalog)->addSources({volumesPath()}));
    }
    auto full = indexCatalog(library, {});
    ASSERT_FALSE(full) << "the disk never filled";
    EXPECT_TRUE(full.error().message.startsWith(QStringLiteral("the disk is full"))) << full.error().toString().toStdString();
    // What was committed is whole, and the index still opens.
    auto catalog = Catalog::open(library, DatabaseAccess::Read);
    ASSERT_TRUE(catalog) << catalog.error().toString().toStdString();
    const auto volumes = volumesOf(**catalog);
    EXPECT_LT(volumes.size(), 4u);
    for (const CatalogVolumeInfo &v : volumes) {
        EXPECT_EQ(v.state, State::Indexed);
        EXPECT_EQ(documentRows(**catalog, v.id), v.documents) << v.id.toStdString();
    }
}

} // namespace
} // namespace marginalia::test

// Issue 10: the indexer as a BackgroundJob: off the calling thread, with progress, cancellable.
#include "catalogfixture.h"

#include "catalog/catalogindexjob.h"

#include <QSignalSpy>
#include <QThread>

namespace marginalia::test {
namespace {

class CatalogIndexJobTest : public CatalogFixture {};

TEST_F(CatalogIndexJobTest, Issue10IndexesOffTheCallingThreadWithProgress)
{
    copy(QStringLiteral("frus1934v05.xml"));
    copy(QStringLiteral("frus1961-63v09-d316-d318.xml"));
    addVolumesFolder();
    CatalogIndexJob job;
    QSignalSpy progress(&job, &CatalogIndexJob::progress);
    QSignalSpy finished(&job, &CatalogIndexJob::finished);
    QSignalSpy failed(&job, &CatalogIndexJob::failed);
    job.start(libraryPath());
    EXPECT_TRUE(job.isRunning());
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_TRUE(failed.isEmpty());
    EXPECT_FALSE(job.isRunning());
    const auto report = finished.front().front().value<IndexReport>();
    EXPECT_EQ(report.indexed, 2);
    EXPECT_FALSE(report.cancelled);
    ASSERT_FALSE(progress.isEmpty());
    const auto last = progress.back().front().value<IndexProgress>();
    EXPECT_EQ(last.volumesTotal, 2);
    EXPECT_EQ(open(DatabaseAccess::Read)->status()->volumes, 2);
}

TEST_F(CatalogIndexJobTest, Issue10ACancelledJobKeepsWhatItCommitted)
{
    for (int i = 1; i <= 4; ++i)
        copyWithId(QStringLiteral("frus1934v05.xml"), QStringLiteral("frus1934v05"), QStringLiteral("frus1934v8%1").arg(i));
    addVolumesFolder();
    CatalogIndexJob job;
    QSignalSpy finished(&job, &CatalogIndexJob::finished);
    IndexOptions options;
    options.threads = 1;
    QObject::connect(&job, &CatalogIndexJob::progress, &job, [&](const IndexProgress &p) {
        if (p.volumesDone >= 1)
            job.cancel();
    });
    job.start(libraryPath(), options);
    ASSERT_TRUE(finished.wait(60000));
    const auto report = finished.front().front().value<IndexReport>();
    EXPECT_TRUE(report.cancelled);
    const int committed = open(DatabaseAccess::Read)->status()->volumes;
    EXPECT_GE(committed, 1);
    EXPECT_LT(committed, 4);
    EXPECT_EQ(index().indexed, 4 - committed);
}

TEST_F(CatalogIndexJobTest, Issue10StartingAgainWhileRunningRestartsTheRun)
{
    for (int i = 1; i <= 3; ++i)
        copyWithId(QStringLiteral("frus1934v05.xml"), QStringLiteral("frus1934v05"), QStringLiteral("frus1934v7%1").arg(i));
    addVolumesFolder();
    CatalogIndexJob job;
    QSignalSpy finished(&job, &CatalogIndexJob::finished);
    QSignalSpy failed(&job, &CatalogIndexJob::failed);
    job.start(libraryPath());
    QThread::msleep(50);
    job.start(libraryPath());
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_TRUE(failed.isEmpty()) << failed.front().front().value<Error>().toString().toStdString();
    ASSERT_EQ(finished.size(), 1);
    EXPECT_FALSE(finished.front().front().value<IndexReport>().cancelled);
    EXPECT_EQ(open(DatabaseAccess::Read)->status()->volumes, 3);
}

TEST_F(CatalogIndexJobTest, Issue10AnIndexThatCannotBeOpenedFailsTheJob)
{
    QFile garbage(libraryPath());
    ASSERT_TRUE(garbage.open(QIODevice::WriteOnly));
    garbage.write(QByteArray(8192, 'x'));
    garbage.close();
    CatalogIndexJob job;
    QSignalSpy failed(&job, &CatalogIndexJob::failed);
    job.start(libraryPath());
    ASSERT_TRUE(failed.wait(60000));
    EXPECT_EQ(failed.front().front().value<Error>().file, libraryPath());
}

} // namespace
} // namespace marginalia::test

#include "search/librarysearchjob.h"

#include "library/openlibrary.h"
#include "models/searchresultsmodel.h"
#include "parse/volumeloader.h"

#include "support/testdata.h"

#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

// FRUS 1934 vol. V, the whole volume, open as the window holds it; the model fed by the job as the
// window wires them.
class LibrarySearchJobTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        Result<Volume> volume = loadVolume(test::dataPath(QStringLiteral("frus1934v05.xml")));
        ASSERT_TRUE(volume) << volume.error().toString().toStdString();
        m_library.add(std::make_shared<const Volume>(std::move(volume).value()));
        QObject::connect(&m_job, &LibrarySearchJob::resultsReady, &m_model, &SearchResultsModel::setResults);
    }
    void TearDown() override
    {
        ASSERT_TRUE(QThreadPool::globalInstance()->waitForDone(60000));
        QTest::qWait(50);
    }

    OpenLibrary m_library;
    SearchResultsModel m_model{&m_library};
    LibrarySearchJob m_job{&m_library, nullptr};
};

TEST_F(LibrarySearchJobTest, ResultsArriveThroughTheEventLoopAndMatchTheSearchItself)
{
    QSignalSpy reset(&m_model, &QAbstractItemModel::modelReset);
    m_job.search(QStringLiteral("Montevideo"), {});
    EXPECT_EQ(reset.count(), 0); // the search runs on a worker thread
    ASSERT_TRUE(reset.wait(30000));
    const std::vector<SearchHit> expected = searchLibrary(m_library.library(), QStringLiteral("Montevideo"));
    ASSERT_GT(expected.size(), 10u);
    ASSERT_EQ(m_model.rowCount(), int(expected.size()));
    EXPECT_EQ(m_model.query(), QStringLiteral("Montevideo"));
    const QModelIndex last = m_model.index(m_model.rowCount() - 1);
    EXPECT_EQ(last.data(SearchResultsModel::DocumentRole).toInt(), expected.back().document);
    EXPECT_EQ(last.data(SearchResultsModel::OffsetRole).toInt(), expected.back().readingOffset);
}

// The user types on while a broad search runs: each new query supersedes the one before, and only the
// newest query's results ever reach the model.
TEST_F(LibrarySearchJobTest, ANewQueryCancelsTheOldOneAndOnlyTheNewestResultsReachTheModel)
{
    QSignalSpy ready(&m_job, &LibrarySearchJob::resultsReady);
    QSignalSpy reset(&m_model, &QAbstractItemModel::modelReset);
    SearchOptions broad;
    broad.maxHits = 1000000; // every "the" of the volume: long enough to be overtaken
    m_job.search(QStringLiteral("the"), broad);
    m_job.search(QStringLiteral("of"), broad);
    m_job.search(QStringLiteral("Trujillo"), {});
    ASSERT_TRUE(reset.wait(60000));
    ASSERT_TRUE(QThreadPool::globalInstance()->waitForDone(60000));
    QTest::qWait(100); // anything the superseded searches could still post would arrive now
    EXPECT_EQ(ready.count(), 1);
    EXPECT_EQ(reset.count(), 1);
    EXPECT_EQ(m_model.query(), QStringLiteral("Trujillo"));
    EXPECT_EQ(m_model.rowCount(), int(searchLibrary(m_library.library(), QStringLiteral("Trujillo")).size()));
    EXPECT_GT(m_model.rowCount(), 0);
    EXPECT_FALSE(m_job.isRunning());
}

TEST_F(LibrarySearchJobTest, AnEmptyQueryClearsTheResultsOfTheOneBefore)
{
    QSignalSpy reset(&m_model, &QAbstractItemModel::modelReset);
    m_job.search(QStringLiteral("Trujillo"), {});
    ASSERT_TRUE(reset.wait(30000));
    ASSERT_GT(m_model.rowCount(), 0);
    m_job.search(QStringLiteral("  "), {});
    ASSERT_TRUE(reset.wait(30000));
    EXPECT_EQ(m_model.rowCount(), 0);
}

TEST_F(LibrarySearchJobTest, DestroyingTheSearchMidRunDeliversNothing)
{
    QSignalSpy reset(&m_model, &QAbstractItemModel::modelReset);
    SearchOptions broad;
    broad.maxHits = 1000000;
    {
        LibrarySearchJob job(&m_library, nullptr);
        QObject::connect(&job, &LibrarySearchJob::resultsReady, &m_model, &SearchResultsModel::setResults);
        job.search(QStringLiteral("the"), broad);
    }
    ASSERT_TRUE(QThreadPool::globalInstance()->waitForDone(60000));
    QTest::qWait(100);
    EXPECT_EQ(reset.count(), 0);
}

} // namespace
} // namespace marginalia

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

// Reopening a changed file replaces its volume in place: the rows on show go at once (they may point at
// documents that are gone) and the last query runs again on the volume as it is now.
TEST_F(LibrarySearchJobTest, AReopenedVolumeIsSearchedAgainAndNoRowPointsIntoTheOldOne)
{
    QSignalSpy ready(&m_job, &LibrarySearchJob::resultsReady);
    m_job.search(QStringLiteral("Trujillo"), {});
    ASSERT_TRUE(ready.wait(30000));
    ASSERT_GT(m_model.rowCount(), 0);

    // The same file (source path and volume id) now holding only its first document.
    Volume shorter = m_library.library().volume(0);
    shorter.documents.resize(1);
    const int hitsInFirst = int(searchLibrary([&] {
                                    Library one;
                                    one.add(std::make_shared<const Volume>(shorter));
                                    return one;
                                }(),
                                QStringLiteral("Trujillo"))
                                    .size());
    m_library.add(std::make_shared<const Volume>(std::move(shorter)));
    EXPECT_EQ(m_model.rowCount(), 0); // at once, before the new search has run
    for (int row = 0; row < m_model.rowCount(); ++row)
        EXPECT_FALSE(m_model.index(row).data(Qt::DisplayRole).toString().isEmpty());
    ASSERT_TRUE(ready.wait(30000));
    EXPECT_EQ(m_model.query(), QStringLiteral("Trujillo"));
    EXPECT_EQ(m_model.rowCount(), hitsInFirst);
    for (int row = 0; row < m_model.rowCount(); ++row)
        EXPECT_EQ(m_model.index(row).data(SearchResultsModel::DocumentRole).toInt(), 0);
}

// Hits that point past the library (a volume of fewer documents) show nothing rather than throw.
TEST_F(LibrarySearchJobTest, AHitPastTheLibraryShowsAnEmptyRowInsteadOfThrowing)
{
    SearchHit stale;
    stale.volume = 0;
    stale.document = 100000;
    SearchHit noVolume = stale;
    noVolume.volume = 7;
    m_model.setResults(LibrarySearchResults{QStringLiteral("x"), {}, {stale, noVolume}});
    ASSERT_EQ(m_model.rowCount(), 2);
    for (int row = 0; row < 2; ++row) {
        EXPECT_NO_THROW(m_model.index(row).data(Qt::DisplayRole));
        EXPECT_TRUE(m_model.index(row).data(Qt::ToolTipRole).toString().isEmpty());
    }
}

} // namespace
} // namespace marginalia

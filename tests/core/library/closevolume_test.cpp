// Issue 12 (14): a volume can be closed. The library, its tree, the search hits and the navigation
// history all let it go through OpenLibrary's signals, on real volumes.
#include "library/openlibrary.h"
#include "models/librarymodel.h"
#include "navigation/navigator.h"

#include "core/models/modeltestwarnings.h"
#include "core/models/sharedvolume.h"
#include "support/testdata.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

// The extract (Docs 316–318), the 1934 volume and the text copy of Doc 317, in that order.
class CloseVolume : public ::testing::Test {
protected:
    CloseVolume()
    {
        static const std::shared_ptr<const Volume> extract = test::sharedVolume(QStringLiteral("frus1961-63v09-d316-d318.xml"));
        static const std::shared_ptr<const Volume> v1934 = test::sharedVolume(QStringLiteral("frus1934v05.xml"));
        static const std::shared_ptr<const Volume> copy = test::sharedVolume(QStringLiteral("frus1961-63v09-d317.txt"));
        for (const auto &volume : {extract, v1934, copy}) {
            if (volume)
                m_library.add(volume);
        }
    }

    QStringList volumeRows() const
    {
        QStringList rows;
        for (int row = 0; row < m_model.rowCount(); ++row)
            rows << m_model.index(row, 0).data().toString();
        return rows;
    }

    ReaderPosition at(int volume, int document) const { return {volume, document, 0}; }

    test::ModelTestWarnings m_warnings;
    OpenLibrary m_library;
    Navigator m_navigator{&m_library};
    LibraryModel m_model{&m_library};
    QAbstractItemModelTester m_tester{&m_model, QAbstractItemModelTester::FailureReportingMode::Warning};
};

TEST_F(CloseVolume, TheVolumeLeavesTheLibraryAndItsTreeAndTheRestMoveUp)
{
    ASSERT_EQ(m_library.library().size(), 3);
    const QString copyRow = volumeRows().at(2);
    QSignalSpy removed(&m_library, &OpenLibrary::volumeRemoved);
    QSignalSpy closed(&m_library, &OpenLibrary::volumeClosed);

    ASSERT_TRUE(m_library.close(1)); // the 1934 volume
    EXPECT_EQ(m_library.library().size(), 2);
    EXPECT_EQ(m_library.library().volume(0).id, QStringLiteral("frus1961-63v09"));
    EXPECT_EQ(m_library.library().volume(1).format, SourceFormat::TextCopy);
    ASSERT_EQ(removed.count(), 1);
    EXPECT_EQ(removed.front().front().toInt(), 1);
    ASSERT_EQ(closed.count(), 1);
    EXPECT_EQ(volumeRows(), QStringList({QStringLiteral("FRUS 1961–63, vol. IX"), copyRow}));
    // The text copy's rows now say it is volume 1, and lead to its document there.
    const QModelIndex copyDoc = m_model.indexOfDocument(1, 0);
    ASSERT_TRUE(copyDoc.isValid());
    EXPECT_EQ(copyDoc.data(LibraryModel::VolumeRole).toInt(), 1);
    EXPECT_EQ(copyDoc.data(LibraryModel::DocumentIdRole).toString(), QStringLiteral("d317"));
    EXPECT_FALSE(m_model.indexOfDocument(2, 0).isValid());
    // The text copy finds its home in the extract still.
    EXPECT_EQ(m_library.library().homeVolume(1), 0);

    EXPECT_FALSE(m_library.close(2));
    EXPECT_FALSE(m_library.close(-1));
    EXPECT_EQ(removed.count(), 1);
    EXPECT_TRUE(m_warnings.messages().isEmpty()) << qPrintable(m_warnings.messages().join(u'\n'));
}

TEST_F(CloseVolume, ClosingTheVolumeOnScreenGoesBackInTheHistoryWithoutItsSteps)
{
    QSignalSpy changed(&m_navigator, &Navigator::currentChanged);
    m_navigator.openDocument(0, 0); // Doc 316
    m_navigator.openDocument(1, 3);
    m_navigator.openDocument(0, 1); // Doc 317
    m_navigator.openDocument(1, 5);
    m_navigator.openDocument(2, 0); // the text copy
    m_navigator.back();             // (1, 5), the 1934 volume on screen
    changed.clear();

    ASSERT_TRUE(m_library.close(1));
    ASSERT_EQ(changed.count(), 1);
    // Its steps went; Doc 317 was the step before, and the copy (now volume 1) the one after.
    EXPECT_EQ(m_navigator.current(), at(0, 1));
    EXPECT_EQ(changed.front().front().value<ReaderPosition>(), at(0, 1));
    ASSERT_TRUE(m_navigator.canGoForward());
    m_navigator.forward();
    EXPECT_EQ(m_navigator.current(), at(1, 0));
    m_navigator.back();
    m_navigator.back();
    EXPECT_EQ(m_navigator.current(), at(0, 0)); // Doc 316: the steps into 1934 between them are gone
    EXPECT_FALSE(m_navigator.canGoBack());
    EXPECT_TRUE(m_warnings.messages().isEmpty()) << qPrintable(m_warnings.messages().join(u'\n'));
}

TEST_F(CloseVolume, AVolumeBeforeTheOneOnScreenLeavesItOnScreenUnderItsNewIndex)
{
    m_navigator.openDocument(1, 2);
    QSignalSpy changed(&m_navigator, &Navigator::currentChanged);
    QSignalSpy history(&m_navigator, &Navigator::historyChanged);
    const QString shownId = m_library.library().volume(1).documents[2].id;

    ASSERT_TRUE(m_library.close(0));
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(m_navigator.current(), at(0, 2));
    EXPECT_EQ(m_library.library().volume(0).documents[2].id, shownId);
    EXPECT_EQ(history.count(), 1);

    changed.clear();
    ASSERT_TRUE(m_library.close(1)); // after the one on screen: nothing moves
    EXPECT_EQ(changed.count(), 0);
    EXPECT_EQ(m_navigator.current(), at(0, 2));
}

TEST_F(CloseVolume, WithoutHistoryLeftTheReaderMovesToTheVolumeInItsPlaceThenToNothing)
{
    m_navigator.openDocument(1, 4);
    QSignalSpy changed(&m_navigator, &Navigator::currentChanged);

    ASSERT_TRUE(m_library.close(1));
    EXPECT_EQ(m_navigator.current(), at(1, 0)); // the text copy, now in its place
    ASSERT_TRUE(m_library.close(1));
    EXPECT_EQ(m_navigator.current(), at(0, 0)); // the last volume is gone: the one before
    ASSERT_TRUE(m_library.close(0));
    EXPECT_FALSE(m_navigator.current().valid());
    ASSERT_EQ(changed.count(), 3);
    EXPECT_FALSE(changed.back().front().value<ReaderPosition>().valid()); // an empty reader
    EXPECT_FALSE(m_navigator.canGoBack());
    EXPECT_FALSE(m_navigator.canGoForward());
    EXPECT_EQ(m_model.rowCount(), 0);
    EXPECT_TRUE(m_warnings.messages().isEmpty()) << qPrintable(m_warnings.messages().join(u'\n'));
}

TEST(HistoryRemoveVolume, StepsThatMeetBecomeOneAndLaterVolumesFollow)
{
    History history;
    history.visit({0, 1, 0});
    history.visit({1, 0, 0});
    history.visit({0, 1, 0});
    history.visit({2, 3, 0});
    EXPECT_FALSE(history.removeVolume(1));
    EXPECT_EQ(history.size(), 2); // (0,1) twice in a row is one step
    EXPECT_EQ(history.current(), (ReaderPosition{1, 3, 0}));
    EXPECT_EQ(history.back(), (ReaderPosition{0, 1, 0}));
    EXPECT_FALSE(history.canGoBack());
    EXPECT_TRUE(history.removeVolume(0));
    EXPECT_EQ(history.current(), (ReaderPosition{0, 3, 0})); // none before: the next one
    EXPECT_TRUE(history.removeVolume(0));
    EXPECT_FALSE(history.current().valid());
    EXPECT_EQ(history.size(), 0);
}

} // namespace
} // namespace marginalia

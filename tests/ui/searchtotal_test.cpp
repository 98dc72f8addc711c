// Issue 12 (6): the search pane shows the true total, says when its list is cut, names each hit's volume
// (two volumes each have a "Doc. 1"), and groups the hits by volume and document.
#include "readerfixture.h"

#include "models/searchhitgroupsmodel.h"
#include "searchpane.h"
#include "support/testdata.h"

#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include <climits>

using namespace marginalia;
using namespace marginalia::test;

namespace {

class SearchTotal : public ReaderFixture {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(open({dataPath(QStringLiteral("frus1934v05.xml")), dataPath(QStringLiteral("frus1894Nicaragua.xml"))}));
    }

    // Types the query into the pane, as the user does after Ctrl+Shift+F, and waits for its results.
    void search(const QString &query)
    {
        QSignalSpy reset(&m_searchResults, &QAbstractItemModel::modelReset);
        QTest::keyClick(&m_window, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        auto *box = m_window.searchPane()->findChild<QLineEdit *>();
        ASSERT_TRUE(box->hasFocus());
        QTest::keyClicks(box, query);
        QTest::keyClick(box, Qt::Key_Return);
        ASSERT_TRUE(reset.wait(60000));
        ASSERT_EQ(m_searchResults.query(), query);
    }

    QString summary() { return m_window.searchPane()->summary()->text(); }

    // How many passages match when nothing is cut: the search asked for every hit.
    int uncutCount(const QString &query)
    {
        SearchOptions all;
        all.maxHits = INT_MAX;
        return int(marginalia::searchLibrary(m_library.library(), query, all).size());
    }
};

TEST_F(SearchTotal, Issue12ACutListSaysSoAndGivesTheTrueTotal)
{
    search(QStringLiteral("the"));
    const int total = uncutCount(QStringLiteral("the"));
    ASSERT_GT(total, 2000);
    EXPECT_EQ(m_searchResults.textRowCount(), 2000);
    EXPECT_EQ(m_searchResults.totalTextHits(), total);
    EXPECT_EQ(summary().toStdString(),
              QStringLiteral("Showing the first 2,000 of %1 passages").arg(QLocale().toString(total)).toStdString());
    saveScreenshot(QStringLiteral("issue12-search-cut"));
}

TEST_F(SearchTotal, Issue12AListNotCutSaysOnlyTheTotal)
{
    search(QStringLiteral("January"));
    const int total = uncutCount(QStringLiteral("January"));
    ASSERT_GT(total, 0);
    ASSERT_LT(total, 2000);
    EXPECT_EQ(m_searchResults.textRowCount(), total);
    EXPECT_EQ(summary().toStdString(), QStringLiteral("%1 passages").arg(QLocale().toString(total)).toStdString());
}

TEST_F(SearchTotal, Issue12HitsNameTheirVolumeAndAreGroupedByVolumeAndDocument)
{
    search(QStringLiteral("January"));
    // Each volume's Document 1 has hits; each says which volume it is in.
    QStringList places;
    for (int row = 0; row < m_searchResults.rowCount(); ++row) {
        const QModelIndex hit = m_searchResults.index(row, 0);
        if (hit.data(SearchResultsModel::DocumentRole).toInt() == 0)
            places << hit.data().toString().section(QStringLiteral(" — "), 0, 0);
    }
    places.removeDuplicates();
    EXPECT_TRUE(places.contains(QStringLiteral("FRUS 1934, vol. V, Doc. 1"))) << places.join(u'|').toStdString();
    EXPECT_TRUE(places.contains(QStringLiteral("FRUS 1894, Nicaragua, Doc. 1"))) << places.join(u'|').toStdString();

    // The pane's tree: a volume, its documents, their hits; the counts add up to the list.
    QTreeView *view = m_window.searchPane()->resultsView();
    QAbstractItemModel *groups = view->model();
    ASSERT_EQ(groups->rowCount(), 2);
    EXPECT_TRUE(groups->index(0, 0).data().toString().startsWith(QStringLiteral("FRUS 1934, vol. V — ")));
    EXPECT_TRUE(groups->index(1, 0).data().toString().startsWith(QStringLiteral("FRUS 1894, Nicaragua — ")));
    int hits = 0;
    for (int v = 0; v < groups->rowCount(); ++v) {
        const QModelIndex volume = groups->index(v, 0);
        int inVolume = 0;
        for (int d = 0; d < groups->rowCount(volume); ++d) {
            const QModelIndex document = groups->index(d, 0, volume);
            EXPECT_TRUE(document.data(SearchHitGroupsModel::IsGroupRole).toBool());
            const int n = groups->rowCount(document);
            EXPECT_EQ(document.data(SearchHitGroupsModel::HitCountRole).toInt(), n);
            for (int h = 0; h < n; ++h) {
                const QModelIndex hit = groups->index(h, 0, document);
                const QModelIndex source = m_searchResults.index(hit.data(SearchHitGroupsModel::SourceRowRole).toInt(), 0);
                EXPECT_EQ(source.data(SearchResultsModel::VolumeRole).toInt(), v);
            }
            inVolume += n;
        }
        EXPECT_EQ(volume.data(SearchHitGroupsModel::HitCountRole).toInt(), inVolume);
        hits += inVolume;
    }
    EXPECT_EQ(hits, m_searchResults.rowCount());

    // A hit clicked in the tree opens its place.
    const QModelIndex nicaragua = groups->index(1, 0);
    const QModelIndex firstDocument = groups->index(0, 0, nicaragua);
    const QModelIndex firstHit = groups->index(0, 0, firstDocument);
    view->scrollTo(firstHit);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(firstHit).center());
    EXPECT_EQ(currentVolumeId().toStdString(), "frus1894Nicaragua");
    saveScreenshot(QStringLiteral("issue12-search-groups"));
}

} // namespace

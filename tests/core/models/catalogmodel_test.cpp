#include "catalog/catalogvolumes.h"
#include "catalog/lazyvolume.h"
#include "models/catalogmodel.h"

#include "../catalog/catalogfixture.h"
#include "modeltestwarnings.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QSignalSpy>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

using State = CatalogVolumeInfo::State;

using test::ModelTestWarnings;

class CatalogModelTest : public test::CatalogFixture {
protected:
    // The library index as it stands, opened and shown through its volume cache as the window's tree.
    void showCatalog()
    {
        m_catalog = open();
        ASSERT_TRUE(m_catalog);
        m_volumes = std::make_unique<CatalogVolumes>(m_catalog.get());
        m_model = std::make_unique<CatalogModel>(m_volumes.get());
    }
    void expectNoModelTestWarnings() const
    {
        EXPECT_TRUE(m_warnings.messages().isEmpty()) << m_warnings.messages().join(QLatin1Char('\n')).toStdString();
    }

    // Every document row under `parent`, depth first, as the tree shows them.
    static void collectDocuments(const QAbstractItemModel &model, const QModelIndex &parent, std::vector<QModelIndex> &out)
    {
        for (int row = 0; row < model.rowCount(parent); ++row) {
            const QModelIndex child = model.index(row, 0, parent);
            if (child.data(CatalogModel::KindRole).toInt() == CatalogModel::DocumentNode)
                out.push_back(child);
            collectDocuments(model, child, out);
        }
    }

    ModelTestWarnings m_warnings; // from the start of each test, before any model
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<CatalogVolumes> m_volumes;
    std::unique_ptr<CatalogModel> m_model;
};

TEST_F(CatalogModelTest, Issue10ListsTheVolumesOfTheIndexWithoutDecodingAnyOutline)
{
    indexTestVolumes();
    ASSERT_NO_FATAL_FAILURE(showCatalog());
    CatalogModel &model = *m_model;

    ASSERT_EQ(model.rowCount(), 3);
    const QStringList ids{QStringLiteral("frus1894Nicaragua"), QStringLiteral("frus1934v05"), QStringLiteral("frus1961-63v09")};
    for (int row = 0; row < 3; ++row) {
        const QModelIndex volume = model.index(row, 0);
        EXPECT_EQ(volume.data(CatalogModel::VolumeIdRole).toString(), ids[row]);
        EXPECT_EQ(volume.data(CatalogModel::StateRole).toInt(), int(State::Indexed));
        EXPECT_TRUE(model.hasChildren(volume));
        EXPECT_EQ(model.rowCount(volume), 0); // nothing until expanded
        EXPECT_TRUE(model.canFetchMore(volume));
        EXPECT_FALSE(model.isFetched(ids[row]));
    }
    EXPECT_EQ(model.index(1, 0).data().toString(), QStringLiteral("FRUS 1934, vol. V"));
    EXPECT_EQ(model.index(1, 1).data().toString(), QStringLiteral("639 document(s)"));
    EXPECT_TRUE(model.index(1, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("frus1934v05.xml")));
    // The tester walks (and so fetches) everything: after the checks of laziness above.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    expectNoModelTestWarnings();
}

TEST_F(CatalogModelTest, Issue10AnExpandedVolumeShowsItsChaptersAndDocumentsAsTheWholeVolumeHasThem)
{
    indexTestVolumes();
    ASSERT_NO_FATAL_FAILURE(showCatalog());
    CatalogModel &model = *m_model;

    const QString id = QStringLiteral("frus1934v05");
    const QModelIndex volume = model.indexOfVolume(id);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.fetchMore(volume);
    EXPECT_EQ(inserted.count(), 1);
    EXPECT_TRUE(model.isFetched(id));
    EXPECT_FALSE(model.isFetched(QStringLiteral("frus1894Nicaragua")));
    EXPECT_FALSE(model.canFetchMore(volume));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);

    // Chapters first: the whole volume's first division holding documents ("Chile:" as LibraryModel shows it).
    const QModelIndex chile = model.index(0, 0, volume);
    EXPECT_EQ(chile.data(CatalogModel::KindRole).toInt(), CatalogModel::DivisionNode);
    EXPECT_EQ(chile.data().toString(), QStringLiteral("Chile:"));

    const Volume whole = load(QStringLiteral("frus1934v05.xml"));
    std::vector<QModelIndex> documents;
    collectDocuments(model, volume, documents);
    ASSERT_EQ(documents.size(), whole.documents.size());
    std::vector<bool> seen(whole.documents.size(), false);
    for (const QModelIndex &row : documents) {
        const int d = row.data(CatalogModel::DocumentRole).toInt();
        ASSERT_GE(d, 0);
        ASSERT_LT(std::size_t(d), whole.documents.size());
        seen[std::size_t(d)] = true;
        const Document &doc = whole.documents[std::size_t(d)];
        EXPECT_EQ(row.data(CatalogModel::DocumentIdRole).toString(), doc.id);
        EXPECT_EQ(row.data(CatalogModel::VolumeIdRole).toString(), id);
        const QString expected = doc.number.isEmpty() ? doc.title : doc.number + QStringLiteral(". ") + doc.title;
        EXPECT_EQ(row.data().toString(), expected);
        EXPECT_EQ(row.siblingAtColumn(1).data().toString(), doc.date.left(10));
    }
    EXPECT_EQ(std::count(seen.begin(), seen.end(), true), std::ptrdiff_t(whole.documents.size()));
    EXPECT_EQ(model.indexOfDocument(id, QStringLiteral("d316")).data(CatalogModel::DocumentIdRole).toString(),
              QStringLiteral("d316"));
    expectNoModelTestWarnings();
}

TEST_F(CatalogModelTest, Issue10MissingAndFailedVolumesAreShownAsSuchWithNothingToExpand)
{
    copy(QStringLiteral("frus1961-63v09-d316-d318.xml"));
    const QString nicaragua = copy(QStringLiteral("frus1894Nicaragua.xml"));
    QByteArray broken = test::readData(QStringLiteral("frus1934v05.xml"));
    broken.truncate(broken.size() / 3);
    const QString brokenPath = write(QStringLiteral("broken.xml"), broken);
    addVolumesFolder();
    index();
    ASSERT_TRUE(QFile::remove(nicaragua));
    index();

    ASSERT_NO_FATAL_FAILURE(showCatalog());
    CatalogModel &model = *m_model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    ASSERT_EQ(model.rowCount(), 3);

    const QModelIndex missing = model.indexOfVolume(QStringLiteral("frus1894Nicaragua"));
    EXPECT_EQ(missing.data(CatalogModel::StateRole).toInt(), int(State::Missing));
    EXPECT_EQ(missing.siblingAtColumn(1).data().toString(), QStringLiteral("missing"));
    EXPECT_FALSE(model.hasChildren(missing));
    EXPECT_FALSE(model.canFetchMore(missing));

    const QModelIndex failed = model.index(2, 0); // no id: listed last
    EXPECT_EQ(failed.data(CatalogModel::StateRole).toInt(), int(State::Failed));
    EXPECT_EQ(failed.data().toString(), QStringLiteral("broken.xml"));
    EXPECT_EQ(failed.siblingAtColumn(1).data().toString(), QStringLiteral("failed"));
    EXPECT_FALSE(model.hasChildren(failed));
    EXPECT_TRUE(QRegularExpression(QRegularExpression::escape(brokenPath) + QStringLiteral(":\\d+:\\d+: "))
                    .match(failed.data(Qt::ToolTipRole).toString())
                    .hasMatch())
        << failed.data(Qt::ToolTipRole).toString().toStdString();
    expectNoModelTestWarnings();
}

TEST_F(CatalogModelTest, Issue10ReloadInsertsNewVolumesInPlaceAndKeepsTheDecodedOutlines)
{
    copy(QStringLiteral("frus1961-63v09-d316-d318.xml"));
    addVolumesFolder();
    index();
    ASSERT_NO_FATAL_FAILURE(showCatalog());
    CatalogModel &model = *m_model;
    ASSERT_EQ(model.rowCount(), 1);
    model.fetchMore(model.index(0, 0));
    ASSERT_GT(model.rowCount(model.index(0, 0)), 0);

    // Two new volumes, one sorting before the one shown and one after: inserted, never a reset (which
    // would fold what the user has open in the tree).
    copy(QStringLiteral("frus1894Nicaragua.xml"));
    copy(QStringLiteral("frus1934v05.xml"));
    index();
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    ASSERT_TRUE(model.reload());
    EXPECT_EQ(resets.count(), 0);
    EXPECT_EQ(inserted.count(), 1); // one run: both sort before frus1961-63v09
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.index(2, 0).data(CatalogModel::VolumeIdRole).toString(), QStringLiteral("frus1961-63v09"));
    EXPECT_TRUE(model.isFetched(QStringLiteral("frus1961-63v09")));
    EXPECT_GT(model.rowCount(model.indexOfVolume(QStringLiteral("frus1961-63v09"))), 0);
    // (The tester only after the insertion: it fetches the new rows inside its handler of rowsInserted,
    // before it counts the insertion done, and would take that for a nested change.)
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    expectNoModelTestWarnings();
}

TEST_F(CatalogModelTest, Issue10ReloadAfterAVolumeWentShowsItAsMissing)
{
    copy(QStringLiteral("frus1961-63v09-d316-d318.xml"));
    const QString nicaragua = copy(QStringLiteral("frus1894Nicaragua.xml"));
    addVolumesFolder();
    index();
    ASSERT_NO_FATAL_FAILURE(showCatalog());
    CatalogModel &model = *m_model;
    ASSERT_EQ(model.rowCount(), 2);
    ASSERT_TRUE(QFile::remove(nicaragua));
    index();
    ASSERT_TRUE(model.reload());
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.indexOfVolume(QStringLiteral("frus1894Nicaragua")).data(CatalogModel::StateRole).toInt(),
              int(State::Missing));
}

TEST_F(CatalogModelTest, Issue10TheVolumeCacheReadsADocumentFromItsSpanAndTellsStubsFromDocuments)
{
    indexTestVolumes();
    auto catalog = open();
    ASSERT_TRUE(catalog);
    CatalogVolumes volumes(catalog.get());
    const Volume whole = load(QStringLiteral("frus1961-63v09-d316-d318.xml"));
    const QString id = QStringLiteral("frus1961-63v09");
    auto lazy = volumes.volume(id);
    ASSERT_TRUE(lazy) << lazy.error().toString().toStdString();
    const int d317 = (*lazy)->outline().volume.documentIndex(QStringLiteral("d317"));
    ASSERT_GE(d317, 0);
    EXPECT_TRUE(volumes.isStub(*(*lazy)->volume(), d317));

    auto snapshot = volumes.volumeWithDocument(id, d317);
    ASSERT_TRUE(snapshot) << snapshot.error().toString().toStdString();
    EXPECT_FALSE(volumes.isStub(**snapshot, d317));
    EXPECT_EQ(plainText((*snapshot)->documents[std::size_t(d317)].body), plainText(whole.documents[std::size_t(d317)].body));
    const int d316 = (*snapshot)->documentIndex(QStringLiteral("d316"));
    EXPECT_TRUE(volumes.isStub(**snapshot, d316));
    // The whole volume read from a file of its own is never taken for a stub.
    EXPECT_FALSE(volumes.isStub(whole, d316));
    EXPECT_TRUE(volumes.cameFromIndex((*snapshot)->sourcePath));
    EXPECT_FALSE(volumes.volume(QStringLiteral("frus1999v99")));
}

} // namespace
} // namespace marginalia

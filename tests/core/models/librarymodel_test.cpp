#include "library/openlibrary.h"
#include "models/libraryfiltermodel.h"
#include "models/librarymodel.h"
#include "parse/volumeloader.h"

#include "support/testdata.h"
#include "modeltestwarnings.h"
#include "sharedvolume.h"

#include <QAbstractItemModelTester>
#include <QLoggingCategory>
#include <QSignalSpy>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

const QString extractFile = QStringLiteral("frus1961-63v09-d316-d318.xml");
const QString nicaraguaFile = QStringLiteral("frus1894Nicaragua.xml");
const QString volumeFile = QStringLiteral("frus1934v05.xml");
const QString textCopyFile = QStringLiteral("frus1961-63v09-d317.txt");

std::shared_ptr<const Volume> load(const QString &name)
{
    return test::sharedVolume(name);
}

// The whole volume takes a while to parse in a debug build; the tests share one reading of it.
std::shared_ptr<const Volume> wholeVolume()
{
    static const std::shared_ptr<const Volume> volume = load(volumeFile);
    return volume;
}

using test::ModelTestWarnings;

QString text(const QModelIndex &index, int role = Qt::DisplayRole)
{
    return index.data(role).toString();
}

int kind(const QModelIndex &index)
{
    return index.data(LibraryModel::KindRole).toInt();
}

// Document ids under `parent`, depth first, in row order.
QStringList documentIds(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex child = model.index(row, 0, parent);
        if (kind(child) == LibraryModel::DocumentNode)
            ids.append(text(child, LibraryModel::DocumentIdRole));
        ids += documentIds(model, child);
    }
    return ids;
}

TEST(LibraryModelTest, ExtractIsVolumeThenChapterThenItsThreeLetters)
{
    ModelTestWarnings warnings;
    OpenLibrary library;
    LibraryModel model(&library);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    const auto extract = load(extractFile);
    ASSERT_TRUE(extract);
    library.add(extract);

    ASSERT_EQ(model.rowCount(), 1);
    const QModelIndex volume = model.index(0, 0);
    EXPECT_EQ(text(volume), QStringLiteral("FRUS 1961–63, vol. IX"));
    EXPECT_EQ(text(volume, Qt::ToolTipRole), extract->title + u'\n' + test::dataPath(extractFile));
    EXPECT_EQ(kind(volume), LibraryModel::VolumeNode);
    EXPECT_EQ(volume.data(LibraryModel::DocumentRole).toInt(), -1);

    ASSERT_EQ(model.rowCount(volume), 1);
    const QModelIndex chapter = model.index(0, 0, volume);
    EXPECT_EQ(text(chapter), QStringLiteral("Economic Defense Policy"));
    EXPECT_EQ(kind(chapter), LibraryModel::DivisionNode);

    ASSERT_EQ(model.rowCount(chapter), 3);
    const QModelIndex d317 = model.index(1, 0, chapter);
    EXPECT_EQ(text(d317), QStringLiteral("317. Letter From Secretary of State Rusk to Secretary of Commerce Hodges"));
    EXPECT_EQ(text(model.index(1, 1, chapter)), QStringLiteral("1962-09-05"));
    EXPECT_EQ(text(d317, LibraryModel::DocumentIdRole), QStringLiteral("d317"));
    EXPECT_EQ(d317.data(LibraryModel::DocumentRole).toInt(), 1);
    EXPECT_EQ(d317.data(LibraryModel::VolumeRole).toInt(), 0);
    EXPECT_EQ(kind(d317), LibraryModel::DocumentNode);
    EXPECT_TRUE(text(d317, Qt::ToolTipRole).contains(QStringLiteral("1962-09-05")));
    EXPECT_TRUE(text(d317, Qt::ToolTipRole).startsWith(extract->documents[1].title));
    EXPECT_EQ(model.rowCount(d317), 0);
    EXPECT_EQ(documentIds(model), (QStringList{QStringLiteral("d316"), QStringLiteral("d317"), QStringLiteral("d318")}));
    EXPECT_EQ(warnings.messages(), QStringList());
}

TEST(LibraryModelTest, WholeVolumeIsCompilationsThenChaptersThenDocuments)
{
    ModelTestWarnings warnings;
    OpenLibrary library;
    library.add(wholeVolume());
    LibraryModel model(&library);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);

    const QModelIndex volume = model.index(0, 0);
    // The front matter (contents, list of papers) and the index hold no documents and are left out.
    ASSERT_EQ(model.rowCount(volume), 14);
    const QModelIndex chile = model.index(0, 0, volume);
    EXPECT_EQ(text(chile), QStringLiteral("Chile:"));
    EXPECT_EQ(text(model.index(13, 0, volume)), QStringLiteral("Uruguay:"));
    const QModelIndex chapter = model.index(0, 0, chile);
    EXPECT_EQ(kind(chapter), LibraryModel::DivisionNode);
    EXPECT_TRUE(text(chapter).startsWith(QStringLiteral("Efforts of the Department of State to secure")));
    const QModelIndex d1 = model.index(0, 0, chapter);
    EXPECT_EQ(text(d1), QStringLiteral("1. The Ambassador in Chile (Sevier) to the Acting Secretary of State"));
    EXPECT_EQ(text(model.index(0, 1, chapter)), QStringLiteral("1934-01-05"));
    EXPECT_TRUE(text(d1, Qt::ToolTipRole).contains(QStringLiteral("Santiago")));

    // Every document appears once, in the order of the file.
    QStringList expected;
    for (const Document &doc : wholeVolume()->documents)
        expected.append(doc.id);
    EXPECT_EQ(documentIds(model), expected);
    EXPECT_EQ(warnings.messages(), QStringList());
}

TEST(LibraryModelTest, LoneTextCopyIsNamedByItsFileAndHoldsItsLetter)
{
    OpenLibrary library;
    LibraryModel model(&library);
    const auto copy = load(textCopyFile);
    ASSERT_TRUE(copy);
    ASSERT_TRUE(copy->id.isEmpty());
    library.add(copy);

    const QModelIndex volume = model.index(0, 0);
    EXPECT_EQ(text(volume), QStringLiteral("frus1961-63v09-d317.txt (text copy)"));
    ASSERT_EQ(model.rowCount(volume), 1);
    EXPECT_TRUE(text(model.index(0, 0, volume)).startsWith(QStringLiteral("317. Letter From Secretary of State Rusk")));
}

TEST(LibraryModelTest, StaysConsistentWhileVolumesAreAddedAndReplaced)
{
    ModelTestWarnings warnings;
    OpenLibrary library;
    LibraryModel model(&library);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy replaced(&library, &OpenLibrary::volumeReplaced);

    EXPECT_EQ(library.add(load(extractFile)), 0);
    EXPECT_EQ(library.add(load(nicaraguaFile)), 1);
    EXPECT_EQ(library.add(wholeVolume()), 2);
    EXPECT_EQ(inserted.count(), 3);
    EXPECT_EQ(model.rowCount(), 3);
    EXPECT_EQ(text(model.index(0, 0, model.index(1, 0))), QStringLiteral("Affairs at Bluefields"));

    // Opening the same file again replaces it in place; nothing is shown twice.
    const QPersistentModelIndex extractRow = model.index(0, 0);
    const QPersistentModelIndex oldChapter = model.index(0, 0, extractRow);
    EXPECT_EQ(library.add(load(extractFile)), 0);
    ASSERT_EQ(replaced.count(), 1);
    EXPECT_EQ(replaced.front().front().toInt(), 0);
    EXPECT_EQ(library.library().size(), 3);
    EXPECT_EQ(model.rowCount(), 3);
    EXPECT_TRUE(extractRow.isValid());
    EXPECT_FALSE(oldChapter.isValid());
    EXPECT_EQ(documentIds(model, extractRow),
              (QStringList{QStringLiteral("d316"), QStringLiteral("d317"), QStringLiteral("d318")}));
    EXPECT_EQ(model.rowCount(model.index(2, 0)), 14);
    EXPECT_EQ(warnings.messages(), QStringList());
}

TEST(LibraryModelTest, IndexOfDocumentRoundTripsEveryDocument)
{
    OpenLibrary library;
    library.add(load(extractFile));
    library.add(wholeVolume());
    LibraryModel model(&library);

    for (int v = 0; v < library.library().size(); ++v) {
        const int count = int(library.library().volume(v).documents.size());
        for (int d = 0; d < count; ++d) {
            const QModelIndex index = model.indexOfDocument(v, d);
            ASSERT_TRUE(index.isValid()) << v << ' ' << d;
            EXPECT_EQ(index.data(LibraryModel::VolumeRole).toInt(), v);
            EXPECT_EQ(index.data(LibraryModel::DocumentRole).toInt(), d);
            EXPECT_EQ(text(index, LibraryModel::DocumentIdRole), library.library().volume(v).documents[std::size_t(d)].id);
        }
        EXPECT_FALSE(model.indexOfDocument(v, count).isValid());
    }
    EXPECT_FALSE(model.indexOfDocument(2, 0).isValid());
    EXPECT_FALSE(model.indexOfDocument(-1, 0).isValid());
}

class LibraryFilterModelTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_library.add(load(extractFile));
        m_library.add(wholeVolume());
        m_filter.setSourceModel(&m_model);
    }

    QStringList shownIds() const { return documentIds(m_filter); }

    ModelTestWarnings m_warnings;
    OpenLibrary m_library;
    LibraryModel m_model{&m_library};
    LibraryFilterModel m_filter;
    QAbstractItemModelTester m_tester{&m_filter, QAbstractItemModelTester::FailureReportingMode::Warning};
};

TEST_F(LibraryFilterModelTest, EveryWordMustMatchAndAncestorsStay)
{
    // d316 is also Rusk to Hodges; the month narrows to the two September letters.
    m_filter.setFilterWords(QStringLiteral("rusk HODGES"));
    EXPECT_EQ(shownIds(), (QStringList{QStringLiteral("d316"), QStringLiteral("d317"), QStringLiteral("d318")}));
    m_filter.setFilterWords(QStringLiteral("  hodges rusk\t1962-09 "));
    EXPECT_EQ(shownIds(), (QStringList{QStringLiteral("d317"), QStringLiteral("d318")}));

    ASSERT_EQ(m_filter.rowCount(), 1);
    const QModelIndex chapter = m_filter.index(0, 0, m_filter.index(0, 0));
    EXPECT_EQ(text(chapter), QStringLiteral("Economic Defense Policy"));
    EXPECT_EQ(m_filter.rowCount(chapter), 2);
    EXPECT_EQ(m_warnings.messages(), QStringList());
}

TEST_F(LibraryFilterModelTest, MatchingACompilationKeepsAllItsDocuments)
{
    m_filter.setFilterWords(QStringLiteral("chile:"));
    const QModelIndex volume = m_filter.index(0, 0);
    EXPECT_EQ(text(volume), QStringLiteral("FRUS 1934, vol. V"));
    ASSERT_EQ(m_filter.rowCount(volume), 1);
    const QModelIndex chile = m_filter.index(0, 0, volume);
    EXPECT_EQ(text(chile), QStringLiteral("Chile:"));
    const QModelIndex sourceChile = m_model.index(0, 0, m_model.index(1, 0));
    EXPECT_EQ(documentIds(m_filter, chile), documentIds(m_model, sourceChile));
    EXPECT_GT(documentIds(m_filter, chile).size(), 5);
}

TEST_F(LibraryFilterModelTest, AccentsAndCaseAreIgnoredBothWays)
{
    m_filter.setFilterWords(QStringLiteral("charge norweb"));
    const QStringList plain = shownIds();
    EXPECT_FALSE(plain.isEmpty());
    for (const QString &id : plain) {
        const Document *doc = wholeVolume()->document(id);
        ASSERT_TRUE(doc);
        EXPECT_TRUE(doc->title.contains(QStringLiteral("Norweb"))) << qPrintable(doc->title);
        EXPECT_TRUE(doc->title.contains(QStringLiteral("charg"), Qt::CaseInsensitive)) << qPrintable(doc->title);
    }
    m_filter.setFilterWords(QStringLiteral("CHARGÉ Norweb"));
    EXPECT_EQ(shownIds(), plain);
    m_filter.setFilterWords(QStringLiteral("bogota"));
    EXPECT_FALSE(shownIds().isEmpty());
}

TEST_F(LibraryFilterModelTest, NoMatchShowsNothingAndClearingRestoresAll)
{
    const QStringList all = shownIds();
    EXPECT_EQ(all.size(), 3 + 639);
    m_filter.setFilterWords(QStringLiteral("rusk zanzibar"));
    EXPECT_EQ(m_filter.rowCount(), 0);
    m_filter.setFilterWords(QString());
    EXPECT_EQ(shownIds(), all);
    EXPECT_EQ(m_warnings.messages(), QStringList());
}

TEST_F(LibraryFilterModelTest, FilterHoldsWhileTheLibraryChanges)
{
    m_filter.setFilterWords(QStringLiteral("hodges 1962-09-12"));
    EXPECT_EQ(shownIds(), QStringList{QStringLiteral("d318")});
    m_library.add(load(extractFile)); // replaced
    m_library.add(load(textCopyFile));
    EXPECT_EQ(shownIds(), QStringList{QStringLiteral("d318")});
    m_filter.setFilterWords(QStringLiteral("hodges rusk 317"));
    EXPECT_EQ(shownIds(), (QStringList{QStringLiteral("d317"), QStringLiteral("d317")}));
    EXPECT_EQ(m_warnings.messages(), QStringList());
}

} // namespace
} // namespace marginalia

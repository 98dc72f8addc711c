#include "models/searchresultsmodel.h"

#include "annotation/annotationservice.h"
#include "library/openlibrary.h"
#include "parse/volumeloader.h"
#include "search/librarysearchjob.h"

#include "support/testdata.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThreadPool>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

const QString D317 = QStringLiteral("frus1961-63v09/d317");

std::shared_ptr<const Volume> load(const QString &file)
{
    Result<Volume> volume = loadVolume(test::dataPath(file));
    EXPECT_TRUE(volume) << volume.error().toString().toStdString();
    return volume ? std::make_shared<const Volume>(std::move(volume).value()) : nullptr;
}

// Issue 9: the search results pass through Qt's model tester (Fatal: a broken invariant aborts the
// test) while real searches fill, refill and clear them: annotation rows first, then passages.
TEST(SearchResultsModelTest, Issue9PassesTheModelTesterThroughSearchesOfRealData)
{
    QTemporaryDir dir;
    AnnotationService annotations;
    ASSERT_TRUE(annotations.open(dir.filePath(QStringLiteral("annotations.sqlite"))));
    OpenLibrary library;
    const auto volume = load(QStringLiteral("frus1961-63v09-d316-d318.xml"));
    ASSERT_TRUE(volume);
    library.add(volume);
    const Document &doc = volume->documents.at(std::size_t(volume->documentIndex(QStringLiteral("d317"))));
    const AnnotationService::QuoteMatch match = AnnotationService::draftOnQuote(doc, D317, QStringLiteral("unanimity"), 1);
    ASSERT_TRUE(match.draft);
    Annotation note = *match.draft;
    note.note = QStringLiteral("unanimity in the Council");
    ASSERT_TRUE(annotations.add(note));

    SearchResultsModel model(&library);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    LibrarySearchJob job(&library, &annotations);
    QObject::connect(&job, &LibrarySearchJob::resultsReady, &model, &SearchResultsModel::setResults);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    job.search(QStringLiteral("unanimity"), {});
    ASSERT_TRUE(reset.wait(30000));
    ASSERT_EQ(model.annotationRowCount(), 1);
    EXPECT_GT(model.rowCount(), 1);
    EXPECT_EQ(model.index(0).data(SearchResultsModel::AnnotationIdRole).toString(), note.id);
    EXPECT_TRUE(model.index(1).data(SearchResultsModel::ContextHtmlRole).toString().contains(QStringLiteral("<b>")));
    EXPECT_FALSE(model.index(1).data(Qt::ToolTipRole).toString().isEmpty());

    SearchOptions wholeWords;
    wholeWords.wholeWords = true;
    job.search(QStringLiteral("Rusk"), wholeWords);
    ASSERT_TRUE(reset.wait(30000));
    EXPECT_EQ(model.annotationRowCount(), 0);
    EXPECT_GT(model.rowCount(), 0);
    EXPECT_FALSE(model.index(model.rowCount()).isValid());

    model.clear();
    EXPECT_EQ(model.rowCount(), 0);
    job.search(QStringLiteral("no such words anywhere"), {});
    ASSERT_TRUE(reset.wait(30000));
    EXPECT_EQ(model.rowCount(), 0);
    ASSERT_TRUE(QThreadPool::globalInstance()->waitForDone(30000));
}

} // namespace
} // namespace marginalia

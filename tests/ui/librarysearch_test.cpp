// Issue 10, items 4 and 5 in the window: the search pane searching the library index, a click on a
// result, the hits in the document, and "Cited by".
#include "librarysearchfixture.h"

#include "catalogfilterbar.h"
#include "citedbypane.h"
#include "findbar.h"
#include "librarysearchcontroller.h"
#include "searchpane.h"

#include "annotation/annotationservice.h"
#include "catalog/catalog.h"
#include "catalog/catalogindexer.h"
#include "model/readingtext.h"
#include "model/richtext.h"
#include "models/catalogresultsmodel.h"
#include "models/citedbymodel.h"
#include "parse/volumeloader.h"
#include "search/queryhits.h"
#include "support/testdata.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

namespace marginalia::test {
namespace {

const QString V09 = QStringLiteral("frus1961-63v09");

TEST_F(LibrarySearchWindow, ShowsTheTrueTotalAndTheDocumentsGroupedByVolume)
{
    ASSERT_TRUE(searchIndex(QStringLiteral("trade")));
    const int total = independentTotal(QStringLiteral("trade"));
    ASSERT_GT(total, 0);
    EXPECT_EQ(results()->total(), total);
    const QString summary = pane()->librarySummary()->text();
    EXPECT_TRUE(summary.startsWith(QStringLiteral("%1 documents").arg(total))) << summary.toStdString();
    EXPECT_TRUE(pane()->libraryView()->isVisible());
    // All three volumes speak of trade; v09's three documents all do (grep of the file: 7, 5 and 8 times).
    EXPECT_EQ(results()->rowCount(), 3);
    QStringList v09 = listed(V09);
    v09.sort();
    EXPECT_EQ(v09, (QStringList{QStringLiteral("d316"), QStringLiteral("d317"), QStringLiteral("d318")}));
    // The groups are open, their documents on screen.
    EXPECT_TRUE(pane()->libraryView()->isExpanded(results()->index(0, 0)));
}

TEST_F(LibrarySearchWindow, DateFiltersNarrowTheList)
{
    ASSERT_TRUE(searchIndex(QStringLiteral("trade")));
    QTest::mouseClick(pane()->filterButton(), Qt::LeftButton);
    ASSERT_TRUE(filters()->isVisible());
    QComboBox *volume = filters()->volumeBox();
    const int v09 = volume->findData(V09);
    ASSERT_GE(v09, 0);
    ASSERT_TRUE(waitForAnswer([&] { volume->setCurrentIndex(v09); }));
    EXPECT_EQ(results()->rowCount(), 1);
    EXPECT_EQ(listed(V09).size(), 3);

    // d316 is of 1962-08-09, d317 of 1962-09-05, d318 of 1962-09-12.
    ASSERT_TRUE(waitForAnswer([&] { QTest::keyClicks(filters()->fromEdit(), QStringLiteral("1962-09-01")); }));
    QStringList ids = listed(V09);
    ids.sort();
    EXPECT_EQ(ids, (QStringList{QStringLiteral("d317"), QStringLiteral("d318")}));
    ASSERT_TRUE(waitForAnswer([&] { QTest::keyClicks(filters()->toEdit(), QStringLiteral("1962-09-10")); }));
    EXPECT_EQ(listed(V09), QStringList{QStringLiteral("d317")});
    EXPECT_TRUE(pane()->librarySummary()->text().startsWith(QStringLiteral("1 document"))) << pane()->librarySummary()->text().toStdString();
    saveScreenshot(QStringLiteral("library-search-filtered"));

    // By date, from the earliest.
    filters()->fromEdit()->clear();
    filters()->toEdit()->clear();
    ASSERT_TRUE(waitForAnswer([&] { filters()->sortBox()->setCurrentIndex(filters()->sortBox()->findText(QStringLiteral("By date"))); }));
    EXPECT_EQ(listed(V09), (QStringList{QStringLiteral("d316"), QStringLiteral("d317"), QStringLiteral("d318")}));
}

// Issue 10: "has my annotations" and a tag keep the search to the documents the annotation database names.
TEST_F(LibrarySearchWindow, TheAnnotationsFilterKeepsToAnnotatedOrTaggedDocuments)
{
    Result<Volume> v09 = loadVolume(m_indexDir.filePath(QStringLiteral("volumes/frus1961-63v09-d316-d318.xml")));
    ASSERT_TRUE(v09);
    AnnotationService::QuoteMatch match = AnnotationService::draftOnQuote(
        *v09->document(QStringLiteral("d317")), V09 + QStringLiteral("/d317"), QStringLiteral("code of fair practices"), 1);
    ASSERT_TRUE(match.draft);
    match.draft->tags = QStringList{QStringLiteral("Trade")};
    ASSERT_TRUE(m_annotations.add(*match.draft));

    ASSERT_TRUE(searchIndex(QStringLiteral("trade")));
    EXPECT_GT(results()->total(), 3);
    QComboBox *annotations = filters()->annotationsBox();
    const int tagged = annotations->findData(QStringLiteral("#Trade"));
    ASSERT_GE(tagged, 0) << "the tags of the annotation database are offered";
    ASSERT_TRUE(waitForAnswer([&] { annotations->setCurrentIndex(annotations->findData(QStringLiteral("*"))); }));
    EXPECT_EQ(results()->total(), 1);
    EXPECT_EQ(listed(V09), QStringList{QStringLiteral("d317")});
    ASSERT_TRUE(waitForAnswer([&] { annotations->setCurrentIndex(tagged); }));
    EXPECT_EQ(listed(V09), QStringList{QStringLiteral("d317")});
    ASSERT_TRUE(waitForAnswer([&] { annotations->setCurrentIndex(0); }));
    EXPECT_GT(results()->total(), 3) << "back to every document";
}

TEST_F(LibrarySearchWindow, AQueryTheSyntaxDoesNotAllowShowsAPlainMessage)
{
    ASSERT_TRUE(searchIndex(QStringLiteral("\"trade agreement")));
    const QString message = pane()->librarySummary()->text();
    EXPECT_TRUE(message.contains(QStringLiteral("unbalanced quote"))) << message.toStdString();
    EXPECT_FALSE(message.contains(QStringLiteral("SQL"), Qt::CaseInsensitive)) << message.toStdString();
    EXPECT_FALSE(message.contains(QStringLiteral("fts5"), Qt::CaseInsensitive)) << message.toStdString();
    EXPECT_EQ(pane()->librarySummary()->textFormat(), Qt::PlainText);
    EXPECT_FALSE(pane()->libraryView()->isVisible());
    saveScreenshot(QStringLiteral("library-search-bad-query"));
    // The next good query brings the list back.
    ASSERT_TRUE(searchIndex(QStringLiteral("trade agreement")));
    EXPECT_TRUE(pane()->libraryView()->isVisible());
}

// A click on a result asks for that document with the query; in an open volume it is shown at once,
// every hit painted, the find bar on the first of them, next and previous stepping through them.
TEST_F(LibrarySearchWindow, AClickOnAResultOpensTheDocumentWithItsHits)
{
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d316")));
    ASSERT_TRUE(searchIndex(QStringLiteral("trade")));
    const QModelIndex d317 = rowOf(V09, QStringLiteral("d317"));
    ASSERT_TRUE(d317.isValid());
    QSignalSpy requested(pane(), &SearchPane::documentRequested);
    click(pane()->libraryView(), d317);
    ASSERT_EQ(requested.size(), 1);
    EXPECT_EQ(requested.at(0).at(0).toString(), V09);
    EXPECT_EQ(requested.at(0).at(1).toString(), QStringLiteral("d317"));
    EXPECT_EQ(requested.at(0).at(2).toString(), QStringLiteral("trade"));

    ASSERT_TRUE(QTest::qWaitFor([&] { return currentDocument().id == QStringLiteral("d317"); }, 5000));
    const auto expected = libraryQueryHits(QStringLiteral("trade"), ReadingText(currentDocument().body).text());
    ASSERT_GT(expected.size(), 1u);
    FindBar *bar = m_window.findBar();
    ASSERT_TRUE(QTest::qWaitFor([&] { return bar->showingHits(); }, 5000));
    EXPECT_TRUE(bar->isVisible());
    EXPECT_EQ(m_window.documentView()->searchHitPositions().size(), qsizetype(expected.size()));
    EXPECT_EQ(bar->status(), QStringLiteral("1 of %1").arg(expected.size()));
    EXPECT_TRUE(m_window.documentView()->textCursor().selectedText().startsWith(QStringLiteral("trad"), Qt::CaseInsensitive));
    bar->findNext();
    EXPECT_EQ(bar->status(), QStringLiteral("2 of %1").arg(expected.size()));
    EXPECT_TRUE(m_window.documentView()->textCursor().selectedText().startsWith(QStringLiteral("trad"), Qt::CaseInsensitive));
    bar->findNext(true);
    bar->findNext(true);
    EXPECT_EQ(bar->status(), QStringLiteral("%1 of %1").arg(expected.size())); // wrapped to the last
    // The index searched the notes too: their hits are painted in the notes pane.
    std::size_t inNotes = 0;
    for (const Footnote &note : currentDocument().footnotes)
        inNotes += libraryQueryHits(QStringLiteral("trade"), plainText(note.content)).size();
    ASSERT_GT(inNotes, 0u); // note 1: "expansion of trade", note 3: "International Trade"
    EXPECT_EQ(m_window.footnotePane()->searchHitCount(), int(inNotes));
    saveScreenshot(QStringLiteral("library-search-hits"));

    // Another document: its hits are not the old one's.
    m_navigator.openDocument(m_navigator.current().volume, m_navigator.current().document + 1);
    EXPECT_FALSE(bar->showingHits());
    EXPECT_TRUE(m_window.documentView()->searchHitPositions().isEmpty());
}

// The document asked for is the one on screen: it is not shown anew, and still gets its hits.
TEST_F(LibrarySearchWindow, AResultForTheDocumentOnScreenPaintsItsHits)
{
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d318")));
    ASSERT_TRUE(searchIndex(QStringLiteral("bloc")));
    const QModelIndex d318 = rowOf(V09, QStringLiteral("d318"));
    ASSERT_TRUE(d318.isValid());
    click(pane()->libraryView(), d318);
    const auto expected = libraryQueryHits(QStringLiteral("bloc"), ReadingText(currentDocument().body).text());
    ASSERT_FALSE(expected.empty());
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_window.findBar()->showingHits(); }, 5000));
    EXPECT_EQ(m_window.documentView()->searchHitPositions().size(), qsizetype(expected.size()));
    EXPECT_EQ(m_window.findBar()->status(), QStringLiteral("1 of %1").arg(expected.size()));
}

// A word only in the notes (d317's source note: "retyped in S/S"): the find bar says so, the notes pane
// shows the first hit.
TEST_F(LibrarySearchWindow, AHitOnlyInTheNotesIsShownThere)
{
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d316")));
    ASSERT_TRUE(searchIndex(QStringLiteral("retyped")));
    const QModelIndex d317 = rowOf(V09, QStringLiteral("d317"));
    ASSERT_TRUE(d317.isValid());
    click(pane()->libraryView(), d317);
    ASSERT_TRUE(QTest::qWaitFor([&] { return currentDocument().id == QStringLiteral("d317"); }, 5000));
    ASSERT_TRUE(libraryQueryHits(QStringLiteral("retyped"), ReadingText(currentDocument().body).text()).empty());
    EXPECT_EQ(m_window.findBar()->status(), QStringLiteral("Only in the notes (1)"));
    EXPECT_EQ(m_window.footnotePane()->searchHitCount(), 1);
    EXPECT_EQ(m_window.footnotePane()->textCursor().selectedText(), QStringLiteral("retyped"));
}

// The volume is not open: its file is opened from the index's record of it, then shown with its hits.
TEST_F(LibrarySearchWindow, AResultInAVolumeNotOpenOpensItsFile)
{
    ASSERT_TRUE(searchIndex(QStringLiteral("Tegucigalpa")));
    ASSERT_GT(results()->rowCount(), 0);
    const QModelIndex first = results()->index(0, 0, results()->index(0, 0));
    const QString volumeId = first.data(CatalogResultsModel::VolumeIdRole).toString();
    const QString documentId = first.data(CatalogResultsModel::DocumentIdRole).toString();
    click(pane()->libraryView(), first);
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_navigator.current().valid() && currentDocument().id == documentId; }, 30000));
    EXPECT_EQ(currentVolumeId(), volumeId);
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_window.findBar()->showingHits(); }, 5000));
    EXPECT_FALSE(m_window.documentView()->searchHitPositions().isEmpty());
}

TEST_F(LibrarySearchWindow, CitedByListsExactlyTheDocumentsCitingTheOneOnScreen)
{
    // The one target="#d316" of tests/data is note 2 of d317.
    int targets = 0;
    for (const QString &name : allTestVolumes())
        targets += int(readData(name).count("target=\"#d316\""));
    ASSERT_EQ(targets, 1);

    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d316")));
    CitedByPane *cited = m_window.citedByPane();
    ASSERT_TRUE(cited);
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_window.citedBy()->documentId() == QStringLiteral("d316"); }, 5000));
    ASSERT_EQ(m_window.citedBy()->rowCount(), targets);
    const QModelIndex row = m_window.citedBy()->index(0, 0);
    EXPECT_EQ(row.data(CitedByModel::DocumentIdRole).toString(), QStringLiteral("d317"));
    EXPECT_TRUE(row.data(CitedByModel::SentenceRole).toString().contains(QStringLiteral("code of fair practices")));
    EXPECT_TRUE(cited->view()->isVisible());
    EXPECT_EQ(cited->heading()->text(), QStringLiteral("1 document of the library cites this one:"));
    // It has room for its list (the window gives it a third of its height once there is one).
    ASSERT_TRUE(QTest::qWaitFor([&] { return cited->view()->height() > 100; }, 5000)) << cited->view()->height();
    saveScreenshot(QStringLiteral("cited-by"));

    QSignalSpy requested(cited, &CitedByPane::documentRequested);
    click(cited->view(), row);
    ASSERT_EQ(requested.size(), 1);
    EXPECT_EQ(requested.at(0).at(0).toString(), V09);
    EXPECT_EQ(requested.at(0).at(1).toString(), QStringLiteral("d317"));
    EXPECT_TRUE(requested.at(0).at(2).toString().isEmpty());
    ASSERT_TRUE(QTest::qWaitFor([&] { return currentDocument().id == QStringLiteral("d317"); }, 5000));

    // d317 is cited by d318 (note 1: "See <ref target="#d317">"), the one target="#d317" of tests/data.
    EXPECT_EQ(m_window.citedBy()->documentId(), QStringLiteral("d317"));
    ASSERT_EQ(m_window.citedBy()->rowCount(), 1);
    EXPECT_EQ(m_window.citedBy()->index(0, 0).data(CitedByModel::DocumentIdRole).toString(), QStringLiteral("d318"));

    // d318 is cited by no document (no target names it): the pane shrinks to its one line.
    m_navigator.nextDocument();
    ASSERT_EQ(currentDocument().id, QStringLiteral("d318"));
    EXPECT_EQ(m_window.citedBy()->rowCount(), 0);
    EXPECT_FALSE(cited->view()->isVisible());
    EXPECT_LT(cited->height(), 3 * cited->heading()->sizeHint().height());
}

// Files opened directly and not in the library are still searched as before, listed below the index's
// answer; the volumes the index holds are not searched twice.
class PartlyIndexedWindow : public LibrarySearchWindow {
protected:
    PartlyIndexedWindow()
        : LibrarySearchWindow({QStringLiteral("frus1934v05.xml"), QStringLiteral("frus1961-63v09-d316-d318.xml")})
    {
    }
};

TEST_F(PartlyIndexedWindow, OpenFilesOutsideTheLibraryAreSearchedAsBefore)
{
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1894Nicaragua.xml")), dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}));
    ASSERT_TRUE(searchLibrary(QStringLiteral("trade")));
    ASSERT_TRUE(QTest::qWaitFor([&] { return results()->query() == QStringLiteral("trade"); }, 10000));
    EXPECT_TRUE(listed(QStringLiteral("frus1894Nicaragua")).isEmpty()); // not in the index
    EXPECT_FALSE(listed(V09).isEmpty());
    ASSERT_GT(m_searchResults.rowCount(), 0);
    const int nicaragua = m_library.library().indexOfVolume(QStringLiteral("frus1894Nicaragua"));
    for (int r = 0; r < m_searchResults.rowCount(); ++r) {
        const QModelIndex hit = m_searchResults.index(r, 0);
        if (hit.data(SearchResultsModel::AnnotationIdRole).toString().isEmpty()) {
            EXPECT_EQ(hit.data(SearchResultsModel::VolumeRole).toInt(), nicaragua) << r;
        }
    }
    EXPECT_TRUE(pane()->summary()->text().contains(QStringLiteral("open files outside the library")));
}

} // namespace
} // namespace marginalia::test

// Issue 12 (15): View › All Annotations, the library-wide list, driven as a user drives it on the real
// FRUS 1961–63 vol. IX, Documents 316–318.
#include "readerfixture.h"

#include "allannotationspane.h"
#include "annotationcontroller.h"
#include "models/allannotationsfilter.h"
#include "models/allannotationsmodel.h"
#include "models/annotationsmodel.h"
#include "support/testdata.h"

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QThread>

using namespace marginalia;
using namespace marginalia::test;

namespace {

class AllAnnotationsList : public ReaderFixture {
protected:
    AllAnnotationsList()
    {
        m_window.show();
        m_window.activateWindow();
        EXPECT_TRUE(QTest::qWaitForWindowActive(&m_window));
    }
    // Annotates the first `quote` of document `docId` of the open volume, as the window's undo commands do.
    QString annotate(const QString &docId, const QString &quote, const QString &note, const QStringList &tags,
                     const QString &color)
    {
        QThread::msleep(3); // each modified after the one before
        const Document *doc = m_library.library().volume(0).document(docId);
        EXPECT_TRUE(doc);
        if (!doc)
            return {};
        auto match = AnnotationService::draftOnQuote(*doc, QStringLiteral("frus1961-63v09/") + docId, quote, 1);
        EXPECT_TRUE(match.draft) << quote.toStdString();
        if (!match.draft)
            return {};
        match.draft->note = note;
        match.draft->tags = tags;
        match.draft->color = color;
        const Result<Annotation> added = m_annotations.add(*match.draft);
        EXPECT_TRUE(added);
        return added ? added->id : QString();
    }
    AllAnnotationsPane *pane() { return m_window.allAnnotationsPane(); }
    QTableView *table() { return pane()->table(); }
    QStringList quotesShown()
    {
        QStringList out;
        for (int row = 0; row < table()->model()->rowCount(); ++row)
            out << table()->model()->index(row, AllAnnotationsModel::QuoteColumn).data().toString();
        return out;
    }
    // Chooses an entry of a filter box from the keyboard, as a user types its first letters (after a
    // pause, or the box reads them as the rest of the letters typed before); none: its first, "All".
    void choose(QComboBox *box, const QString &typed = {})
    {
        box->setFocus();
        QTest::keyClick(box, Qt::Key_Home);
        QTest::qWait(QApplication::keyboardInputInterval() + 50);
        QTest::keyClicks(box, typed);
    }
    // QTest's double click is the second click only (no press before it): click first, as a hand does.
    void doubleClickRow(int row, int column)
    {
        const QPoint at = table()->visualRect(table()->model()->index(row, column)).center();
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(table()->viewport(), Qt::LeftButton, {}, at);
    }
    void clickHeader(int column)
    {
        QHeaderView *header = table()->horizontalHeader();
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                          QPoint(header->sectionViewportPosition(column) + 10, header->height() / 2));
    }
};

} // namespace

TEST_F(AllAnnotationsList, Issue12ListsFiltersSortsAndOpensPassagesOfTheLibrary)
{
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d317")));
    const QString green = QStringLiteral("#B5E3A1");
    const QString controls = annotate(QStringLiteral("d316"), QStringLiteral("multilateral export controls"),
                                      QStringLiteral("The attaché in Paris agrees"), {QStringLiteral("COCOM")}, green);
    const QString fair = annotate(QStringLiteral("d318"), QStringLiteral("code of fair practices"),
                                  QStringLiteral("Hodges on trade"), {QStringLiteral("Trade")}, defaultAnnotationColor());
    const QString kitchin = annotate(QStringLiteral("d318"), QStringLiteral("Congressman Kitchin"), {}, {},
                                     QStringLiteral("#F5B3C8")); // no tag: painted in its own colour
    ASSERT_FALSE(controls.isEmpty() || fair.isEmpty() || kitchin.isEmpty());

    auto *dock = m_window.findChild<QDockWidget *>(QStringLiteral("allAnnotationsDock"));
    ASSERT_TRUE(dock);
    EXPECT_FALSE(dock->isVisible());
    m_window.documentView()->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_TRUE(dock->isVisible()) << "Ctrl+Shift+L did not show the list";
    ASSERT_EQ(QApplication::focusWidget(), pane()->filterField());
    ASSERT_EQ(table()->model()->rowCount(), 3);
    const int column316 = int(quotesShown().indexOf(QStringLiteral("multilateral export controls")));
    EXPECT_EQ(table()->model()->index(column316, AllAnnotationsModel::DocumentColumn).data().toString(),
              QStringLiteral("FRUS 1961\u201363, vol. IX, Doc. 316"));

    // Words typed without the accent find the note that has it.
    QTest::keyClicks(pane()->filterField(), QStringLiteral("attache"));
    EXPECT_EQ(quotesShown(), QStringList{QStringLiteral("multilateral export controls")});
    saveScreenshot(QStringLiteral("issue12-all-annotations-filtered"));
    pane()->filterField()->selectAll();
    QTest::keyClick(pane()->filterField(), Qt::Key_Backspace);
    ASSERT_EQ(table()->model()->rowCount(), 3) << pane()->filterField()->text().toStdString();

    choose(pane()->tagFilter(), QStringLiteral("Tr"));
    EXPECT_EQ(pane()->tagFilter()->currentText(), QStringLiteral("Trade"));
    EXPECT_EQ(quotesShown(), QStringList{QStringLiteral("code of fair practices")});
    choose(pane()->tagFilter());
    ASSERT_EQ(table()->model()->rowCount(), 3);
    choose(pane()->colorFilter(), QStringLiteral("#f5"));
    EXPECT_EQ(quotesShown(), QStringList{QStringLiteral("Congressman Kitchin")});
    choose(pane()->colorFilter());
    choose(pane()->volumeFilter(), QStringLiteral("FRUS"));
    EXPECT_EQ(pane()->volumeFilter()->currentText(), QStringLiteral("FRUS 1961\u201363, vol. IX"));
    ASSERT_EQ(table()->model()->rowCount(), 3);

    // A click on the Quote header sorts by it; a second click the other way.
    clickHeader(AllAnnotationsModel::QuoteColumn);
    const QStringList alphabetical{QStringLiteral("code of fair practices"), QStringLiteral("Congressman Kitchin"),
                                   QStringLiteral("multilateral export controls")};
    QStringList reversed(alphabetical.rbegin(), alphabetical.rend());
    const bool ascending = table()->horizontalHeader()->sortIndicatorOrder() == Qt::AscendingOrder;
    EXPECT_EQ(quotesShown(), ascending ? alphabetical : reversed);
    clickHeader(AllAnnotationsModel::QuoteColumn);
    EXPECT_EQ(quotesShown(), ascending ? reversed : alphabetical);
    saveScreenshot(QStringLiteral("issue12-all-annotations-sorted"));

    // A double-click on Document 318's row opens it with the passage selected.
    ASSERT_EQ(currentDocument().id, QStringLiteral("d317"));
    const int row = int(quotesShown().indexOf(QStringLiteral("code of fair practices")));
    QSignalSpy opened(pane(), &AllAnnotationsPane::passageActivated);
    doubleClickRow(row, AllAnnotationsModel::NoteColumn);
    EXPECT_EQ(opened.count(), 1);
    EXPECT_EQ(currentDocument().id, QStringLiteral("d318"));
    EXPECT_EQ(m_window.documentView()->textCursor().selectedText(), QStringLiteral("code of fair practices"));

    // Return on another row opens that one.
    const int controlsRow = int(quotesShown().indexOf(QStringLiteral("multilateral export controls")));
    table()->setFocus();
    table()->setCurrentIndex(table()->model()->index(controlsRow, 0));
    QTest::keyClick(table(), Qt::Key_Return);
    EXPECT_EQ(currentDocument().id, QStringLiteral("d316"));
    // That passage is in the letter's first note: selected in the notes pane.
    EXPECT_EQ(m_window.footnotePane()->textCursor().selectedText(), QStringLiteral("multilateral export controls"));
    saveScreenshot(QStringLiteral("issue12-all-annotations-opened"));
}

TEST_F(AllAnnotationsList, Issue12APassageOfAVolumeNotOpenSaysSo)
{
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d317")));
    const QString fair = annotate(QStringLiteral("d318"), QStringLiteral("code of fair practices"), {}, {}, defaultAnnotationColor());
    Annotation elsewhere = *m_annotations.find(fair);
    elsewhere.id = newAnnotationId();
    elsewhere.document = QStringLiteral("frus1934v05/d10");
    elsewhere.modified = {};
    ASSERT_TRUE(m_annotations.add(elsewhere));
    m_window.findChild<QDockWidget *>(QStringLiteral("allAnnotationsDock"))->show();
    QApplication::processEvents(); // laid out, so a row is where the mouse goes
    pane()->filterField()->setFocus();
    QTest::keyClicks(pane()->filterField(), QStringLiteral("frus1934"));
    ASSERT_EQ(table()->model()->rowCount(), 1);
    EXPECT_EQ(table()->model()->index(0, AllAnnotationsModel::DocumentColumn).data().toString(), QStringLiteral("frus1934v05/d10"));
    doubleClickRow(0, AllAnnotationsModel::QuoteColumn);
    EXPECT_EQ(currentDocument().id, QStringLiteral("d317"));
    EXPECT_TRUE(m_window.statusBar()->currentMessage().contains(QStringLiteral("is not open")))
        << m_window.statusBar()->currentMessage().toStdString();
}

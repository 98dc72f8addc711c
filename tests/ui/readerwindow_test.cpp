// The reader window driven as a user would: clicks, hovers, keys, on the bundled sample and real volumes.
#include "readerfixture.h"

#include "findbar.h"
#include "render/links.h"
#include "support/testdata.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QScrollBar>
#include <QTimer>
#include <QTreeView>

using namespace marginalia;
using namespace marginalia::test;

namespace {

const QStringList kSample{QStringLiteral(":/sample/frus1961-63v09-d317.txt"),
                          QStringLiteral(":/sample/frus1961-63v09-d316-d318.xml")};

class ReaderWindow : public ReaderFixture {};

} // namespace

TEST_F(ReaderWindow, OpensTheBundledSampleAtTheTextCopyLetter)
{
    ASSERT_TRUE(open(kSample));
    const Document &doc = currentDocument();
    EXPECT_EQ(doc.id, QStringLiteral("d317"));
    EXPECT_EQ(m_library.library().volume(m_navigator.current().volume).format, SourceFormat::TextCopy);
    const QString shown = m_window.documentView()->toPlainText();
    EXPECT_TRUE(shown.startsWith(QStringLiteral("317. Letter From Secretary of State Rusk to Secretary of Commerce Hodges")));
    EXPECT_TRUE(shown.contains(QStringLiteral("Dear Luther: This is in response")));
    EXPECT_EQ(m_window.citationLabel()->text(), QStringLiteral("FRUS 1961–63, vol. IX, Doc. 317, p. 703"));
    EXPECT_TRUE(m_window.windowTitle().startsWith(QStringLiteral("317. Letter From")));
    saveScreenshot(QStringLiteral("01-sample-letter"));
}

TEST_F(ReaderWindow, ClickingMarkerOneShowsFootnoteOneInThePane)
{
    ASSERT_TRUE(open(kSample));
    ASSERT_TRUE(clickLink(m_window.documentView(), linkUrl({LinkTarget::Footnote, 1, {}})));
    FootnotePane *notes = m_window.footnotePane();
    EXPECT_EQ(notes->currentFootnote(), 1);
    EXPECT_TRUE(notes->isFootnoteVisible(1));
    saveScreenshot(QStringLiteral("02-footnote-1-selected"));
}

TEST_F(ReaderWindow, BackLinkReturnsTheViewToItsMarkerAndFlashesIt)
{
    ASSERT_TRUE(open(kSample));
    DocumentView *view = m_window.documentView();
    // Footnote 4 sits on "Dean" at the end: its marker is out of sight at the top of the letter.
    view->scrollToTop();
    const QRect before = view->markerRect(4);
    ASSERT_GT(before.top(), view->viewport()->height());
    ASSERT_TRUE(clickLink(m_window.footnotePane(), linkUrl({LinkTarget::Back, 4, {}})));
    const QRect after = view->markerRect(4);
    EXPECT_GE(after.top(), 0);
    EXPECT_LE(after.bottom(), view->viewport()->height());
    EXPECT_FALSE(view->extraSelections().isEmpty()); // the flash
    EXPECT_EQ(m_window.footnotePane()->currentFootnote(), 4);
}

TEST_F(ReaderWindow, Document316OpensThatDocumentAndBackReturnsTo317)
{
    ASSERT_TRUE(open(kSample));
    const int textCopy = m_navigator.current().volume;
    ASSERT_TRUE(clickLink(m_window.footnotePane(), linkUrl({LinkTarget::Reference, 0, {}})));
    EXPECT_EQ(currentDocument().id, QStringLiteral("d316"));
    EXPECT_EQ(currentVolumeId(), QStringLiteral("frus1961-63v09"));
    EXPECT_TRUE(m_window.documentView()->toPlainText().startsWith(QStringLiteral("316.")));
    saveScreenshot(QStringLiteral("03-document-316"));

    QTest::keyClick(&m_window, Qt::Key_Left, Qt::AltModifier);
    EXPECT_EQ(currentDocument().id, QStringLiteral("d317"));
    EXPECT_EQ(m_navigator.current().volume, textCopy);
    QTest::keyClick(&m_window, Qt::Key_Right, Qt::AltModifier);
    EXPECT_EQ(currentDocument().id, QStringLiteral("d316"));
}

TEST_F(ReaderWindow, MouseBackButtonWalksHistory)
{
    ASSERT_TRUE(open(kSample));
    m_navigator.nextDocument();
    ASSERT_NE(m_navigator.current().volume, 0);
    QTest::mouseClick(m_window.documentView()->viewport(), Qt::BackButton);
    EXPECT_EQ(m_navigator.current().volume, 0);
}

TEST_F(ReaderWindow, HoveringAMarkerShowsItsNote)
{
    ASSERT_TRUE(open(kSample));
    DocumentView *view = m_window.documentView();
    const QRect r = view->markerRect(3);
    ASSERT_FALSE(r.isEmpty());
    view->scrollToMarker(3);
    const QRect shown = view->markerRect(3);
    QTest::mouseMove(view->viewport(), QPoint(shown.left() - 2, shown.center().y()));
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_window.notePopup()->isVisible(); }, 2000));
    EXPECT_TRUE(m_window.notePopup()->html().contains(QStringLiteral("The draft Code of Fair Practices")));
    saveScreenshot(QStringLiteral("04-hover-popup"));
}

TEST_F(ReaderWindow, IbidNoteShowsTheCitationItRepeats)
{
    ASSERT_TRUE(open(kSample));
    EXPECT_TRUE(m_window.footnotePane()->toPlainText().contains(
        QStringLiteral("Department of State, Central Files, 460.509/8-1762")));
}

TEST_F(ReaderWindow, LibraryFilterNarrowsTheTree)
{
    ASSERT_TRUE(open(kSample));
    LibraryPane *pane = m_window.libraryPane();
    const int all = pane->visibleDocumentCount();
    EXPECT_EQ(all, 4);
    QTest::keyClicks(pane->filterBox(), QStringLiteral("rusk 1962-09-12")); // d318's date
    EXPECT_EQ(pane->visibleDocumentCount(), 1);
    pane->setFilterText({});
    EXPECT_EQ(pane->visibleDocumentCount(), all);
}

TEST_F(ReaderWindow, ChoosingADocumentInTheLibraryOpensIt)
{
    ASSERT_TRUE(open(kSample));
    LibraryPane *pane = m_window.libraryPane();
    pane->setFilterText(QStringLiteral("318"));
    QTreeView *tree = pane->tree();
    QModelIndex doc;
    for (QModelIndex i = tree->model()->index(0, 0); i.isValid(); i = tree->indexBelow(i)) {
        if (i.data().toString().startsWith(QStringLiteral("318.")))
            doc = i;
    }
    ASSERT_TRUE(doc.isValid());
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(doc).center());
    EXPECT_EQ(currentDocument().id, QStringLiteral("d318"));
}

TEST_F(ReaderWindow, OpensAWholeVolumeWithTheWindowResponsive)
{
    ASSERT_TRUE(open(kSample));
    // The GUI thread must keep serving events while the volume loads.
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 longestGap = 0;
    int ticks = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1); // many chances to tick, even when the load is quick
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        longestGap = std::max(longestGap, now - last);
        last = now;
        ++ticks;
    });
    clock.start();
    ticker.start();
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1934v05.xml"))}));
    ticker.stop();
    EXPECT_EQ(currentVolumeId(), QStringLiteral("frus1934v05"));
    EXPECT_EQ(currentDocument().id, QStringLiteral("d1"));
    EXPECT_GE(ticks, 1); // the event loop ran while the volume loaded (a load on this thread allows none)
    EXPECT_LT(longestGap, 250) << "the GUI thread was blocked for " << longestGap << " ms";
    EXPECT_EQ(m_window.libraryPane()->visibleDocumentCount(), 4 + 639);
    saveScreenshot(QStringLiteral("05-frus1934v05"));
}

TEST_F(ReaderWindow, NextAndPreviousDocumentFollowLibraryOrder)
{
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}));
    EXPECT_EQ(currentDocument().id, QStringLiteral("d316"));
    QTest::keyClick(&m_window, Qt::Key_PageDown, Qt::ControlModifier);
    EXPECT_EQ(currentDocument().id, QStringLiteral("d317"));
    QTest::keyClick(&m_window, Qt::Key_PageUp, Qt::ControlModifier);
    EXPECT_EQ(currentDocument().id, QStringLiteral("d316"));
}

TEST_F(ReaderWindow, PageBreakLabelStandsInTheGutterBesideItsParagraph)
{
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d317")));
    DocumentView *view = m_window.documentView();
    // Zoomed until page 704 can be scrolled to the top of the view (the scroll bar is not at its end).
    for (int i = 0; i < 20; ++i) {
        view->scrollToPageBreak(0);
        if (view->verticalScrollBar()->value() < view->verticalScrollBar()->maximum())
            break;
        m_window.controller()->zoomIn();
    }
    ASSERT_LT(view->verticalScrollBar()->value(), view->verticalScrollBar()->maximum());
    const auto labels = view->visiblePageLabels();
    ASSERT_FALSE(labels.isEmpty());
    EXPECT_EQ(labels.front().first, QStringLiteral("[Page 704]"));
    EXPECT_FALSE(view->toPlainText().contains(QStringLiteral("704")));
    // QTRY_* would report a failure to QTest, not to GoogleTest: wait, then compare.
    const QString expected = QStringLiteral("FRUS 1961–63, vol. IX, Doc. 317, p. 704");
    EXPECT_TRUE(QTest::qWaitFor([&] { return m_window.citationLabel()->text() == expected; }, 2000))
        << m_window.citationLabel()->text().toStdString();
    saveScreenshot(QStringLiteral("06-page-704"));
}

TEST_F(ReaderWindow, CopyCitationPutsQuoteAndPageOnTheClipboard)
{
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d317")));
    const QString text = m_window.documentView()->toPlainText();
    const int at = text.indexOf(QStringLiteral("code of fair practices"));
    ASSERT_GE(at, 0);
    DocumentView *view = m_window.documentView();
    QTextCursor c(view->document());
    c.setPosition(at);
    c.setPosition(at + 22, QTextCursor::KeepAnchor);
    view->setTextCursor(c);
    QTest::keyClick(&m_window, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(QApplication::clipboard()->text(),
              QStringLiteral("“code of fair practices” (FRUS 1961–63, vol. IX, Doc. 317, p. 704)"));
}

TEST_F(ReaderWindow, ZoomChangesTheTextSizeAndIsRemembered)
{
    ASSERT_TRUE(open(kSample));
    const qreal before = m_window.controller()->zoom();
    QTest::keyClick(&m_window, Qt::Key_Plus, Qt::ControlModifier);
    EXPECT_GT(m_window.controller()->zoom(), before);
    EXPECT_GT(m_settings.value(QStringLiteral("reader/zoom")).toDouble(), before);
}

TEST_F(ReaderWindow, FindInDocumentSelectsTheWord)
{
    ASSERT_TRUE(open(kSample));
    QTest::keyClick(&m_window, Qt::Key_F, Qt::ControlModifier);
    auto *bar = m_window.findChild<FindBar *>();
    ASSERT_NE(bar, nullptr);
    EXPECT_TRUE(bar->isVisible());
    QTest::keyClicks(bar->findChild<QLineEdit *>(), QStringLiteral("COCOM"));
    EXPECT_EQ(m_window.documentView()->textCursor().selectedText(), QStringLiteral("COCOM"));
}

TEST_F(ReaderWindow, LibrarySearchHitOpensThePassage)
{
    ASSERT_TRUE(open(kSample));
    ASSERT_TRUE(searchLibrary(QStringLiteral("record of action conforms")));
    ASSERT_GT(m_searchResults.rowCount(), 0);
    const QModelIndex first = m_searchResults.index(0);
    m_window.controller()->showSearchHit(first.data(SearchResultsModel::VolumeRole).toInt(),
                                         first.data(SearchResultsModel::DocumentRole).toInt(),
                                         first.data(SearchResultsModel::FootnoteRole).toInt(),
                                         first.data(SearchResultsModel::OffsetRole).toInt(),
                                         first.data(SearchResultsModel::LengthRole).toInt());
    EXPECT_EQ(currentDocument().id, QStringLiteral("d316"));
    EXPECT_EQ(m_window.documentView()->textCursor().selectedText().toLower(), QStringLiteral("record of action conforms"));
}

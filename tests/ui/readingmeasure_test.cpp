// Issue 12, item 9: the reading column keeps a readable measure on a narrow window. At 1024 and 900 px
// the body text of Doc. 317 ran ~30 and ~15 characters a line while the side panes kept their width;
// now the panes give way (narrower, then tabs together beside the notes) and the text runs at least 60.
#include "readerfixture.h"

#include "readingmeasure.h"
#include "support/testdata.h"

#include <QDockWidget>
#include <QTabBar>
#include <QTest>

#include <algorithm>

using namespace marginalia;
using namespace marginalia::test;

namespace {

class ReadingColumn : public ReaderFixture {
protected:
    QDockWidget *dock(const char *name) { return m_window.findChild<QDockWidget *>(QLatin1String(name)); }
    // Resizes the window as a user drags its edge, and lets the layout settle.
    void resizeWindow(int width)
    {
        m_window.resize(width, 760);
        QTest::qWait(100);
        QCoreApplication::processEvents();
    }
    bool hasTab(const QString &title)
    {
        for (QTabBar *bar : m_window.findChildren<QTabBar *>()) {
            for (int i = 0; i < bar->count(); ++i) {
                if (bar->tabText(i) == title && bar->isVisible())
                    return true;
            }
        }
        return false;
    }
    void shoot(const QString &name)
    {
        saveScreenshot(name);
    }
};

} // namespace

TEST_F(ReadingColumn, Issue12At1024And900PxTheTextRunsSixtyCharactersBesideItsNotes)
{
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d317")));
    EXPECT_GE(charactersPerLine(m_window.documentView()), 60); // 1280 px, as the window opens
    for (const int width : {1024, 900}) {
        resizeWindow(width);
        ASSERT_EQ(m_window.width(), width);
        EXPECT_GE(charactersPerLine(m_window.documentView()), 60) << width;
        // The notes stay in sight beside the text; the library and the search are a click away, as tabs.
        EXPECT_TRUE(dock("notesDock")->isVisible()) << width;
        EXPECT_EQ(m_window.dockWidgetArea(dock("notesDock")), Qt::RightDockWidgetArea);
        EXPECT_TRUE(dock("libraryDock")->isVisible() || hasTab(QStringLiteral("Library"))) << width;
        EXPECT_TRUE(dock("searchDock")->isVisible() || hasTab(QStringLiteral("Search"))) << width;
        shoot(QStringLiteral("narrow-%1").arg(width));
    }

    // Wide again: the panes go back where they were, and the text keeps its measure.
    resizeWindow(1400);
    QTest::qWait(100);
    EXPECT_EQ(m_window.dockWidgetArea(dock("libraryDock")), Qt::LeftDockWidgetArea);
    EXPECT_TRUE(dock("libraryDock")->isVisible());
    EXPECT_EQ(m_window.dockWidgetArea(dock("notesDock")), Qt::RightDockWidgetArea);
    EXPECT_TRUE(dock("notesDock")->isVisible());
    EXPECT_GE(charactersPerLine(m_window.documentView()), 60);
    shoot(QStringLiteral("wide-1400"));
}

// The gutter of page labels is as wide as the document's labels need, not a fixed "[Page 8888]" of
// empty grey taken from the text.
TEST_F(ReadingColumn, Issue12ThePageGutterTakesOnlyTheRoomOfItsLabels)
{
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d317")));
    DocumentView *view = m_window.documentView();
    ASSERT_FALSE(view->pageLabels().isEmpty());
    // At most what "[Page 704]" needs in the view's own font (the labels are drawn smaller still).
    int widest = 0;
    for (const QString &label : view->pageLabels())
        widest = std::max(widest, view->fontMetrics().horizontalAdvance(QStringLiteral("[Page %1]").arg(label)));
    EXPECT_LE(view->viewport()->x(), widest);
    EXPECT_GT(view->viewport()->x(), widest / 2);
    view->scrollToPageBreak(int(view->pageLabels().indexOf(QStringLiteral("704"))));
    QCoreApplication::processEvents();
    const auto shown = view->visiblePageLabels();
    ASSERT_FALSE(shown.isEmpty());
    EXPECT_EQ(shown.front().first, QStringLiteral("[Page 704]"));
}

// Panes folded for a narrow window are not what the window remembers: closed at 900 px, it saves the
// layout the user had, so the next start on a wide screen has the library on the left again.
TEST_F(ReadingColumn, Issue12ClosingANarrowWindowSavesThePanesAsTheUserHadThem)
{
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d317")));
    resizeWindow(900);
    ASSERT_NE(m_window.dockWidgetArea(dock("libraryDock")), Qt::LeftDockWidgetArea); // folded beside the notes
    m_window.close();
    const QByteArray saved = m_settings.value(QStringLiteral("window/state")).toByteArray();
    ASSERT_FALSE(saved.isEmpty());
    QMainWindow fresh; // the next start's window, with the same panes
    for (QDockWidget *d : m_window.findChildren<QDockWidget *>()) {
        auto *copy = new QDockWidget(d->windowTitle(), &fresh);
        copy->setObjectName(d->objectName());
        fresh.addDockWidget(Qt::BottomDockWidgetArea, copy);
    }
    ASSERT_TRUE(fresh.restoreState(saved));
    EXPECT_EQ(fresh.dockWidgetArea(fresh.findChild<QDockWidget *>(QStringLiteral("libraryDock"))), Qt::LeftDockWidgetArea);
    EXPECT_EQ(fresh.dockWidgetArea(fresh.findChild<QDockWidget *>(QStringLiteral("notesDock"))), Qt::RightDockWidgetArea);
}

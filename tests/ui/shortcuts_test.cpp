// Issue 12: the window's keyboard, pressed as a user presses it.
#include "readerfixture.h"

#include "annotationcontroller.h"
#include "models/annotationsmodel.h"
#include "searchpane.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QMap>
#include <QSet>
#include <QTabBar>
#include <QTest>

using namespace marginalia;
using namespace marginalia::test;

namespace {

const QStringList kSample{QStringLiteral(":/sample/frus1961-63v09-d317.txt"),
                          QStringLiteral(":/sample/frus1961-63v09-d316-d318.xml")};

class WindowKeys : public ReaderFixture {
protected:
    WindowKeys()
    {
        // A shortcut of the window's context answers only in the active window (under a real display
        // server too, where this test also runs).
        m_window.activateWindow();
        EXPECT_TRUE(QTest::qWaitForWindowActive(&m_window));
    }
    // Every action of the window: its own, its menus', its panes' and its toolbars'.
    QSet<QAction *> allActions()
    {
        QSet<QAction *> actions;
        for (QAction *a : m_window.findChildren<QAction *>())
            actions.insert(a);
        for (QWidget *w : m_window.findChildren<QWidget *>())
            for (QAction *a : w->actions())
                actions.insert(a);
        for (QAction *a : m_window.actions())
            actions.insert(a);
        return actions;
    }
    // Clicks the docks' tab of that title, as a user brings a tabbed pane forward.
    void clickTab(const QString &title)
    {
        for (QTabBar *bar : m_window.findChildren<QTabBar *>()) {
            for (int i = 0; i < bar->count(); ++i) {
                if (bar->tabText(i) == title && bar->isVisible()) {
                    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(i).center());
                    QApplication::processEvents();
                    return;
                }
            }
        }
        ADD_FAILURE() << "no tab " << title.toStdString();
    }
    AnnotationsModel *listed() { return m_window.documentAnnotations(); }
    void press(int key, Qt::KeyboardModifiers modifiers)
    {
        QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : &m_window;
        QTest::keyClick(target, Qt::Key(key), modifiers);
    }
};

} // namespace

// A key bound twice is "ambiguous" to Qt and does nothing at all (Redo had Ctrl+Shift+Z twice on X11).
TEST_F(WindowKeys, Issue12EveryShortcutIsBoundOnce)
{
    QMap<QString, QString> owner; // key → the action that has it
    QStringList twice;
    for (QAction *a : allActions()) {
        for (const QKeySequence &keys : a->shortcuts()) {
            if (keys.isEmpty())
                continue;
            const QString key = keys.toString(QKeySequence::PortableText);
            const QString name = a->text().isEmpty() ? a->objectName() : a->text();
            if (owner.contains(key))
                twice << key + QStringLiteral(": ") + owner.value(key) + QStringLiteral(" and ") + name;
            owner.insert(key, name);
        }
    }
    EXPECT_TRUE(twice.isEmpty()) << twice.join(u'\n').toStdString();
    EXPECT_GT(owner.size(), 15); // the test saw the window's actions
}

TEST_F(WindowKeys, Issue12RedoAnswersCtrlShiftZAndCtrlY)
{
    ASSERT_TRUE(open(kSample));
    m_window.documentView()->setFocus();
    selectInView(QStringLiteral("Soviet bloc trade"));
    press(Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_EQ(listed()->rowCount(), 1);
    press(Qt::Key_Z, Qt::ControlModifier);
    ASSERT_EQ(listed()->rowCount(), 0);
    press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(listed()->rowCount(), 1) << "Ctrl+Shift+Z did not redo";
    press(Qt::Key_Z, Qt::ControlModifier);
    ASSERT_EQ(listed()->rowCount(), 0);
    press(Qt::Key_Y, Qt::ControlModifier);
    EXPECT_EQ(listed()->rowCount(), 1) << "Ctrl+Y did not redo";
}

TEST_F(WindowKeys, Issue12SearchTheLibraryBringsTheSearchTabForward)
{
    auto *searchDock = m_window.findChild<QDockWidget *>(QStringLiteral("searchDock"));
    auto *tagsDock = m_window.findChild<QDockWidget *>(QStringLiteral("tagsDock"));
    ASSERT_TRUE(searchDock && tagsDock);
    clickTab(QStringLiteral("Tags")); // the Tags tab in front
    // A dock behind another's tab stays "visible" to Qt, only covered: what is in front has a region on screen.
    ASSERT_TRUE(m_window.searchPane()->visibleRegion().isEmpty());
    m_window.documentView()->setFocus();
    press(Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QApplication::processEvents();
    EXPECT_FALSE(m_window.searchPane()->visibleRegion().isEmpty()) << "the Search tab stayed behind the Tags tab";
    auto *query = m_window.searchPane()->findChild<QLineEdit *>();
    ASSERT_TRUE(query);
    EXPECT_EQ(QApplication::focusWidget(), query);
    press(Qt::Key_A, {});
    EXPECT_EQ(query->text(), QStringLiteral("a"));
}

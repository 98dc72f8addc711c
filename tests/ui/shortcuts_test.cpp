// Issue 12: the window's keyboard, pressed as a user presses it.
#include "readerfixture.h"

#include "annotationcontroller.h"
#include "annotationspane.h"
#include "models/annotationsmodel.h"
#include "searchpane.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QListView>
#include <QMap>
#include <QSet>
#include <QStatusBar>
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

// Issue 12 (14): on most keyboards "+" needs Shift; Ctrl+= is the zoom key people press.
TEST_F(WindowKeys, Issue12CtrlEqualsZoomsInLikeCtrlPlus)
{
    ASSERT_TRUE(open(kSample));
    m_window.documentView()->setFocus();
    const qreal before = m_window.controller()->zoom();
    press(Qt::Key_Equal, Qt::ControlModifier);
    const qreal afterEquals = m_window.controller()->zoom();
    EXPECT_GT(afterEquals, before);
    press(Qt::Key_Plus, Qt::ControlModifier);
    EXPECT_GT(m_window.controller()->zoom(), afterEquals);
}

// Issue 12 (14): Delete in the annotations list deletes the chosen annotation, and Ctrl+Z brings it back.
TEST_F(WindowKeys, Issue12DeleteInTheAnnotationsListDeletesTheAnnotation)
{
    ASSERT_TRUE(open(kSample));
    selectInView(QStringLiteral("Soviet bloc trade"));
    m_window.annotationController()->highlightSelection();
    selectInView(QStringLiteral("multilateral export controls"));
    m_window.annotationController()->highlightSelection();
    ASSERT_EQ(listed()->rowCount(), 2);
    clickTab(QStringLiteral("Annotations"));
    QListView *list = m_window.annotationsPane()->list();
    const QModelIndex first = list->model()->index(0, 0);
    const QString chosen = first.data(AnnotationsModel::IdRole).toString();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(first).center());
    ASSERT_EQ(m_window.annotationsPane()->currentId(), chosen);
    list->setFocus();
    press(Qt::Key_Delete, {});
    ASSERT_EQ(listed()->rowCount(), 1);
    EXPECT_NE(listed()->index(0).data(AnnotationsModel::IdRole).toString(), chosen);
    press(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(listed()->rowCount(), 2);
}

// Issue 12 (14): Note… with nothing selected says what to do instead of doing nothing.
TEST_F(WindowKeys, Issue12NoteWithoutASelectionSaysWhy)
{
    ASSERT_TRUE(open(kSample));
    m_window.documentView()->setFocus();
    m_window.documentView()->setTextCursor(QTextCursor(m_window.documentView()->document()));
    m_window.statusBar()->clearMessage();
    press(Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_TRUE(m_window.statusBar()->currentMessage().contains(QStringLiteral("Select a passage")))
        << m_window.statusBar()->currentMessage().toStdString();
    EXPECT_EQ(listed()->rowCount(), 0);
}

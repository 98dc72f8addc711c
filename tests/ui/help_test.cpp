// Issue 12 (18): Help › Keyboard Shortcuts lists the window's actions with their keys as they are, and
// Help › Marginalia Help shows the bundled guide without a network.
#include "readerfixture.h"

#include "helpcontroller.h"
#include "helpwindow.h"
#include "shortcutsdialog.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QMenuBar>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

using namespace marginalia;
using namespace marginalia::test;

namespace {

class WindowHelp : public ReaderFixture {
protected:
    WindowHelp()
    {
        m_window.activateWindow();
        EXPECT_TRUE(QTest::qWaitForWindowActive(&m_window));
    }
    // What the table shows, row by row: "command|keys|menu".
    static QStringList shownRows(const QTableView *table)
    {
        QStringList rows;
        const QAbstractItemModel *model = table->model();
        for (int r = 0; r < model->rowCount(); ++r)
            rows << QStringList{model->index(r, 0).data().toString(), model->index(r, 1).data().toString(),
                                model->index(r, 2).data().toString()}
                        .join(u'|');
        return rows;
    }
    // Every action of the window with a key, found independently of the dialog's walk of the menus.
    QStringList actionsWithKeys()
    {
        QStringList found;
        for (QAction *a : m_window.findChildren<QAction *>())
            if (!a->shortcuts().isEmpty() && !a->text().isEmpty())
                found << withoutMnemonic(a->text());
        found.removeDuplicates();
        return found;
    }
};

} // namespace

TEST_F(WindowHelp, Issue12KeyboardShortcutsListsEveryActionWithItsKeys)
{
    QTest::keyClick(&m_window, Qt::Key_Slash, Qt::ControlModifier);
    ShortcutsDialog *dialog = m_window.help()->shortcutsDialog();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    const QStringList rows = shownRows(dialog->table());
    EXPECT_TRUE(rows.contains(QStringLiteral("Copy with Citation|Ctrl+Shift+C|Edit"))) << rows.join(u'\n').toStdString();
    EXPECT_TRUE(rows.contains(QStringLiteral("Highlight|Ctrl+Shift+H|Annotate"))) << rows.join(u'\n').toStdString();
    // Redo's two keys, then what the platform adds (offscreen: Alt+Shift+Backspace).
    EXPECT_EQ(rows.filter(QStringLiteral("Redo|Ctrl+Shift+Z, Ctrl+Y")).size(), 1) << rows.join(u'\n').toStdString();
    EXPECT_TRUE(rows.contains(QStringLiteral("Keyboard Shortcuts|Ctrl+/|Help"))) << rows.join(u'\n').toStdString();
    // A pane's own key, outside the menus, under the pane's name.
    EXPECT_TRUE(rows.contains(QStringLiteral("Delete Annotation|Del|Annotations"))) << rows.join(u'\n').toStdString();
    for (const QString &command : actionsWithKeys()) {
        const bool listed = std::any_of(rows.begin(), rows.end(), [&](const QString &row) { return row.startsWith(command + u'|'); });
        EXPECT_TRUE(listed) << command.toStdString() << " is not listed";
    }
    for (const QString &row : rows)
        EXPECT_FALSE(row.section(u'|', 1, 1).isEmpty()) << row.toStdString();
    saveScreenshot(QStringLiteral("18-keyboard-shortcuts"), dialog);

    // Typing in the field keeps the commands that match.
    QTest::keyClicks(dialog->filter(), QStringLiteral("citation"));
    EXPECT_EQ(shownRows(dialog->table()), QStringList{QStringLiteral("Copy with Citation|Ctrl+Shift+C|Edit")});
    dialog->close();
}

TEST_F(WindowHelp, Issue12KeyboardShortcutsFollowAChangedKey)
{
    QAction *cite = m_window.findChild<QAction *>(QStringLiteral("copyWithCitationAction"));
    ASSERT_NE(cite, nullptr);
    cite->setShortcut(QKeySequence(QStringLiteral("Ctrl+Alt+K")));
    m_window.help()->shortcutsAction()->trigger();
    const QStringList rows = shownRows(m_window.help()->shortcutsDialog()->table());
    EXPECT_TRUE(rows.contains(QStringLiteral("Copy with Citation|Ctrl+Alt+K|Edit"))) << rows.join(u'\n').toStdString();
    EXPECT_FALSE(rows.join(u'\n').contains(QStringLiteral("Ctrl+Shift+C")));
}

TEST_F(WindowHelp, Issue12MarginaliaHelpShowsTheBundledGuide)
{
    QTest::keyClick(&m_window, Qt::Key_F1);
    HelpWindow *help = m_window.help()->helpWindow();
    ASSERT_NE(help, nullptr);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(help));
    QTextBrowser *browser = help->browser();
    EXPECT_EQ(browser->source().scheme(), QStringLiteral("qrc"));
    const QString text = browser->toPlainText();
    EXPECT_TRUE(text.startsWith(QStringLiteral("Marginalia Help"))) << text.left(80).toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("File › Import Annotations…")));
    EXPECT_TRUE(text.contains(QStringLiteral("Keyboard Shortcuts")));
    EXPECT_EQ(help->windowTitle(), QStringLiteral("Marginalia Help"));
    saveScreenshot(QStringLiteral("18-help-window"), help);

    // A link of its contents, clicked, moves down to its section, inside the guide.
    ASSERT_EQ(browser->verticalScrollBar()->value(), 0);
    ASSERT_TRUE(clickLink(browser, QUrl(QStringLiteral("#exchange"))));
    QApplication::processEvents();
    EXPECT_GT(browser->verticalScrollBar()->value(), 0);
    EXPECT_EQ(browser->source().scheme(), QStringLiteral("qrc"));
    EXPECT_EQ(browser->source().fragment(), QStringLiteral("exchange"));
}

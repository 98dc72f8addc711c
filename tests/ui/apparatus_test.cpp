// Issue 12 (17): the volume's persons and terms beside the reading, each mention opening its passage,
// and Go › Open on history.state.gov for the document on screen (the browser is never started: the
// test's own opener receives the address).
#include "readerfixture.h"

#include "apparatuscontroller.h"
#include "glossarypane.h"
#include "models/glossarymodel.h"
#include "support/testdata.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QTabBar>
#include <QTest>
#include <QTreeView>

using namespace marginalia;
using namespace marginalia::test;

namespace {

class WindowApparatus : public ReaderFixture {
protected:
    WindowApparatus()
    {
        m_window.activateWindow();
        EXPECT_TRUE(QTest::qWaitForWindowActive(&m_window));
    }
    void clickRow(QTreeView *view, const QModelIndex &index)
    {
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
        QApplication::processEvents();
    }
};

} // namespace

TEST_F(WindowApparatus, Issue12PersonsListFindsAPersonAndAMentionOpensThePassage)
{
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d316")));
    clickTab(QStringLiteral("Persons"));
    GlossaryPane *pane = m_window.apparatus()->personsPane();
    ASSERT_TRUE(pane->isVisible());
    QTreeView *view = pane->view();
    ASSERT_GT(view->model()->rowCount(), 3);
    saveScreenshot(QStringLiteral("17-persons-list"));

    QTest::mouseClick(pane->searchField(), Qt::LeftButton);
    QTest::keyClicks(pane->searchField(), QStringLiteral("hodges"));
    ASSERT_EQ(view->model()->rowCount(), 1);
    const QModelIndex hodges = view->model()->index(0, 0);
    EXPECT_TRUE(hodges.data().toString().contains(QStringLiteral("Hodges")));
    // Unfolded with the keyboard, as a user does: its mentions in the volume.
    view->setFocus();
    view->setCurrentIndex(hodges);
    QTest::keyClick(view, Qt::Key_Right);
    ASSERT_TRUE(view->isExpanded(hodges));
    const int mentions = view->model()->rowCount(hodges);
    ASSERT_EQ(mentions, 10); // ten persName corresp="#p_HLH1" in the file
    saveScreenshot(QStringLiteral("17-persons-hodges"));
    // A mention in the text of another document opens it with the words selected.
    QModelIndex chosen;
    for (int row = 0; row < mentions && !chosen.isValid(); ++row) {
        const QModelIndex m = view->model()->index(row, 0, hodges);
        if (m.data(GlossaryModel::FootnoteRole).toInt() < 0 && m.data(GlossaryModel::DocumentRole).toInt() != m_navigator.current().document)
            chosen = m;
    }
    ASSERT_TRUE(chosen.isValid());
    EXPECT_TRUE(chosen.data().toString().startsWith(QStringLiteral("Doc. 317: "))) << chosen.data().toString().toStdString();
    clickRow(view, chosen);
    EXPECT_EQ(currentDocument().id, QStringLiteral("d317"));
    EXPECT_EQ(m_window.documentView()->textCursor().selectedText(), QStringLiteral("Hodges"));
}

TEST_F(WindowApparatus, Issue12TermsListTheVolumesAbbreviations)
{
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d317")));
    clickTab(QStringLiteral("Terms"));
    GlossaryPane *pane = m_window.apparatus()->termsPane();
    QTest::keyClicks(pane->searchField(), QStringLiteral("NSC"));
    ASSERT_EQ(pane->view()->model()->rowCount(), 1);
    EXPECT_EQ(pane->view()->model()->index(0, GlossaryModel::MentionsColumn).data().toInt(), 9);
}

TEST_F(WindowApparatus, Issue12OpenOnHistoryStateGovGivesTheDocumentsAddress)
{
    QList<QUrl> opened;
    m_window.apparatus()->setUrlOpener([&](const QUrl &url) {
        opened << url;
        return true;
    });
    QAction *action = m_window.findChild<QAction *>(QStringLiteral("openOnWebAction"));
    ASSERT_NE(action, nullptr);
    EXPECT_FALSE(action->isEnabled()); // nothing on screen yet
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d317")));
    ASSERT_TRUE(action->isEnabled());
    action->trigger();
    ASSERT_EQ(opened.size(), 1);
    EXPECT_EQ(opened.at(0).toString().toStdString(), "https://history.state.gov/historicaldocuments/frus1961-63v09/d317");
    QTest::keyClick(&m_window, Qt::Key_PageDown, Qt::ControlModifier); // the next document
    ASSERT_EQ(currentDocument().id, QStringLiteral("d318"));
    action->trigger();
    ASSERT_EQ(opened.size(), 2);
    EXPECT_EQ(opened.at(1).toString().toStdString(), "https://history.state.gov/historicaldocuments/frus1961-63v09/d318");
}

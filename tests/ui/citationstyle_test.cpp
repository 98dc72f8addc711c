// Issue 13 (15): Edit › Citation Style chooses what Copy with Citation copies; the short label stays the
// default, and the choice is remembered.
#include "readerfixture.h"

#include "support/testdata.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QTest>

using namespace marginalia;
using namespace marginalia::test;

namespace {

class CitationStyleMenu : public ReaderFixture {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(open({dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d317")));
        QApplication::clipboard()->clear();
    }

    QAction *styleAction(const QString &name) const
    {
        return m_window.findChild<QAction *>(QStringLiteral("citationStyle-") + name);
    }

    // Chooses a style as a user does: Edit, then Citation Style, then the style's mnemonic.
    void chooseStyle(Qt::Key mnemonic)
    {
        QMenu *styles = m_window.findChild<QMenu *>(QStringLiteral("citationStyleMenu"));
        ASSERT_NE(styles, nullptr);
        auto *edit = qobject_cast<QMenu *>(styles->parentWidget());
        ASSERT_NE(edit, nullptr);
        m_window.menuBar()->setActiveAction(edit->menuAction());
        ASSERT_TRUE(QTest::qWaitFor([&] { return edit->isVisible(); }));
        QTest::keyClick(edit, Qt::Key_S); // Citation &Style
        ASSERT_TRUE(QTest::qWaitFor([&] { return styles->isVisible(); }));
        QTest::keyClick(styles, mnemonic);
        // The menus close once the choice is made; the keys go back to the window.
        ASSERT_TRUE(QTest::qWaitFor([&] { return !styles->isVisible() && !edit->isVisible(); }));
        m_window.activateWindow();
        QTest::qWait(20);
    }
};

TEST_F(CitationStyleMenu, Issue13TheShortLabelIsTheDefault)
{
    ASSERT_NE(styleAction(QStringLiteral("short")), nullptr);
    EXPECT_TRUE(styleAction(QStringLiteral("short"))->isChecked());
    selectInView(QStringLiteral("As I wrote you on August 9"));
    QTest::keyClick(&m_window, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(QApplication::clipboard()->text(),
              QStringLiteral("“As I wrote you on August 9” (FRUS 1961–63, vol. IX, Doc. 317, p. 704)"));
}

TEST_F(CitationStyleMenu, Issue13ChicagoNoteIsCopiedWithTheQuotationsPageAndRemembered)
{
    chooseStyle(Qt::Key_N); // Chicago &Note
    ASSERT_TRUE(styleAction(QStringLiteral("chicago-note"))->isChecked());
    EXPECT_EQ(m_settings.value(QStringLiteral("reader/citationStyle")).toString(), QStringLiteral("chicago-note"));
    selectInView(QStringLiteral("As I wrote you on August 9"));
    QTest::keyClick(&m_window, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    const QString copied = QApplication::clipboard()->text();
    EXPECT_TRUE(copied.startsWith(QStringLiteral("“As I wrote you on August 9”\n\nSecretary of State Rusk to Secretary of "
                                                 "Commerce Hodges, letter, Washington, September 5, 1962, in ")))
        << copied.toStdString();
    EXPECT_TRUE(copied.endsWith(QStringLiteral("(Washington, DC: GPO, 1995), doc. 317, p. 704, "
                                               "https://history.state.gov/historicaldocuments/frus1961-63v09/d317.")))
        << copied.toStdString();
    // Pasted into a word processor, the titles are in italics.
    ASSERT_NE(QApplication::clipboard()->mimeData(), nullptr);
    EXPECT_TRUE(QApplication::clipboard()->mimeData()->html().contains(QStringLiteral("<i>Foreign Economic Policy</i>")));
}

TEST_F(CitationStyleMenu, Issue13OfficeOfTheHistorianWithNothingSelectedCitesTheDocument)
{
    chooseStyle(Qt::Key_O); // &Office of the Historian
    ASSERT_TRUE(styleAction(QStringLiteral("hsg"))->isChecked());
    QTest::keyClick(&m_window, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(QApplication::clipboard()->text(),
              QStringLiteral("Foreign Relations of the United States, 1961–1963, Volume IX, Foreign Economic Policy, "
                             "eds. Evans Gerakas, David S. Patterson, William F. Sanford, Jr., and Carolyn B. Yee "
                             "(Washington: Government Printing Office, 1995), Document 317."));
}

} // namespace

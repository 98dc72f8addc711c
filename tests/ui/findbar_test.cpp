// Issue 12, item 12: Ctrl+F finds in the notes too, and ignores accents and case as the library search
// does ("Attach" finds the "Attaché" that only a footnote of Doc. 110 of FRUS 1934 vol. V holds).
#include "readerfixture.h"

#include "findbar.h"
#include "support/testdata.h"
#include "util/textfold.h"

#include <QApplication>
#include <QLineEdit>
#include <QTest>

using namespace marginalia;
using namespace marginalia::test;

namespace {

class FindInDocument : public ReaderFixture {
protected:
    FindInDocument()
    {
        // Ctrl+F is a shortcut of the window: it answers in the active window only.
        m_window.activateWindow();
        EXPECT_TRUE(QTest::qWaitForWindowActive(&m_window));
    }
    // Ctrl+F in the text, then `text` typed into the bar, as the reader does.
    void find(const QString &text)
    {
        m_window.documentView()->setFocus();
        QTest::keyClick(m_window.documentView(), Qt::Key_F, Qt::ControlModifier);
        ASSERT_TRUE(m_window.findBar()->isVisible());
        auto *edit = m_window.findBar()->findChild<QLineEdit *>();
        ASSERT_EQ(QApplication::focusWidget(), edit);
        QTest::keyClicks(edit, text);
    }
    int footnoteLabelled(const QString &label)
    {
        const auto &notes = currentDocument().footnotes;
        for (std::size_t i = 0; i < notes.size(); ++i) {
            if (notes[i].label == label)
                return int(i);
        }
        ADD_FAILURE() << "no footnote " << label.toStdString();
        return -1;
    }
};

} // namespace

TEST_F(FindInDocument, Issue12AWordOnlyAFootnoteHoldsIsFoundAndSelectedInTheNotes)
{
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1934v05.xml"))}, QStringLiteral("d110")));
    DocumentView *view = m_window.documentView();
    FootnotePane *notes = m_window.footnotePane();
    ASSERT_FALSE(foldForSearch(view->toPlainText()).contains(QStringLiteral("attach")));
    ASSERT_TRUE(notes->toPlainText().contains(QStringLiteral("Attaché")));

    find(QStringLiteral("Attach"));
    EXPECT_EQ(notes->textCursor().selectedText(), QStringLiteral("Attach"));
    EXPECT_EQ(notes->footnoteAtPosition(notes->textCursor().selectionStart()), footnoteLabelled(QStringLiteral("22")));
    EXPECT_FALSE(view->textCursor().hasSelection());
    EXPECT_EQ(m_window.findBar()->status(), QStringLiteral("In the notes"));

    // Without the accent, in lower case: the same word.
    auto *edit = m_window.findBar()->findChild<QLineEdit *>();
    edit->selectAll();
    QTest::keyClicks(edit, QStringLiteral("attache"));
    EXPECT_EQ(notes->textCursor().selectedText(), QStringLiteral("Attaché"));
    // Return again: the only one, found again after going round the text.
    QTest::keyClick(edit, Qt::Key_Return);
    EXPECT_EQ(notes->textCursor().selectedText(), QStringLiteral("Attaché"));
    EXPECT_EQ(m_window.findBar()->status(), QStringLiteral("In the notes"));
    saveScreenshot(QStringLiteral("find-in-notes"));
}

TEST_F(FindInDocument, Issue12FindingInTheTextIgnoresAccentsAndGoesOnIntoTheNotes)
{
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1934v05.xml"))}, QStringLiteral("d351")));
    DocumentView *view = m_window.documentView();
    const qsizetype inText = view->toPlainText().count(QStringLiteral("Attaché"));
    ASSERT_EQ(inText, 3); // "the French Commercial Attaché" three times
    ASSERT_FALSE(m_window.footnotePane()->toPlainText().contains(QStringLiteral("Attaché")));

    find(QStringLiteral("commercial attache"));
    EXPECT_EQ(view->textCursor().selectedText(), QStringLiteral("Commercial Attaché"));
    const int first = view->textCursor().selectionStart();
    auto *edit = m_window.findBar()->findChild<QLineEdit *>();
    for (qsizetype i = 1; i < inText; ++i) {
        QTest::keyClick(edit, Qt::Key_Return);
        EXPECT_EQ(view->textCursor().selectedText(), QStringLiteral("Commercial Attaché"));
        EXPECT_GT(view->textCursor().selectionStart(), first);
    }
    const int last = view->textCursor().selectionStart();
    QTest::keyClick(edit, Qt::Key_Return); // past the last, through the notes (none there), to the first
    EXPECT_EQ(view->textCursor().selectionStart(), first);
    QTest::keyClick(edit, Qt::Key_Return, Qt::ShiftModifier); // and back round to the last
    EXPECT_EQ(view->textCursor().selectionStart(), last);
    EXPECT_EQ(view->textCursor().selectedText(), QStringLiteral("Commercial Attaché"));
}

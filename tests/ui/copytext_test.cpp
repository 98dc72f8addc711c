// Issue 12 (7): Ctrl+C copies the reading text, without the footnote markers the view draws in it, and
// Copy with Citation (Ctrl+Shift+C) adds the citation with the pages the quotation runs over.
#include "readerfixture.h"

#include "support/testdata.h"

#include <QApplication>
#include <QClipboard>
#include <QMimeData>
#include <QTest>
#include <QTextDocumentFragment>

using namespace marginalia;
using namespace marginalia::test;

namespace {

class CopyText : public ReaderFixture {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(open({dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d317")));
        QApplication::clipboard()->clear();
    }

    // Triple-clicks the paragraph that holds `words`, as a user selects a paragraph.
    void tripleClick(const QString &words)
    {
        DocumentView *view = m_window.documentView();
        const int at = view->toPlainText().indexOf(words);
        ASSERT_GE(at, 0) << words.toStdString();
        QTextCursor c(view->document());
        c.setPosition(at + 1);
        view->setTextCursor(c);
        view->ensureCursorVisible();
        const QPoint point = view->cursorRect(c).center();
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, point);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, point);
    }

    // Selects from the start of `from` to the end of `to`.
    void selectFromTo(const QString &from, const QString &to)
    {
        DocumentView *view = m_window.documentView();
        const QString text = view->toPlainText();
        const int start = text.indexOf(from);
        const int end = text.indexOf(to) + int(to.size());
        ASSERT_GE(start, 0);
        QTextCursor c(view->document());
        c.setPosition(start);
        c.setPosition(end, QTextCursor::KeepAnchor);
        view->setTextCursor(c);
        ASSERT_EQ(view->textCursor().selectionStart(), start);
    }
};

TEST_F(CopyText, Issue12CtrlCLeavesTheFootnoteMarkersOut)
{
    tripleClick(QStringLiteral("As I wrote you on August 9"));
    const QString selected = m_window.documentView()->textCursor().selectedText();
    // What the view shows has the markers: "practices.2" and "future.3" (glued by a word joiner).
    ASSERT_TRUE(selected.contains(QStringLiteral("practices.\u20602"))) << selected.toStdString();
    QTest::keyClick(m_window.documentView(), Qt::Key_C, Qt::ControlModifier);

    const QString copied = QApplication::clipboard()->text();
    EXPECT_EQ(copied.trimmed().toStdString(),
              "As I wrote you on August 9 we have been proceeding under NSC Action 2455 to develop a code of fair "
              "practices. We have now sent you a draft of such a code and I hope to have your views on it in the "
              "near future.");
    // The rich text pasted into a word processor has neither the markers nor links into this window.
    const QString html = QApplication::clipboard()->mimeData()->html();
    EXPECT_TRUE(QTextDocumentFragment::fromHtml(html).toPlainText().contains(QStringLiteral("fair practices. We have now sent")))
        << html.toStdString();
    EXPECT_FALSE(html.contains(QStringLiteral("href"))) << html.toStdString();
}

TEST_F(CopyText, Issue12CtrlCOfSeveralParagraphsKeepsThemApart)
{
    selectFromTo(QStringLiteral("Soviet bloc."), QStringLiteral("I realize that"));
    QTest::keyClick(m_window.documentView(), Qt::Key_C, Qt::ControlModifier);
    const QString copied = QApplication::clipboard()->text();
    EXPECT_TRUE(copied.startsWith(QStringLiteral("Soviet bloc."))) << copied.toStdString();
    EXPECT_FALSE(copied.contains(QStringLiteral("bloc.1"))) << copied.toStdString();
    EXPECT_TRUE(copied.contains(QStringLiteral("\nI realize that"))) << copied.toStdString();
}

TEST_F(CopyText, Issue12CopyWithCitationGivesThePagesTheQuotationRunsOver)
{
    // From the end of page 703 onto page 704, markers within.
    selectFromTo(QStringLiteral("air corridor harassment."), QStringLiteral("draft of such a code"));
    QTest::keyClick(&m_window, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    const QString copied = QApplication::clipboard()->text();
    EXPECT_TRUE(copied.startsWith(QStringLiteral("“air corridor harassment. As I wrote you on August 9"))) << copied.toStdString();
    EXPECT_TRUE(copied.contains(QStringLiteral("fair practices. We have now sent"))) << copied.toStdString();
    EXPECT_TRUE(copied.endsWith(QStringLiteral("draft of such a code” (FRUS 1961–63, vol. IX, Doc. 317, pp. 703–704)")))
        << copied.toStdString();
}

TEST_F(CopyText, Issue12CopyWithCitationIsTheOneActionOnCtrlShiftC)
{
    int bound = 0;
    QString text;
    for (QAction *a : m_window.findChildren<QAction *>()) {
        if (a->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C))) {
            ++bound;
            text = a->text();
        }
    }
    EXPECT_EQ(bound, 1);
    EXPECT_EQ(text.toStdString(), "Copy with &Citation");
}

} // namespace

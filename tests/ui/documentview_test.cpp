// Issue 12, item 14: what the reading view draws. A footnote marker stays on the line of the word it
// follows, whatever the width; only persons and terms the volume's lists explain are underlined.
#include "readerfixture.h"

#include "support/testdata.h"

#include "model/readingtext.h"

#include <QApplication>
#include <QClipboard>
#include <QDockWidget>
#include <QFile>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace marginalia;
using namespace marginalia::test;

namespace {

// The line of its paragraph a document position is laid out on.
int lineOf(const QTextDocument *doc, int position)
{
    const QTextBlock block = doc->findBlock(position);
    return block.layout()->lineForTextPosition(position - block.position()).lineNumber();
}

// The last letter or digit before `position` (what a marker follows, past what the renderer added).
int wordEndBefore(const QTextDocument *doc, int position)
{
    int at = position - 1;
    while (at > 0 && !doc->characterAt(at).isLetterOrNumber() && !doc->characterAt(at).isPunct())
        --at;
    return at;
}

class ReadingView : public ReaderFixture {
protected:
    QTextCharFormat formatOf(const QString &words)
    {
        DocumentView *view = m_window.documentView();
        const int at = view->toPlainText().indexOf(words);
        EXPECT_GE(at, 0) << words.toStdString();
        QTextCursor c(view->document());
        c.setPosition(at + 1);
        return c.charFormat();
    }
};

} // namespace

TEST_F(ReadingView, Issue12AFootnoteMarkerNeverStartsALineOfItsOwn)
{
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d317")));
    DocumentView *view = m_window.documentView();
    const RenderedText &shown = view->rendered();
    ASSERT_GE(shown.markers.size(), 4u);
    int checked = 0;
    // The notes pane dragged wider step by step, as a reader does: at no width of the text does a marker
    // go to the next line without the word before it ("bloc.1", "practices.2" and "future.3" end
    // sentences, where Qt may break a line).
    m_window.resize(1400, 760);
    QDockWidget *notes = m_window.findChild<QDockWidget *>(QStringLiteral("notesDock"));
    for (int width = 260; width <= 700; width += 3) {
        m_window.resizeDocks({notes}, {width}, Qt::Horizontal);
        QCoreApplication::processEvents();
        for (std::size_t i = 0; i < shown.markers.size(); ++i) {
            const RenderedText::Span span = shown.markers[i];
            if (!span.valid() || span.start == view->document()->findBlock(span.start).position())
                continue;
            const int word = wordEndBefore(view->document(), span.start);
            ASSERT_EQ(lineOf(view->document(), span.start), lineOf(view->document(), word))
                << "marker " << i << " with the text " << view->viewport()->width() << " px wide";
            ++checked;
        }
    }
    EXPECT_GT(checked, 300);

    // What glues it is the rendering's, not the reading text's: annotations anchor on the same offsets,
    // and a copy has the words only.
    const QString reading = ReadingText(currentDocument().body).text();
    const int bloc = int(reading.indexOf(QStringLiteral("Soviet bloc.")));
    ASSERT_GT(bloc, 0);
    view->selectReadingRange(bloc, bloc + 12);
    EXPECT_EQ(view->selectedReadingRange(), std::make_pair(bloc, bloc + 12));
    const int start = view->toPlainText().indexOf(QStringLiteral("a code of fair practices"));
    const int end = view->toPlainText().indexOf(QStringLiteral("We have now sent"));
    ASSERT_GT(end, start);
    QTextCursor c(view->document());
    c.setPosition(start);
    c.setPosition(end, QTextCursor::KeepAnchor);
    view->setTextCursor(c);
    QApplication::clipboard()->clear();
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
    EXPECT_EQ(QApplication::clipboard()->text().toStdString(), "a code of fair practices. ");
}

// The extract of vol. IX carries no list of persons: none of its 52 names leads anywhere, so none is
// underlined as if it did.
TEST_F(ReadingView, Issue12ANameWithoutAnEntryInTheVolumeIsNotUnderlined)
{
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d317")));
    const QTextCharFormat hodges = formatOf(QStringLiteral("Hodges"));
    EXPECT_EQ(hodges.underlineStyle(), QTextCharFormat::NoUnderline);
    EXPECT_FALSE(hodges.isAnchor());
    EXPECT_TRUE(hodges.toolTip().isEmpty());
}

// The same document with the entry vol. IX's list of persons has for Hodges: his name is underlined and
// leads to it; Rusk, still without one, is not.
TEST_F(ReadingView, Issue12ANameTheVolumeExplainsIsUnderlinedAndLeadsToItsEntry)
{
    QFile extract(dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml")));
    ASSERT_TRUE(extract.open(QIODevice::ReadOnly));
    QString tei = QString::fromUtf8(extract.readAll());
    const QString persons = QStringLiteral(
        "<text><front><div type=\"section\" xml:id=\"persons\"><list><item><hi rend=\"strong\"><persName "
        "xml:id=\"p_HLH1\">Hodges, Luther H.</persName>,</hi> Secretary of Commerce from January 21, 1961</item>"
        "</list></div></front>");
    ASSERT_EQ(tei.count(QStringLiteral("<text>")), 1);
    tei.replace(QStringLiteral("<text>"), persons);
    const QString path = m_dir.filePath(QStringLiteral("frus1961-63v09-with-persons.xml"));
    QFile copy(path);
    ASSERT_TRUE(copy.open(QIODevice::WriteOnly));
    copy.write(tei.toUtf8());
    copy.close();
    ASSERT_TRUE(open({path}, QStringLiteral("d317")));

    const QTextCharFormat hodges = formatOf(QStringLiteral("Hodges"));
    EXPECT_EQ(hodges.underlineStyle(), QTextCharFormat::DotLine);
    EXPECT_TRUE(hodges.isAnchor());
    EXPECT_TRUE(hodges.toolTip().contains(QStringLiteral("Secretary of Commerce")));
    const QTextCharFormat rusk = formatOf(QStringLiteral("Rusk"));
    EXPECT_EQ(rusk.underlineStyle(), QTextCharFormat::NoUnderline);
    EXPECT_FALSE(rusk.isAnchor());
}

// Annotating in the window: selection → highlight, tags, notes; the panes; undo; identity across copies.
#include "readerfixture.h"

#include "annotationcontroller.h"
#include "annotationspane.h"
#include "documentview.h"
#include "models/annotationsmodel.h"
#include "models/tagsmodel.h"
#include "support/testdata.h"
#include "tagbrowser.h"

#include <QAction>
#include <QListView>
#include <QMenu>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTest>

using namespace marginalia;
using namespace marginalia::test;

namespace {

const QStringList kSample{QStringLiteral(":/sample/frus1961-63v09-d317.txt"),
                          QStringLiteral(":/sample/frus1961-63v09-d316-d318.xml")};

class Annotating : public ReaderFixture {
protected:
    QString viewTextAt(int start, int end)
    {
        const RenderedText &map = m_window.documentView()->rendered();
        const int from = map.positionOfOffset(start);
        const int to = map.positionOfOffset(end);
        QTextCursor c(m_window.documentView()->document());
        c.setPosition(from);
        c.setPosition(to, QTextCursor::KeepAnchor);
        return c.selectedText();
    }
    AnnotationsModel *listed() { return m_window.documentAnnotations(); }
};

} // namespace

TEST_F(Annotating, HighlightPaintsThePassageAndListsIt)
{
    ASSERT_TRUE(open(kSample));
    const int paintedBefore = int(m_window.documentView()->extraSelections().size());
    selectInView(QStringLiteral("code of fair practices"));
    QTest::keyClick(&m_window, Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_EQ(listed()->rowCount(), 1);
    EXPECT_EQ(listed()->index(0).data(AnnotationsModel::QuoteRole).toString(), QStringLiteral("code of fair practices"));
    EXPECT_GT(int(m_window.documentView()->extraSelections().size()), paintedBefore);
    saveScreenshot(QStringLiteral("07-highlight"));
}

// Issue 12 (15): the menu on a highlight itself. A right click inside it selects the passage, so that the
// context menu's colours, Tag… and Note… edit that annotation, and Delete Highlight deletes it (undone).
TEST_F(Annotating, Issue12ARightClickOnAHighlightActsOnThatAnnotation)
{
    ASSERT_TRUE(open(kSample));
    selectInView(QStringLiteral("code of fair practices"));
    m_window.annotationController()->highlightSelection();
    ASSERT_EQ(listed()->rowCount(), 1);
    const QString id = listed()->index(0).data(AnnotationsModel::IdRole).toString();
    DocumentView *view = m_window.documentView();
    QTextCursor none = view->textCursor();
    none.clearSelection();
    view->setTextCursor(none);

    const QString body = view->toPlainText();
    const int at = int(body.indexOf(QStringLiteral("code of fair practices")));
    ASSERT_GE(at, 0);
    QTextCursor inside(view->document());
    inside.setPosition(at + 9); // in "fair"
    const QPoint point = view->cursorRect(inside).center();
    QTest::mousePress(view->viewport(), Qt::RightButton, {}, point);
    QTest::mouseRelease(view->viewport(), Qt::RightButton, {}, point);
    EXPECT_EQ(view->textCursor().selectedText(), QStringLiteral("code of fair practices"));

    QAction *green = nullptr;
    QAction *remove = nullptr;
    for (QAction *a : view->actions()) {
        if (a->objectName() == QLatin1String("deleteHighlightAction"))
            remove = a;
        if (QMenu *menu = a->menu()) {
            for (QAction *colour : menu->actions()) {
                if (colour->text() == QLatin1String("Green"))
                    green = colour;
            }
        }
    }
    ASSERT_NE(green, nullptr) << "the colours are in the text's context menu";
    ASSERT_NE(remove, nullptr);
    green->trigger();
    ASSERT_EQ(listed()->rowCount(), 1) << "recoloured, not a second annotation";
    EXPECT_EQ(m_annotations.find(id)->color, QStringLiteral("#B5E3A1"));

    QTest::mousePress(view->viewport(), Qt::RightButton, {}, point);
    remove->trigger();
    EXPECT_EQ(listed()->rowCount(), 0);
    EXPECT_FALSE(m_annotations.find(id));
    m_undoStack.undo();
    EXPECT_EQ(listed()->rowCount(), 1);

    // A right click outside any highlight keeps the selection as it is.
    selectInView(QStringLiteral("Dear Luther"));
    QTextCursor elsewhere(view->document());
    elsewhere.setPosition(int(body.indexOf(QStringLiteral("Soviet bloc"))));
    QTest::mousePress(view->viewport(), Qt::RightButton, {}, view->cursorRect(elsewhere).center());
    EXPECT_EQ(view->textCursor().selectedText(), QStringLiteral("Dear Luther"));
}

TEST_F(Annotating, NoteMadeOnTheTextCopyAppearsOnTheTeiAtTheSameWords)
{
    ASSERT_TRUE(open(kSample));
    selectInView(QStringLiteral("determined effort to get our Allies"));
    m_window.annotationController()->noteSelection(QStringLiteral("Compare the NSC record of July 17."));
    ASSERT_EQ(listed()->rowCount(), 1);
    EXPECT_EQ(m_window.annotationController()->currentDocumentKey(), QStringLiteral("frus1961-63v09/d317"));

    const int tei = m_library.library().indexOfVolume(QStringLiteral("frus1961-63v09"));
    m_navigator.openDocument(tei, m_library.library().volume(tei).documentIndex(QStringLiteral("d317")));
    ASSERT_EQ(listed()->rowCount(), 1);
    const QModelIndex row = listed()->index(0);
    EXPECT_FALSE(row.data(AnnotationsModel::OrphanRole).toBool());
    EXPECT_EQ(viewTextAt(row.data(AnnotationsModel::StartRole).toInt(), row.data(AnnotationsModel::EndRole).toInt()),
              QStringLiteral("determined effort to get our Allies"));
    EXPECT_EQ(row.data(AnnotationsModel::NoteRole).toString(), QStringLiteral("Compare the NSC record of July 17."));
}

TEST_F(Annotating, UndoAndRedoWalkEveryChange)
{
    ASSERT_TRUE(open(kSample));
    selectInView(QStringLiteral("Soviet bloc trade"));
    m_window.annotationController()->highlightSelection();
    selectInView(QStringLiteral("bloc trade")); // inside the highlight: tagging edits it
    m_window.annotationController()->tagSelection({QStringLiteral("COCOM")});
    ASSERT_EQ(listed()->rowCount(), 1);
    EXPECT_EQ(listed()->index(0).data(AnnotationsModel::TagsRole).toStringList(), QStringList{QStringLiteral("COCOM")});
    QTest::keyClick(&m_window, Qt::Key_Z, Qt::ControlModifier); // the tag
    EXPECT_TRUE(listed()->index(0).data(AnnotationsModel::TagsRole).toStringList().isEmpty());
    QTest::keyClick(&m_window, Qt::Key_Z, Qt::ControlModifier); // the highlight
    EXPECT_EQ(listed()->rowCount(), 0);
    QTest::keyClick(&m_window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(listed()->rowCount(), 1);
}

TEST_F(Annotating, TagBrowserListsTagsAndOpensTheirPassages)
{
    ASSERT_TRUE(open(kSample));
    selectInView(QStringLiteral("multilateral export controls"));
    m_window.annotationController()->tagSelection({QStringLiteral("Trade"), QStringLiteral("COCOM")});
    TagBrowser *browser = m_window.tagBrowser();
    QAbstractItemModel *tags = browser->tagList()->model();
    ASSERT_EQ(tags->rowCount(), 2);
    QStringList shown;
    for (int r = 0; r < tags->rowCount(); ++r)
        shown << tags->index(r, 0).data().toString();
    EXPECT_TRUE(shown.contains(QStringLiteral("Trade (1)")));

    m_navigator.nextDocument(); // away from d317
    m_window.annotationController()->showTag(QStringLiteral("trade")); // tags ignore case
    QAbstractItemModel *passages = browser->passageList()->model();
    ASSERT_EQ(passages->rowCount(), 1);
    const QModelIndex passage = passages->index(0, 0);
    m_window.annotationController()->openPassage(passage.data(AnnotationsModel::DocumentRole).toString(),
                                                 passage.data(AnnotationsModel::IdRole).toString());
    EXPECT_EQ(currentDocument().id, QStringLiteral("d317"));
    EXPECT_EQ(m_window.documentView()->textCursor().selectedText(), QStringLiteral("multilateral export controls"));
}

TEST_F(Annotating, FootnoteTextCanBeAnnotated)
{
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d317")));
    FootnotePane *notes = m_window.footnotePane();
    const int at = notes->toPlainText().indexOf(QStringLiteral("Code of Fair Practices"));
    ASSERT_GE(at, 0);
    QTextCursor c(notes->document());
    c.setPosition(at);
    c.setPosition(at + 22, QTextCursor::KeepAnchor);
    notes->setTextCursor(c);
    m_window.documentView()->setTextCursor(QTextCursor(m_window.documentView()->document())); // nothing selected there
    m_window.annotationController()->noteSelection(QStringLiteral("The code itself is not printed."));
    ASSERT_EQ(listed()->rowCount(), 1);
    EXPECT_EQ(listed()->index(0).data(AnnotationsModel::FootnoteRole).toInt(), 3);
    const auto stored = m_annotations.forDocument(QStringLiteral("frus1961-63v09/d317"));
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].selector.footnote, QStringLiteral("d317fn3"));
    EXPECT_EQ(stored[0].selector.exact, QStringLiteral("Code of Fair Practices"));
    EXPECT_FALSE(notes->extraSelections().isEmpty());
}

TEST_F(Annotating, LibrarySearchFindsNotesAndTags)
{
    ASSERT_TRUE(open(kSample));
    selectInView(QStringLiteral("Coordinating Committee"));
    m_window.annotationController()->noteSelection(QStringLiteral("COCOM's formal name; unanimity rule"));
    ASSERT_TRUE(searchLibrary(QStringLiteral("unanimity")));
    EXPECT_GE(m_searchResults.annotationRowCount(), 1);
    EXPECT_GT(m_searchResults.rowCount(), m_searchResults.annotationRowCount()); // the letter's text too
}

// Issue 9: a read of the annotations that fails is shown in the status bar, instead of the document
// looking as if it had none.
TEST_F(Annotating, Issue9AnnotationsThatCannotBeReadAreReportedInTheStatusBar)
{
    ASSERT_TRUE(open(kSample));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("behind"));
        db.setDatabaseName(m_annotations.path());
        ASSERT_TRUE(db.open());
        QSqlQuery query(db);
        ASSERT_TRUE(query.exec(QStringLiteral("ALTER TABLE annotations RENAME TO annotations_gone")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("behind"));
    m_window.statusBar()->clearMessage();
    m_navigator.nextDocument();
    const QString shown = m_window.statusBar()->currentMessage();
    EXPECT_TRUE(shown.contains(QStringLiteral("could not be read"))) << shown.toStdString();
    EXPECT_TRUE(shown.contains(m_annotations.path())) << shown.toStdString();
}

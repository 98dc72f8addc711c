// Issue 12 (15): each annotation's note beside its passage, in a margin right of the text (as in Word and
// Zotero), clicked to select the passage, double-clicked to edit the note, undoably; following zoom,
// the theme, the window's width, edits and deletions; giving way to the text on a narrow window.
#include "readerfixture.h"

#include "annotationcontroller.h"
#include "annotationspane.h"
#include "marginnotes.h"
#include "readingmeasure.h"
#include "searchpane.h"

#include "models/annotationsmodel.h"
#include "support/testdata.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QMenu>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabBar>
#include <QTest>
#include <QTimer>

using namespace marginalia;
using namespace marginalia::test;

namespace {

const QString kPassage = QStringLiteral("determined effort to get our Allies");
const QString kNote = QStringLiteral("Compare the NSC record of July 17.");

class MarginNotesTest : public ReaderFixture {
protected:
    MarginNotes *margin() { return m_window.marginNotes(); }
    DocumentView *view() { return m_window.documentView(); }

    // Opens Doc. 317 of the TEI volume in a window wide enough for the text, its notes and the margin.
    void openLetter(int width = 1600)
    {
        m_window.resize(width, 900);
        ASSERT_TRUE(open({dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d317")));
        settle();
    }
    static void settle()
    {
        QTest::qWait(50);
        QCoreApplication::processEvents();
    }
    QList<MarginNotes::Placed> cards()
    {
        settle();
        return margin()->placedCards();
    }
    // The viewport y of the first line of `words` in the text.
    int passageTop(const QString &words)
    {
        const int at = view()->toPlainText().indexOf(words);
        EXPECT_GE(at, 0) << words.toStdString();
        QTextCursor c(view()->document());
        c.setPosition(at);
        return view()->cursorRect(c).top();
    }
    // Answers the note editor that `trigger` opens: types `text` over its note and presses OK.
    // Returns the note the editor showed, or "<no dialog>".
    QString answerNoteEditor(const std::function<void()> &trigger, const QString &text)
    {
        QString shown = QStringLiteral("<no dialog>");
        QTimer::singleShot(0, [&] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            auto *edit = dialog->findChild<QPlainTextEdit *>();
            shown = edit->toPlainText();
            edit->selectAll();
            QTest::keyClicks(edit, text);
            QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        });
        trigger();
        // The window, not the closed dialog, has the keys again (as on a desktop, where it is raised).
        m_window.activateWindow();
        EXPECT_TRUE(QTest::qWaitForWindowActive(&m_window));
        return shown;
    }
    // A note on the first occurrence of `words`, written as a user does: select, Note…, type, OK.
    void noteOn(const QString &words, const QString &note)
    {
        selectInView(words);
        const QString shown = answerNoteEditor(
            [this] { QTest::keyClick(view(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier); }, note);
        EXPECT_EQ(shown.toStdString(), "") << "a new note starts empty";
    }
    void shoot(const QString &name) { saveScreenshot(name); }
    // The mouse moved onto `pos` of `widget`, no button held. Sent to the widget itself: QTest::mouseMove
    // moves the shared cursor, whose move reaches the widget or not by where earlier tests left it.
    static void hoverAt(QWidget *widget, const QPoint &pos)
    {
        QMouseEvent move(QEvent::MouseMove, QPointF(pos), QPointF(widget->mapToGlobal(pos)), Qt::NoButton, Qt::NoButton,
                         Qt::NoModifier);
        QApplication::sendEvent(widget, &move);
    }
};

} // namespace

TEST_F(MarginNotesTest, Issue12ANoteStandsBesideItsPassageAndIsEditedFromTheMargin)
{
    openLetter();
    EXPECT_FALSE(margin()->isVisible()) << "no notes, no margin: the text keeps the room";
    const int textWidthBefore = view()->viewport()->width();

    noteOn(kPassage, kNote);
    QList<MarginNotes::Placed> shown = cards();
    ASSERT_TRUE(margin()->isVisible());
    ASSERT_EQ(shown.size(), 1);
    EXPECT_EQ(shown[0].card.lines.join(u' ').toStdString(), kNote.toStdString());
    EXPECT_FALSE(shown[0].card.elided);
    EXPECT_EQ(shown[0].rect.top(), passageTop(kPassage)) << "the card beside its passage's first line";
    EXPECT_EQ(shown[0].passageTop, passageTop(kPassage));
    EXPECT_GT(margin()->geometry().left(), view()->viewport()->geometry().right()) << "right of the text";
    EXPECT_LT(view()->viewport()->width(), textWidthBefore);
    EXPECT_GE(view()->viewport()->width(), ReadingMeasure::textColumnWidth(view()->document()))
        << "the text keeps its measure beside the margin";
    shoot(QStringLiteral("margin-notes-light"));

    // A click selects the passage (and marks the card); the text is not edited by it.
    QTextCursor none = view()->textCursor();
    none.clearSelection();
    view()->setTextCursor(none);
    QTest::mouseClick(margin(), Qt::LeftButton, {}, shown[0].rect.center());
    EXPECT_EQ(view()->textCursor().selectedText(), kPassage);
    shown = cards();
    ASSERT_EQ(shown.size(), 1);
    EXPECT_EQ(shown[0].state, CardState::Marked);
    EXPECT_EQ(shown[0].rect.top(), passageTop(kPassage)) << "still beside it after the passage scrolled into view";

    // A double click opens the note editor of Note…, holding the note; the card shows the new one.
    const QString edited = QStringLiteral("NSC action 2455: no such agreement recorded.");
    const QPoint at = shown[0].rect.center();
    EXPECT_EQ(answerNoteEditor([this, at] { QTest::mouseDClick(margin(), Qt::LeftButton, {}, at); }, edited).toStdString(),
              kNote.toStdString());
    shown = cards();
    ASSERT_EQ(shown.size(), 1);
    EXPECT_EQ(shown[0].card.lines.join(u' ').toStdString(), edited.toStdString());
    const QString id = shown[0].card.id;
    EXPECT_EQ(m_annotations.find(id)->note, edited);

    // Undone as every edit is: the card shows the note as it was.
    QTest::keyClick(&m_window, Qt::Key_Z, Qt::ControlModifier);
    shown = cards();
    ASSERT_EQ(shown.size(), 1);
    EXPECT_EQ(shown[0].card.lines.join(u' ').toStdString(), kNote.toStdString());
    EXPECT_EQ(m_annotations.find(id)->note.toStdString(), kNote.toStdString());

    // Zoomed in, the text runs longer: the card moves with its passage.
    QTextCursor away = view()->textCursor();
    away.clearSelection();
    view()->setTextCursor(away);
    const int topBefore = cards()[0].rect.top();
    QTest::keyClick(&m_window, Qt::Key_Equal, Qt::ControlModifier);
    QTest::keyClick(&m_window, Qt::Key_Equal, Qt::ControlModifier);
    shown = cards();
    ASSERT_EQ(shown.size(), 1);
    EXPECT_NE(passageTop(kPassage), topBefore) << "the zoom moved the passage";
    EXPECT_EQ(shown[0].rect.top(), passageTop(kPassage));
    // And scrolled, the card stays beside it.
    view()->verticalScrollBar()->setValue(view()->verticalScrollBar()->value() + 40);
    shown = cards();
    EXPECT_EQ(shown[0].rect.top(), passageTop(kPassage));

    // Deleted (the card's click selects the passage, Delete Highlight deletes it): the card and the
    // margin go, and the text has its room back.
    QTest::mouseClick(margin(), Qt::LeftButton, {}, shown[0].rect.center());
    QAction *remove = m_window.findChild<QAction *>(QStringLiteral("deleteHighlightAction"));
    ASSERT_NE(remove, nullptr);
    remove->trigger();
    EXPECT_FALSE(m_annotations.find(id));
    EXPECT_TRUE(cards().isEmpty());
    EXPECT_FALSE(margin()->isVisible());
    EXPECT_EQ(view()->rightMargin(), 0);
    m_undoStack.undo();
    EXPECT_EQ(cards().size(), 1);
}

TEST_F(MarginNotesTest, Issue12HoveringACardMarksItsPassageAndAHoveredHighlightItsCard)
{
    openLetter();
    noteOn(kPassage, kNote);
    QTextCursor none = view()->textCursor();
    none.clearSelection();
    view()->setTextCursor(none);
    QList<MarginNotes::Placed> shown = cards();
    ASSERT_EQ(shown.size(), 1);
    ASSERT_EQ(shown[0].state, CardState::Plain);

    const auto underlined = [this] {
        int count = 0;
        for (const QTextEdit::ExtraSelection &s : view()->extraSelections()) {
            if (s.format.underlineStyle() == QTextCharFormat::SingleUnderline && s.cursor.selectedText() == kPassage)
                ++count;
        }
        return count;
    };
    EXPECT_EQ(underlined(), 0);
    hoverAt(margin(), shown[0].rect.center());
    EXPECT_EQ(underlined(), 1) << "the passage of the hovered card is marked";
    EXPECT_EQ(cards()[0].state, CardState::Hovered);
    // The hovered card shows its pencil: a click on it opens the note's editor.
    const QPoint pencil = editButtonRect(cards()[0].rect).center();
    EXPECT_EQ(answerNoteEditor([this, pencil] { QTest::mouseClick(margin(), Qt::LeftButton, {}, pencil); }, kNote)
                  .toStdString(),
              kNote.toStdString());
    QTextCursor unselect = view()->textCursor();
    unselect.clearSelection();
    view()->setTextCursor(unselect);
    hoverAt(margin(), QPoint(margin()->width() / 2, margin()->height() - 2)); // below every card
    EXPECT_EQ(underlined(), 0);

    // The mouse on the passage's words marks the card.
    const int at = view()->toPlainText().indexOf(kPassage);
    QTextCursor inside(view()->document());
    inside.setPosition(at + 5);
    hoverAt(view()->viewport(), view()->cursorRect(inside).center());
    EXPECT_EQ(cards()[0].state, CardState::Marked);
    QTextCursor elsewhere(view()->document());
    elsewhere.setPosition(view()->toPlainText().indexOf(QStringLiteral("Dear Luther")) + 2);
    hoverAt(view()->viewport(), view()->cursorRect(elsewhere).center());
    EXPECT_EQ(cards()[0].state, CardState::Plain);
}

TEST_F(MarginNotesTest, Issue12NotesOnOneLineStandOneBelowTheOtherInTheirOrder)
{
    openLetter();
    // Three notes in one sentence, the last long enough to be elided.
    noteOn(QStringLiteral("Prevailing attitudes"), QStringLiteral("First"));
    noteOn(QStringLiteral("Western Europe and Japan"), QStringLiteral("Second"));
    const QString longNote = QStringLiteral("COCOM: the Coordinating Committee for Multilateral Export Controls, "
                                            "set up in 1949; every member could veto an item, so one ally's doubt "
                                            "kept a commodity off the list, which is what the letter counts on here.");
    noteOn(QStringLiteral("the rule of unanimity"), longNote);
    QTextCursor none = view()->textCursor();
    none.clearSelection();
    view()->setTextCursor(none);
    const QList<MarginNotes::Placed> shown = cards();
    ASSERT_EQ(shown.size(), 3);
    EXPECT_EQ(shown[0].card.note, QStringLiteral("First"));
    EXPECT_EQ(shown[1].card.note, QStringLiteral("Second"));
    EXPECT_EQ(shown[0].rect.top(), passageTop(QStringLiteral("Prevailing attitudes")));
    for (qsizetype i = 1; i < shown.size(); ++i)
        EXPECT_GT(shown[i].rect.top(), shown[i - 1].rect.bottom()) << "no overlap, order kept: " << i;
    EXPECT_TRUE(shown[2].card.elided);
    EXPECT_EQ(shown[2].card.lines.size(), kCardLines);
    EXPECT_TRUE(shown[2].card.lines.back().endsWith(QChar(0x2026)));
    EXPECT_LE(shown[2].rect.bottom(), margin()->height());

    // The third selected: it stands beside its words, the others move up out of its way.
    m_window.annotationController()->selectAnnotation(shown[2].card.id);
    const QList<MarginNotes::Placed> focused = cards();
    EXPECT_EQ(focused[2].rect.top(), passageTop(QStringLiteral("the rule of unanimity")));
    EXPECT_EQ(focused[2].state, CardState::Marked);
    for (qsizetype i = 1; i < focused.size(); ++i)
        EXPECT_GT(focused[i].rect.top(), focused[i - 1].rect.bottom()) << i;
    hoverAt(margin(), focused[1].rect.center());
    shoot(QStringLiteral("margin-notes-stack"));
}

TEST_F(MarginNotesTest, Issue12OnANarrowWindowTheMarginGivesWayBeforeTheMeasure)
{
    openLetter();
    noteOn(kPassage, kNote);
    ASSERT_EQ(cards().size(), 1);
    ASSERT_TRUE(margin()->isVisible());
    for (const int width : {1280, 1024, 900}) {
        m_window.resize(width, 760);
        settle();
        settle();
        if (width == 1280)
            shoot(QStringLiteral("margin-notes-1280"));
        if (margin()->isVisible()) {
            EXPECT_GE(view()->viewport()->width(), ReadingMeasure::textColumnWidth(view()->document()))
                << "beside the margin the text keeps its measure at " << width;
            EXPECT_GE(margin()->width(), MarginNotes::kNarrowestWidth) << width;
            EXPECT_EQ(cards()[0].rect.top(), passageTop(kPassage)) << width;
        } else {
            EXPECT_EQ(view()->rightMargin(), 0) << width;
        }
    }
    EXPECT_FALSE(margin()->isVisible()) << "at 900 px the margin has given way";
    shoot(QStringLiteral("margin-notes-narrow"));
    m_window.resize(1600, 900);
    settle();
    settle();
    EXPECT_TRUE(margin()->isVisible()) << "wide again, the margin is back";
    EXPECT_EQ(cards().size(), 1);
}

// Issue 12, items 9 and 15: with the default panes the margin came only from about 1480 px, so on the
// window's own 1280 px and on a 1366 px laptop the notes never stood beside the text. The side panes
// now narrow for it (their options wrap, their buttons are as wide as their words) and the text keeps
// its measure beside it.
class MarginAtDefaultWidth : public MarginNotesTest, public ::testing::WithParamInterface<QSize> {};

TEST_P(MarginAtDefaultWidth, Issue12TheNotesStandBesideTheirPassagesAndTheTextRunsSixtyCharacters)
{
    const QSize size = GetParam();
    m_window.resize(size);
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d317")));
    settle();
    const QString second = QStringLiteral("Prevailing attitudes");
    noteOn(kPassage, kNote);
    noteOn(second, QStringLiteral("The Battle Act debate of 1951 again."));
    QTextCursor none = view()->textCursor();
    none.clearSelection();
    view()->setTextCursor(none);
    settle();
    settle();
    ASSERT_EQ(m_window.size(), size);

    ASSERT_TRUE(margin()->isVisible()) << size.width();
    EXPECT_GE(margin()->width(), MarginNotes::kNarrowestWidth);
    EXPECT_GT(margin()->geometry().left(), view()->viewport()->geometry().right()) << "right of the text";
    EXPECT_LE(margin()->geometry().right(), view()->rect().right()) << "inside the view, not cut off";
    const QList<MarginNotes::Placed> shown = cards();
    ASSERT_EQ(shown.size(), 2);
    EXPECT_EQ(shown[0].rect.top(), passageTop(kPassage)) << "the first card beside its passage's first line";
    EXPECT_EQ(shown[1].passageTop, passageTop(second));
    EXPECT_GE(shown[1].rect.top(), passageTop(second)) << "beside its passage, or just below the card above";
    EXPECT_GT(shown[1].rect.top(), shown[0].rect.bottom());
    EXPECT_GE(charactersPerLine(view()), 60) << size.width();
    EXPECT_GE(view()->viewport()->width(), ReadingMeasure::textColumnWidth(view()->document()));
    // The panes are narrower, not gone: the library and the search still stand left of the text.
    for (const char *name : {"libraryDock", "searchDock"}) {
        auto *dock = m_window.findChild<QDockWidget *>(QLatin1String(name));
        EXPECT_TRUE(dock->isVisible()) << name;
        EXPECT_EQ(m_window.dockWidgetArea(dock), Qt::LeftDockWidgetArea) << name;
    }
    shoot(QStringLiteral("margin-notes-default-%1").arg(size.width()));
    // The tabs of the narrowed sides show their words whole ("Search", not "Se…"): a bar wants its
    // size hint's width to show every tab unelided.
    for (QTabBar *bar : m_window.findChildren<QTabBar *>()) {
        if (!bar->isVisible())
            continue;
        QStringList tabs;
        for (int i = 0; i < bar->count(); ++i)
            tabs << bar->tabText(i);
        EXPECT_LE(bar->sizeHint().width(), bar->width()) << tabs.join(u' ').toStdString();
    }
    // Narrowed, the panes keep their controls whole: the search options wrap inside the pane, and the
    // annotation buttons show their words.
    auto *search = m_window.findChild<SearchPane *>();
    for (QCheckBox *box : search->findChildren<QCheckBox *>()) {
        EXPECT_TRUE(box->isVisible()) << box->text().toStdString();
        EXPECT_TRUE(search->rect().contains(QRect(box->mapTo(search, QPoint()), box->size()))) << box->text().toStdString();
        EXPECT_GE(box->width(), box->sizeHint().width()) << box->text().toStdString();
    }
    clickTab(QStringLiteral("Annotations"));
    settle();
    auto *pane = m_window.findChild<AnnotationsPane *>();
    ASSERT_TRUE(pane->isVisible());
    for (QPushButton *button : pane->findChildren<QPushButton *>()) {
        EXPECT_TRUE(pane->rect().contains(QRect(button->mapTo(pane, QPoint()), button->size())))
            << button->text().toStdString();
        EXPECT_GT(button->width(), button->fontMetrics().horizontalAdvance(button->text())) << button->text().toStdString();
    }
    clickTab(QStringLiteral("Notes"));

    // Narrower than the margin can fit beside the measure: it gives way, and the text keeps its measure.
    m_window.resize(1024, size.height());
    settle();
    settle();
    EXPECT_GE(charactersPerLine(view()), 60) << 1024;
    if (margin()->isVisible())
        EXPECT_GE(view()->viewport()->width(), ReadingMeasure::textColumnWidth(view()->document()));
    else
        EXPECT_EQ(view()->rightMargin(), 0);
}

INSTANTIATE_TEST_SUITE_P(LaptopSizes, MarginAtDefaultWidth, ::testing::Values(QSize(1280, 800), QSize(1366, 768)),
                         [](const ::testing::TestParamInfo<QSize> &size) { return std::to_string(size.param.width()); });

// In a team the card names who wrote the note (MainWindow asks for it when a team session is open).
TEST_F(MarginNotesTest, Issue12InATeamTheCardNamesTheAuthor)
{
    openLetter();
    noteOn(kPassage, kNote);
    const QList<MarginNotes::Placed> alone = cards();
    ASSERT_EQ(alone.size(), 1);
    EXPECT_TRUE(alone[0].card.author.isEmpty()) << "outside a team every note is the user's";
    margin()->setShowsAuthors(true);
    const QList<MarginNotes::Placed> team = cards();
    ASSERT_EQ(team.size(), 1);
    EXPECT_EQ(team[0].card.author, m_annotations.find(team[0].card.id)->author);
    EXPECT_FALSE(team[0].card.author.isEmpty());
    EXPECT_GT(team[0].rect.height(), alone[0].rect.height()) << "a line for the name above the note";

    // Another member's note may be read, not edited: a double click only selects its passage.
    margin()->setAuthorFilter(AuthorFilter::everyone({QStringLiteral("someone-else")}));
    const QList<MarginNotes::Placed> theirs = cards();
    ASSERT_EQ(theirs.size(), 1);
    EXPECT_FALSE(theirs[0].card.editable);
    QSignalSpy edits(margin(), &MarginNotes::editRequested);
    QTest::mouseDClick(margin(), Qt::LeftButton, {}, theirs[0].rect.center());
    EXPECT_EQ(edits.count(), 0);
    EXPECT_EQ(view()->textCursor().selectedText(), kPassage);
}

TEST_F(MarginNotesTest, Issue12ViewMarginNotesHidesThemAndIsRemembered)
{
    openLetter();
    noteOn(kPassage, kNote);
    QAction *toggle = menuAction(QStringLiteral("&Margin Notes"));
    ASSERT_NE(toggle, nullptr);
    EXPECT_TRUE(toggle->isCheckable());
    EXPECT_TRUE(toggle->isChecked()) << "on by default";
    ASSERT_EQ(cards().size(), 1);
    toggle->trigger();
    EXPECT_TRUE(cards().isEmpty());
    EXPECT_FALSE(margin()->isVisible());
    EXPECT_EQ(m_settings.value(QStringLiteral("reader/marginNotes")).toBool(), false);
    toggle->trigger();
    EXPECT_EQ(cards().size(), 1);
    EXPECT_EQ(m_settings.value(QStringLiteral("reader/marginNotes")).toBool(), true);
}

TEST_F(MarginNotesTest, Issue12TheMarginFollowsTheThemeTheDocumentAndWhoseNotesAreShown)
{
    openLetter();
    noteOn(kPassage, kNote);
    ASSERT_EQ(cards().size(), 1);
    const QColor lightPage = margin()->palette().color(QPalette::Base);
    menuAction(QStringLiteral("&Dark"))->trigger();
    QList<MarginNotes::Placed> shown = cards();
    ASSERT_EQ(shown.size(), 1);
    EXPECT_NE(margin()->palette().color(QPalette::Base), lightPage) << "the cards stand on the dark page";
    EXPECT_LT(margin()->palette().color(QPalette::Base).lightness(), 100);
    EXPECT_EQ(shown[0].rect.top(), passageTop(kPassage));
    shoot(QStringLiteral("margin-notes-dark"));

    // Only one member's annotations shown (Team › Show Annotations Of): the user's note goes.
    m_window.annotationController()->setAuthorFilter(AuthorFilter::of(QStringLiteral("someone-else"), {QStringLiteral("me")}));
    EXPECT_TRUE(cards().isEmpty());
    m_window.annotationController()->setAuthorFilter(AuthorFilter::everyone());
    EXPECT_EQ(cards().size(), 1);

    // Another document: its own notes (none), then back to this one's.
    m_navigator.nextDocument();
    EXPECT_TRUE(cards().isEmpty());
    m_navigator.previousDocument();
    shown = cards();
    ASSERT_EQ(shown.size(), 1);
    EXPECT_EQ(shown[0].rect.top(), passageTop(kPassage));
}

TEST_F(MarginNotesTest, Issue12NotesOnFootnotesGetNoCardAndBreakNothing)
{
    openLetter();
    FootnotePane *notes = m_window.footnotePane();
    const int at = int(notes->toPlainText().indexOf(QStringLiteral("Code of Fair Practices")));
    ASSERT_GE(at, 0);
    QTextCursor c(notes->document());
    c.setPosition(at);
    c.setPosition(at + 22, QTextCursor::KeepAnchor);
    notes->setTextCursor(c);
    m_window.annotationController()->noteSelection(QStringLiteral("The code itself is not printed."));
    ASSERT_EQ(m_window.documentAnnotations()->rowCount(), 1);
    EXPECT_TRUE(cards().isEmpty());
    EXPECT_FALSE(margin()->isVisible());
    noteOn(kPassage, kNote);
    EXPECT_EQ(cards().size(), 1);
}
// As the window starts with its saved size: resized while hidden, then shown. The margin came in while
// the view was being shown and the text stayed laid out at the old width, running under the margin.
TEST_F(MarginNotesTest, Issue12AWindowShownAtItsSavedSizeKeepsTheTextOutOfTheMargin)
{
    openLetter(1024); // too narrow for the margin beside the measure
    noteOn(kPassage, kNote);
    ASSERT_FALSE(margin()->isVisible());
    m_window.hide();
    settle();
    m_window.resize(1700, 950);
    m_window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&m_window));
    ASSERT_TRUE(margin()->isVisible());
    EXPECT_EQ(view()->document()->pageSize().width(), qreal(view()->viewport()->width()))
        << "the text is laid out as wide as its column, not under the margin";
    const QList<MarginNotes::Placed> shown = cards();
    ASSERT_EQ(shown.size(), 1);
    EXPECT_EQ(shown[0].rect.top(), passageTop(kPassage));
}

// Issue 12, the window a historian trusts: highlights stay through zoom and a theme change, the dark
// theme darkens the whole window, a failed open replaces its progress with the error, and annotating
// acts on the selection made last.
#include "readerfixture.h"

#include "annotationcontroller.h"
#include "models/annotationsmodel.h"
#include "searchpane.h"
#include "support/testdata.h"
#include "tagbrowser.h"

#include <QFile>
#include <QFileDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QToolBar>

#include <map>

using namespace marginalia;
using namespace marginalia::test;

namespace {

const QStringList kSample{QStringLiteral(":/sample/frus1961-63v09-d317.txt"),
                          QStringLiteral(":/sample/frus1961-63v09-d316-d318.xml")};
const QString kPassage = QStringLiteral("code of fair practices");

class WindowTrust : public ReaderFixture {
protected:

    // Where `words` starts in the view's document (the first time they occur).
    int positionOf(QTextEdit *edit, const QString &words)
    {
        const int at = edit->toPlainText().indexOf(words);
        EXPECT_GE(at, 0) << words.toStdString();
        return at;
    }

    // Whether the view's extra selections paint [from, to) of its document in `colour` (translucent).
    bool paintedAt(QTextEdit *edit, int from, int to, const QColor &colour)
    {
        for (const QTextEdit::ExtraSelection &s : edit->extraSelections()) {
            const QColor painted = s.format.background().color();
            if (s.cursor.selectionStart() == from && s.cursor.selectionEnd() == to && painted.rgb() == colour.rgb())
                return true;
        }
        return false;
    }

    // The colour most pixels have over the first characters of the passage at `position`, as drawn.
    QColor drawnColourAt(QTextEdit *edit, int position)
    {
        QTextCursor c(edit->document());
        c.setPosition(position);
        edit->setTextCursor(c); // no selection: only moves the view to the passage
        edit->ensureCursorVisible();
        QCoreApplication::processEvents();
        const QRect caret = edit->cursorRect(c);
        const QImage image = edit->viewport()->grab().toImage();
        std::map<QRgb, int> counts;
        const int width = edit->fontMetrics().horizontalAdvance(QStringLiteral("code"));
        for (int y = caret.top() + 1; y < caret.bottom(); ++y) {
            for (int x = caret.left() + 2; x < caret.left() + width; ++x) {
                if (image.rect().contains(x, y))
                    ++counts[image.pixel(x, y)];
            }
        }
        QRgb most = 0;
        int best = -1;
        for (const auto &[rgb, n] : counts) {
            if (n > best) {
                best = n;
                most = rgb;
            }
        }
        return QColor::fromRgb(most);
    }

    // The highlight's colour over the page's, as the view blends it (55% opaque).
    static bool looksHighlighted(const QColor &drawn, const QColor &highlight, const QColor &page)
    {
        const auto blend = [](int h, int p) { return int(0.55 * h + 0.45 * p); };
        return std::abs(drawn.red() - blend(highlight.red(), page.red())) < 16
               && std::abs(drawn.green() - blend(highlight.green(), page.green())) < 16
               && std::abs(drawn.blue() - blend(highlight.blue(), page.blue())) < 16;
    }

    // Highlights the passage with Ctrl+Shift+H, as the user does.
    void highlightPassage()
    {
        selectInView(kPassage);
        QTest::keyClick(&m_window, Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
        EXPECT_EQ(m_window.documentAnnotations()->rowCount(), 1);
    }

    void expectPassagePainted(const char *when)
    {
        SCOPED_TRACE(when);
        DocumentView *view = m_window.documentView();
        const int from = positionOf(view, kPassage);
        const int to = from + int(kPassage.size());
        QColor colour = m_annotations.paintColor(m_annotations.forDocument(
            m_window.annotationController()->currentDocumentKey()).at(0));
        QColor translucent = colour;
        translucent.setAlphaF(0.55);
        EXPECT_TRUE(paintedAt(view, from, to, translucent));
        const QColor drawn = drawnColourAt(view, from);
        EXPECT_TRUE(looksHighlighted(drawn, colour, view->palette().color(QPalette::Base)))
            << "drawn " << drawn.name().toStdString() << ", highlight " << colour.name().toStdString() << " on "
            << view->palette().color(QPalette::Base).name().toStdString();
    }
};

bool isDark(const QWidget *w)
{
    return w->palette().color(QPalette::Window).lightness() < 128;
}

} // namespace

TEST_F(WindowTrust, Issue12HighlightsStayThroughZoomAndThemeChanges)
{
    ASSERT_TRUE(open(kSample));
    highlightPassage();
    expectPassagePainted("after highlighting");

    QTest::keyClick(&m_window, Qt::Key_Plus, Qt::ControlModifier);
    ASSERT_GT(m_settings.value(QStringLiteral("reader/zoom")).toDouble(), 1.0);
    expectPassagePainted("after Ctrl++");

    QAction *dark = menuAction(QStringLiteral("&Dark"));
    ASSERT_TRUE(dark);
    dark->trigger();
    expectPassagePainted("after View › Theme › Dark");
    saveScreenshot(QStringLiteral("issue12-dark-theme-with-highlights"));

    QAction *light = menuAction(QStringLiteral("&Light"));
    ASSERT_TRUE(light);
    light->trigger();
    expectPassagePainted("after View › Theme › Light");
}

TEST_F(WindowTrust, Issue12NoteHighlightsAndTheCurrentNoteStayThroughZoom)
{
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d317")));
    FootnotePane *notes = m_window.footnotePane();
    const QString words = QStringLiteral("Code of Fair Practices");
    QTextCursor c(notes->document());
    c.setPosition(positionOf(notes, words));
    c.setPosition(positionOf(notes, words) + int(words.size()), QTextCursor::KeepAnchor);
    notes->setTextCursor(c);
    notes->setFocus();
    QTest::keyClick(&m_window, Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_EQ(m_window.documentAnnotations()->rowCount(), 1);
    notes->setCurrentFootnote(2);
    const int painted = int(notes->extraSelections().size());
    ASSERT_GE(painted, 2); // the highlight and the current note

    QTest::keyClick(&m_window, Qt::Key_Plus, Qt::ControlModifier);
    const int from = positionOf(notes, words);
    QColor colour(defaultAnnotationColor());
    colour.setAlphaF(0.55);
    EXPECT_TRUE(paintedAt(notes, from, from + int(words.size()), colour));
    EXPECT_EQ(int(notes->extraSelections().size()), painted);
    EXPECT_EQ(notes->currentFootnote(), 2);
}

TEST_F(WindowTrust, Issue12DarkThemeDarkensTheWholeWindow)
{
    ASSERT_TRUE(open(kSample));
    QAction *light = menuAction(QStringLiteral("&Light"));
    ASSERT_TRUE(light);
    light->trigger();
    EXPECT_FALSE(isDark(m_window.libraryPane()));

    QAction *dark = menuAction(QStringLiteral("&Dark"));
    ASSERT_TRUE(dark);
    dark->trigger();
    QCoreApplication::processEvents();
    EXPECT_TRUE(isDark(&m_window));
    EXPECT_TRUE(isDark(m_window.libraryPane()));
    EXPECT_TRUE(isDark(m_window.searchPane()));
    EXPECT_TRUE(isDark(m_window.tagBrowser()));
    EXPECT_TRUE(isDark(m_window.menuBar()));
    for (QToolBar *toolbar : m_window.findChildren<QToolBar *>())
        EXPECT_TRUE(isDark(toolbar)) << toolbar->objectName().toStdString();
    for (QMenu *menu : m_window.menuBar()->findChildren<QMenu *>())
        EXPECT_TRUE(isDark(menu)) << menu->title().toStdString();
    // The text the panes show stays readable on it.
    EXPECT_GT(m_window.libraryPane()->palette().color(QPalette::Text).lightness(), 160);
    EXPECT_LT(m_window.libraryPane()->palette().color(QPalette::Base).lightness(), 100);

    light->trigger();
    QCoreApplication::processEvents();
    EXPECT_FALSE(isDark(m_window.libraryPane()));
    EXPECT_FALSE(isDark(m_window.menuBar()));
}

TEST_F(WindowTrust, Issue12FailedOpenClosesItsProgressBeforeTheErrorShows)
{
    const QString empty = m_dir.filePath(QStringLiteral("empty.xml"));
    {
        QFile f(empty);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    }
    m_window.opener()->setInteractive(true);
    QSignalSpy finished(m_window.opener(), &VolumeOpener::finished);

    // File › Open… puts up the file dialog; the user picks the empty file. Then, once the error box has
    // stood long enough for a progress dialog to come up (it waits 400 ms), look and close the box.
    bool boxSeen = false;
    bool progressOverBox = false;
    QString boxText;
    int ticksWithBox = 0;
    QTimer poll;
    poll.setInterval(50);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *dialog = qobject_cast<QFileDialog *>(w); dialog && dialog->isVisible()) {
                auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
                if (!name)
                    return;
                name->setText(empty); // typed, then Return, as the user does
                QTest::keyClick(name, Qt::Key_Return);
                return;
            }
        }
        for (QWidget *w : QApplication::topLevelWidgets()) {
            auto *box = qobject_cast<QMessageBox *>(w);
            if (!box || !box->isVisible())
                continue;
            boxSeen = true;
            boxText = box->text();
            if (++ticksWithBox < 16)
                return;
            for (QWidget *other : QApplication::topLevelWidgets()) {
                if (qobject_cast<QProgressDialog *>(other) && other->isVisible())
                    progressOverBox = true;
            }
            box->close();
            return;
        }
    });
    poll.start();
    QAction *openAction = menuAction(QStringLiteral("&Open…"));
    ASSERT_TRUE(openAction);
    QTimer::singleShot(0, openAction, &QAction::trigger);
    ASSERT_TRUE(finished.wait(30000));
    poll.stop();

    EXPECT_TRUE(boxSeen);
    EXPECT_TRUE(boxText.contains(QStringLiteral("empty.xml"))) << boxText.toStdString();
    EXPECT_FALSE(progressOverBox);
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (qobject_cast<QProgressDialog *>(w)) {
            EXPECT_FALSE(w->isVisible());
        }
    }
}

TEST_F(WindowTrust, Issue12HighlightActsOnTheSelectionMadeLast)
{
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d317")));
    DocumentView *view = m_window.documentView();
    FootnotePane *notes = m_window.footnotePane();
    // A word of the letter, then a word of a note, each double-clicked as the user selects a word.
    const auto doubleClickWord = [this](QTextEdit *edit, const QString &word) {
        QTextCursor c(edit->document());
        c.setPosition(positionOf(edit, word) + 2);
        edit->setTextCursor(c);
        edit->ensureCursorVisible();
        const QRect caret = edit->cursorRect(c);
        QTest::mouseClick(edit->viewport(), Qt::LeftButton, {}, caret.center() + QPoint(2, 0));
        QTest::mouseDClick(edit->viewport(), Qt::LeftButton, {}, caret.center() + QPoint(2, 0));
        EXPECT_EQ(edit->textCursor().selectedText().toStdString(), word.toStdString());
    };
    doubleClickWord(view, QStringLiteral("multilateral"));
    doubleClickWord(notes, QStringLiteral("Practices"));
    ASSERT_TRUE(view->textCursor().hasSelection()); // the letter's selection is still there, unfocused

    QAction *green = menuAction(QStringLiteral("Green"));
    ASSERT_TRUE(green);
    green->trigger();

    const auto stored = m_annotations.forDocument(QStringLiteral("frus1961-63v09/d317"));
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].selector.exact.toStdString(), "Practices");
    EXPECT_FALSE(stored[0].selector.footnote.isEmpty());
    EXPECT_EQ(stored[0].color.toStdString(), "#B5E3A1");

    // And back: the letter selected after the note wins.
    doubleClickWord(notes, QStringLiteral("Code"));
    doubleClickWord(view, QStringLiteral("multilateral"));
    green->trigger();
    const auto after = m_annotations.forDocument(QStringLiteral("frus1961-63v09/d317"));
    ASSERT_EQ(after.size(), 2u);
    EXPECT_TRUE(std::any_of(after.begin(), after.end(), [](const Annotation &a) {
        return a.selector.exact == QStringLiteral("multilateral") && a.selector.footnote.isEmpty();
    }));
}

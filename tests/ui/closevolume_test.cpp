// Issue 12 (14): a volume can be closed, with File › Close Volume (the volume on screen) or from its row
// in the library tree. The tree, the document on screen, Back and Forward, the annotations pane and the
// saved session let it go; its annotations stay; a restart does not reopen it.
#include "readerfixture.h"

#include "annotationcontroller.h"
#include "sessionrecorder.h"
#include "sessionrestorer.h"
#include "support/testdata.h"

#include "annotation/documentkey.h"
#include "models/annotationsmodel.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace marginalia;
using namespace marginalia::test;

namespace {

const QStringList kSample{QStringLiteral(":/sample/frus1961-63v09-d317.txt"),
                          QStringLiteral(":/sample/frus1961-63v09-d316-d318.xml")};

class CloseVolumeWindow : public ReaderFixture {
protected:
    QTreeView *tree() { return m_window.libraryPane()->tree(); }

    QStringList volumeRows()
    {
        QStringList rows;
        for (int row = 0; row < tree()->model()->rowCount(); ++row)
            rows << tree()->model()->index(row, 0).data().toString();
        return rows;
    }

    QAction *closeVolumeAction() { return m_window.findChild<QAction *>(QStringLiteral("closeVolumeAction")); }

    void press(Qt::Key key, Qt::KeyboardModifiers modifiers)
    {
        QTest::keyClick(m_window.windowHandle(), key, modifiers);
        QCoreApplication::processEvents();
    }

    // File › Close Volume, as the user picks it from the menu bar.
    void chooseCloseVolume()
    {
        QMenu *file = nullptr;
        for (QAction *menu : m_window.menuBar()->actions()) {
            if (menu->menu() && menu->menu()->actions().contains(closeVolumeAction()))
                file = menu->menu();
        }
        ASSERT_TRUE(file);
        QTest::mouseClick(m_window.menuBar(), Qt::LeftButton, {}, m_window.menuBar()->actionGeometry(file->menuAction()).center());
        ASSERT_TRUE(QTest::qWaitForWindowExposed(file));
        QTest::mouseClick(file, Qt::LeftButton, {}, file->actionGeometry(closeVolumeAction()).center());
        QCoreApplication::processEvents();
    }

    // Right-clicks the row of volume `volume` in the tree and clicks Close Volume in the menu that opens.
    void closeFromTree(int volume)
    {
        const QModelIndex row = tree()->model()->index(volume, 0);
        ASSERT_TRUE(row.isValid());
        const QPoint pos = tree()->visualRect(row).center();
        QContextMenuEvent event(QContextMenuEvent::Mouse, pos, tree()->viewport()->mapToGlobal(pos));
        QApplication::sendEvent(tree()->viewport(), &event);
        QMenu *menu = m_window.libraryPane()->volumeMenu();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(menu));
        QAction *close = menu->findChild<QAction *>(QStringLiteral("closeVolumeRowAction"));
        ASSERT_TRUE(close);
        QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(close).center());
        QCoreApplication::processEvents();
    }

    QStringList savedFiles() { return m_settings.value(QStringLiteral("session/files")).toStringList(); }

    SessionRecorder m_recorder{&m_library, &m_navigator, &m_settings}; // as app/main.cpp makes it
    const QString m_extract = dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"));
    const QString m_1934 = dataPath(QStringLiteral("frus1934v05.xml"));
};

TEST_F(CloseVolumeWindow, Issue12FileCloseVolumeGoesBackToTheDocumentBeforeAndIsNotReopened)
{
    ASSERT_TRUE(open({m_extract}, QStringLiteral("d316")));
    press(Qt::Key_PageDown, Qt::ControlModifier); // Doc 317
    ASSERT_TRUE(open({m_1934}));
    ASSERT_EQ(volumeRows().size(), 2);
    ASSERT_EQ(currentVolumeId().toStdString(), "frus1934v05");
    m_navigator.openDocument(1, 3);
    // A highlight in the 1934 volume, which closing must not touch.
    QTextCursor cursor(m_window.documentView()->document());
    cursor.setPosition(40);
    cursor.setPosition(70, QTextCursor::KeepAnchor);
    m_window.documentView()->setTextCursor(cursor);
    m_window.annotationController()->highlightSelection();
    const QString key1934 = documentKey(m_library.library(), 1, 3);
    ASSERT_EQ(m_annotations.forDocument(key1934).size(), 1u);
    ASSERT_EQ(m_window.documentAnnotations()->rowCount(), 1);
    ASSERT_TRUE(closeVolumeAction()->isEnabled());

    chooseCloseVolume();

    ASSERT_EQ(m_library.library().size(), 1);
    EXPECT_EQ(volumeRows(), QStringList({QStringLiteral("FRUS 1961–63, vol. IX")}));
    EXPECT_EQ(currentDocument().id.toStdString(), "d317"); // the step before the 1934 volume
    EXPECT_TRUE(m_window.documentView()->toPlainText().contains(currentDocument().title.left(20)));
    EXPECT_EQ(m_window.libraryPane()->selectedDocuments(), (std::vector<std::pair<int, int>>{{0, 1}}));
    EXPECT_EQ(m_window.documentAnnotations()->rowCount(), 0); // Doc 317's annotations: none
    EXPECT_EQ(m_annotations.forDocument(key1934).size(), 1u);
    saveScreenshot(QStringLiteral("issue12-close-volume"));
    // The steps into 1934 are gone: Forward leads nowhere, Back to Doc 316 and Forward to 317 again.
    EXPECT_FALSE(m_navigator.canGoForward());
    press(Qt::Key_Left, Qt::AltModifier);
    EXPECT_EQ(currentDocument().id.toStdString(), "d316");
    EXPECT_FALSE(m_navigator.canGoBack());
    press(Qt::Key_Right, Qt::AltModifier);
    EXPECT_EQ(currentDocument().id.toStdString(), "d317");
    EXPECT_FALSE(m_navigator.canGoForward());
    EXPECT_EQ(savedFiles(), QStringList({m_extract}));

    // The next start, with the same settings, opens the extract alone, at Doc 317.
    OpenLibrary library;
    Navigator navigator(&library);
    LibraryModel libraryModel(&library);
    SearchResultsModel searchResults(&library);
    QUndoStack undoStack;
    MainWindow window({&library, &navigator, &libraryModel, &searchResults, &m_settings, &m_annotations, &undoStack});
    SessionRecorder recorder(&library, &navigator, &m_settings);
    SessionRestorer restorer(window.opener(), &recorder, &window);
    restorer.setInteractive(false);
    QSignalSpy finished(window.opener(), &VolumeOpener::finished);
    restorer.restore(savedFiles(), m_settings.value(QStringLiteral("session/document")).toString(), kSample);
    ASSERT_TRUE(finished.wait(30000));
    ASSERT_EQ(library.library().size(), 1);
    EXPECT_EQ(library.library().volume(0).sourcePath, m_extract);
    EXPECT_EQ(library.library().volume(navigator.current().volume).documents.at(std::size_t(navigator.current().document)).id,
              QStringLiteral("d317"));
}

TEST_F(CloseVolumeWindow, Issue12CloseVolumeInTheTreeLeavesTheOtherThenAnEmptyReader)
{
    const QString copy = dataPath(QStringLiteral("frus1961-63v09-d317.txt"));
    const QString nicaragua = dataPath(QStringLiteral("frus1894Nicaragua.xml"));
    ASSERT_TRUE(open({m_extract, copy, nicaragua}, QStringLiteral("d318")));
    ASSERT_EQ(volumeRows().size(), 3);
    ASSERT_EQ(currentDocument().id.toStdString(), "d318");

    closeFromTree(2); // Nicaragua, after the volume on screen: Doc 318 stays, and still reads as itself
    ASSERT_EQ(m_library.library().size(), 2);
    EXPECT_EQ(volumeRows().size(), 2);
    EXPECT_EQ(currentDocument().id.toStdString(), "d318");
    const qreal zoom = m_window.controller()->zoom();
    press(Qt::Key_Equal, Qt::ControlModifier); // Zoom In renders what is on screen again
    EXPECT_GT(m_window.controller()->zoom(), zoom);
    EXPECT_TRUE(m_window.documentView()->toPlainText().contains(currentDocument().title.left(20)));
    EXPECT_TRUE(m_window.citationLabel()->text().contains(QStringLiteral("Doc. 318"))) << m_window.citationLabel()->text().toStdString();
    EXPECT_EQ(savedFiles(), QStringList({m_extract, copy}));

    closeFromTree(0); // the extract, on screen; the text copy moves up in its place
    ASSERT_EQ(m_library.library().size(), 1);
    EXPECT_EQ(m_library.library().volume(0).sourcePath, copy);
    EXPECT_EQ(volumeRows().size(), 1);
    EXPECT_TRUE(volumeRows().at(0).contains(QStringLiteral("text copy"))) << volumeRows().at(0).toStdString();
    EXPECT_EQ(m_navigator.current(), (ReaderPosition{0, 0, m_navigator.current().readingOffset}));
    EXPECT_EQ(currentDocument().id.toStdString(), "d317");
    EXPECT_EQ(m_window.libraryPane()->selectedDocuments(), (std::vector<std::pair<int, int>>{{0, 0}}));
    EXPECT_EQ(savedFiles(), QStringList({copy}));

    closeFromTree(0); // the last one
    EXPECT_EQ(m_library.library().size(), 0);
    EXPECT_EQ(volumeRows().size(), 0);
    EXPECT_FALSE(m_navigator.current().valid());
    EXPECT_TRUE(m_window.documentView()->toPlainText().trimmed().isEmpty());
    EXPECT_TRUE(m_window.footnotePane()->toPlainText().trimmed().isEmpty());
    EXPECT_TRUE(m_window.footnotePane()->placeholderText().isEmpty()); // not "This document has no footnotes."
    EXPECT_EQ(m_window.windowTitle(), QStringLiteral("Marginalia"));
    EXPECT_TRUE(m_window.citationLabel()->text().isEmpty());
    EXPECT_FALSE(closeVolumeAction()->isEnabled());
    EXPECT_FALSE(m_navigator.canGoBack());
    EXPECT_TRUE(savedFiles().isEmpty());
    EXPECT_FALSE(m_settings.contains(QStringLiteral("session/document")));
    saveScreenshot(QStringLiteral("issue12-close-last-volume"));
    // Ctrl+W with nothing open does nothing.
    press(Qt::Key_W, Qt::ControlModifier);
    EXPECT_EQ(m_library.library().size(), 0);
}

} // namespace

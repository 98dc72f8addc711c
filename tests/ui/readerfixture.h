#pragma once

#include "documentview.h"
#include "footnotepane.h"
#include "librarycontroller.h"
#include "librarypane.h"
#include "mainwindow.h"
#include "notepopup.h"
#include "readercontroller.h"
#include "volumeopener.h"

#include "annotation/annotationservice.h"
#include "catalog/catalog.h"
#include "catalog/catalogvolumes.h"
#include "models/catalogmodel.h"
#include "library/openlibrary.h"
#include "models/librarymodel.h"
#include "models/searchresultsmodel.h"
#include "navigation/navigator.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <functional>
#include <memory>

namespace marginalia::test {

// A reader window as app/main.cpp builds it, with its settings in a temporary file.
class ReaderFixture : public ::testing::Test {
protected:
    ReaderFixture();
    // A window with a library index as app/main.cpp opens it with --library: `prepare` fills the index
    // at the path it is given (in the fixture's temporary folder) before the window opens it.
    using PrepareLibrary = std::function<void(const QString &libraryPath)>;
    explicit ReaderFixture(const PrepareLibrary &prepare);
    ~ReaderFixture() override;

    // Opens files through the window's opener and waits until they are in; false on a time-out.
    bool open(const QStringList &files, const QString &documentId = {});
    // Runs a library search the way the user does (query, Return) and waits for its results.
    bool searchLibrary(const QString &query);
    const Document &currentDocument() const;
    QString currentVolumeId() const;
    // Clicks the link of `href` in a text view (the document view or the notes pane).
    bool clickLink(QTextEdit *view, const QUrl &href);
    // Selects the first occurrence of `words` in the document view (a test failure when there is none).
    void selectInView(const QString &words);
    // Clicks the docks' tab of that title, as a user brings a tabbed pane forward.
    void clickTab(const QString &title);
    // The action of a menu item, found by its text as the menu shows it ("&Dark" in View › Theme).
    QAction *menuAction(const QString &text);
    // Saves a screenshot of the window (or of `widget`, a dialog of it) into the test artifacts folder.
    void saveScreenshot(const QString &name, QWidget *widget = nullptr);

    QTemporaryDir m_dir;
    QSettings m_settings;
    OpenLibrary m_library;
    Navigator m_navigator;
    LibraryModel m_libraryModel;
    AnnotationService m_annotations;
    bool m_annotationsOpen;
    SearchResultsModel m_searchResults;
    QUndoStack m_undoStack;
    QString m_catalogPath;    // empty: no library index
    QString m_catalogProblem; // why it could not be opened
    std::unique_ptr<Catalog> m_catalog;
    CatalogVolumes m_catalogVolumes;
    CatalogModel m_catalogModel;
    MainWindow m_window;

private:
    QString prepareLibrary(const PrepareLibrary &prepare);
    std::unique_ptr<Catalog> openLibrary();
    MainWindow::Services services();
};

// Where a link of `href` starts in a text document, or -1.
int linkPosition(const QTextDocument *doc, const QUrl &href);
// Characters a line of a view's text as Qt laid it out: the median over the lines of the paragraphs of
// three lines or more, their last lines (which end where the paragraph does) left out.
int charactersPerLine(const QTextEdit *view);

} // namespace marginalia::test

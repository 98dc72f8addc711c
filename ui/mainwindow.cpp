#include "mainwindow.h"

#include "allannotationspane.h"
#include "annotationcontroller.h"
#include "annotationexchangecontroller.h"
#include "annotationspane.h"
#include "apparatuscontroller.h"
#include "citationstylemenu.h"
#include "citedbypane.h"
#include "documentview.h"
#include "findbar.h"
#include "footnotepane.h"
#include "glossarypane.h"
#include "helpcontroller.h"
#include "librarycontroller.h"
#include "librarypane.h"
#include "librarysearchcontroller.h"
#include "marginnotes.h"
#include "notepopup.h"
#include "pdfexportcontroller.h"
#include "plaintext.h"
#include "readercontroller.h"
#include "readingmeasure.h"
#include "searchpane.h"
#include "tagbrowser.h"
#include "teamcontroller.h"
#include "volumeopener.h"

#include "annotation/annotationservice.h"
#include "models/allannotationsmodel.h"
#include "models/annotationsmodel.h"
#include "models/catalogresultsmodel.h"
#include "models/citedbymodel.h"
#include "models/searchresultsmodel.h"
#include "models/tagsmodel.h"
#include "navigation/navigator.h"
#include "search/librarysearchjob.h"
#include "team/teamsession.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QPixmap>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace marginalia {

namespace {

QDockWidget *dock(const QString &title, const QString &name, QWidget *content, QMainWindow *window)
{
    auto *d = new QDockWidget(title, window);
    d->setObjectName(name);
    d->setWidget(content);
    return d;
}

// `keys`, then the platform's own for `standard`, each once: a key listed twice makes Qt's shortcut
// ambiguous, and an ambiguous shortcut does nothing.
QList<QKeySequence> withPlatformKeys(QList<QKeySequence> keys, QKeySequence::StandardKey standard)
{
    for (const QKeySequence &platform : QKeySequence::keyBindings(standard))
        if (!keys.contains(platform))
            keys << platform;
    return keys;
}

} // namespace

MainWindow::MainWindow(const Services &services, QWidget *parent) : QMainWindow(parent), m_services(services)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Marginalia"));
    setAcceptDrops(true);
    createPanes();
    m_opener = new VolumeOpener(services.library, services.navigator, services.settings, this, this);
    m_controller = new ReaderController(services.library, services.navigator, m_opener, services.settings,
                                        {m_view, m_notes, m_libraryPane, m_popup, m_citation, this}, this);
    m_annotationController = new AnnotationController(
        {services.library, services.navigator, services.annotations, services.undoStack, m_view, m_notes,
         m_documentAnnotations, m_tagPassages, this},
        this);
    m_pdfExport = new PdfExportController(services.library, services.navigator, services.annotations, m_libraryPane,
                                          this, this);
    m_pdfExport->setCitationStyleSource([reader = m_controller] { return reader->citationStyle(); });
    m_annotationExchange = new AnnotationExchangeController(
        {services.library, services.navigator, services.annotations, services.undoStack, this}, this);
    m_annotationExchange->setCitationStyleSource([reader = m_controller] { return reader->citationStyle(); });
    if (services.catalogVolumes && services.catalogModel) {
        m_libraryController = new LibraryController(
            {services.library, services.navigator, services.catalog, services.catalogVolumes, services.catalogModel,
             services.catalogPath, services.catalogProblem, m_libraryPane, m_controller, statusBar(), this},
            this);
        if (services.catalog)
            m_libraryPane->setCatalogModel(services.catalogModel);
    }
    createActions();
    createAnnotationActions();
    connectPanes();
    connectLibraryIndex();
    connectAnnotations();
    restoreLayout();
    // The side panes give way to the text on a narrow window, and to the margin of notes beside it.
    auto *measure = new ReadingMeasure(this, m_view, this);
    connect(m_margin, &MarginNotes::roomWantedChanged, measure, &ReadingMeasure::setMarginRoom);
    measure->setMarginRoom(m_margin->roomWanted());
    qApp->installEventFilter(this);
}

MainWindow::~MainWindow() = default;

void MainWindow::createPanes()
{
    m_view = new DocumentView(this);
    m_notes = new FootnotePane(this);
    m_findBar = new FindBar(m_view, m_notes, this);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_findBar);
    layout->addWidget(m_view);
    setCentralWidget(central);

    m_libraryPane = new LibraryPane(m_services.libraryModel, this);
    m_searchPane = new SearchPane(m_services.searchResults, this);
    m_popup = new NotePopup(this);
    m_citation = plainLabel(this); // the citation holds titles from the document
    m_citation->setObjectName(QStringLiteral("citationLabel"));
    m_citation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(m_citation, 1);

    addDockWidget(Qt::LeftDockWidgetArea, dock(tr("Library"), QStringLiteral("libraryDock"), m_libraryPane, this));
    addDockWidget(Qt::RightDockWidgetArea, dock(tr("Notes"), QStringLiteral("notesDock"), m_notes, this));
    createLibraryIndexPanes(); // before the notes get tabs: a dock split off a tabbed one becomes a tab
    addDockWidget(Qt::LeftDockWidgetArea, dock(tr("Search"), QStringLiteral("searchDock"), m_searchPane, this));

    m_documentAnnotations = new AnnotationsModel(this);
    m_tagPassages = new AnnotationsModel(this);
    m_tags = new TagsModel(m_services.annotations, this);
    m_annotationsPane = new AnnotationsPane(m_documentAnnotations, this);
    m_margin = new MarginNotes(m_view, m_documentAnnotations); // each note beside its passage
    m_tagBrowser = new TagBrowser(m_tags, m_tagPassages, this);
    QDockWidget *annotationsDock = dock(tr("Annotations"), QStringLiteral("annotationsDock"), m_annotationsPane, this);
    addDockWidget(Qt::RightDockWidgetArea, annotationsDock);
    tabifyDockWidget(findChild<QDockWidget *>(QStringLiteral("notesDock")), annotationsDock);
    findChild<QDockWidget *>(QStringLiteral("notesDock"))->raise();
    // Every annotation of the library, below the text, shown from View › All Annotations.
    m_allAnnotationsPane = new AllAnnotationsPane(new AllAnnotationsModel(m_services.annotations, m_services.library, this), this);
    QDockWidget *allDock = dock(tr("All Annotations"), QStringLiteral("allAnnotationsDock"), m_allAnnotationsPane, this);
    addDockWidget(Qt::BottomDockWidgetArea, allDock);
    allDock->hide();
    allDock->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+Shift+L")));
    addAction(allDock->toggleViewAction());
    connect(allDock->toggleViewAction(), &QAction::triggered, m_allAnnotationsPane, [this](bool shown) {
        if (shown)
            m_allAnnotationsPane->focusFilter();
    });
    QDockWidget *tagsDock = dock(tr("Tags"), QStringLiteral("tagsDock"), m_tagBrowser, this);
    addDockWidget(Qt::LeftDockWidgetArea, tagsDock);
    tabifyDockWidget(findChild<QDockWidget *>(QStringLiteral("searchDock")), tagsDock);
    // The volume's persons and terms, tabbed with the search and the tags.
    m_apparatus = new ApparatusController(m_services.library, m_services.navigator, this, this);
    QDockWidget *personsDock = dock(tr("Persons"), QStringLiteral("personsDock"), m_apparatus->personsPane(), this);
    QDockWidget *termsDock = dock(tr("Terms"), QStringLiteral("termsDock"), m_apparatus->termsPane(), this);
    addDockWidget(Qt::LeftDockWidgetArea, personsDock);
    addDockWidget(Qt::LeftDockWidgetArea, termsDock);
    tabifyDockWidget(tagsDock, personsDock);
    tabifyDockWidget(personsDock, termsDock);
    findChild<QDockWidget *>(QStringLiteral("searchDock"))->raise();
    resizeDocks({findChild<QDockWidget *>(QStringLiteral("libraryDock")), findChild<QDockWidget *>(QStringLiteral("notesDock"))},
                {300, 340}, Qt::Horizontal);

}

void MainWindow::connectPanes()
{
    Navigator *nav = m_services.navigator;
    connect(nav, &Navigator::currentChanged, m_controller, &ReaderController::show);
    if (m_libraryController) {
        // The index first; the reader's offer to open the file when the index lacks the volume.
        connect(nav, &Navigator::volumeNotOpen, m_libraryController, &LibraryController::openVolumeForTarget);
        connect(m_libraryPane, &LibraryPane::libraryDocumentActivated, this, &MainWindow::openLibraryDocument);
        connect(m_libraryPane, &LibraryPane::addToLibraryRequested, m_libraryController, &LibraryController::addToLibrary);
    } else {
        connect(nav, &Navigator::volumeNotOpen, m_controller, &ReaderController::offerToOpenVolume);
    }
    connect(nav, &Navigator::externalLinkRequested, m_controller, &ReaderController::confirmExternalLink);
    connect(nav, &Navigator::unresolved, m_controller, &ReaderController::reportUnresolved);
    connect(m_view, &DocumentView::linkActivated, m_controller, &ReaderController::followLink);
    connect(m_view, &DocumentView::markerHovered, m_controller, &ReaderController::showMarkerPopup);
    connect(m_view, &DocumentView::markerHoverEnded, m_controller, &ReaderController::hideMarkerPopupSoon);
    connect(m_view, &DocumentView::readingOffsetChanged, nav, &Navigator::setReadingOffset);
    connect(m_view, &DocumentView::readingOffsetChanged, m_controller, [this] { m_citation->setText(m_controller->currentCitation()); });
    connect(m_notes, &FootnotePane::linkActivated, m_controller, &ReaderController::followLink);
    connect(m_popup, &NotePopup::linkActivated, m_controller, &ReaderController::followLink);
    connect(m_libraryPane, &LibraryPane::documentActivated, nav, [nav](int v, int d) { nav->openDocument(v, d); });
    // The search runs off the GUI thread; the model only receives the newest query's results.
    auto *search = new LibrarySearchJob(m_services.library, m_services.annotations, this);
    connect(m_searchPane, &SearchPane::searchRequested, search, &LibrarySearchJob::search);
    connect(search, &LibrarySearchJob::resultsReady, m_services.searchResults, &SearchResultsModel::setResults);
    connect(m_searchPane, &SearchPane::hitActivated, m_controller, &ReaderController::showSearchHit);
    connect(m_opener, &VolumeOpener::recentFilesChanged, this, &MainWindow::updateRecentMenu);
    connect(m_controller, &ReaderController::documentShown, m_apparatus, &ApparatusController::documentShown);
    connect(m_apparatus, &ApparatusController::mentionActivated, m_controller, &ReaderController::showSearchHit);
}

void MainWindow::createLibraryIndexPanes()
{
    if (!m_services.catalog)
        return;
    m_libraryResults = new CatalogResultsModel(this);
    m_citedBy = new CitedByModel(this);
    m_citedByPane = new CitedByPane(m_citedBy, this);
    // Under the notes, in sight of them; one line high while it has nothing to list.
    QDockWidget *citedByDock = dock(tr("Cited by"), QStringLiteral("citedByDock"), m_citedByPane, this);
    addDockWidget(Qt::RightDockWidgetArea, citedByDock);
    splitDockWidget(findChild<QDockWidget *>(QStringLiteral("notesDock")), citedByDock, Qt::Vertical);
    // A dock keeps its height when its content may grow again: the list gets a third of the side.
    // Later, once the layout knows the pane may be higher than its one line.
    connect(m_citedByPane, &CitedByPane::listShown, this, [this, citedByDock](bool shown) {
        if (shown)
            QTimer::singleShot(0, this, [this, citedByDock] { resizeDocks({citedByDock}, {height() / 3}, Qt::Vertical); });
    });
}

void MainWindow::connectLibraryIndex()
{
    if (!m_services.catalog)
        return;
    m_librarySearch = new LibrarySearchController({m_services.catalog, m_services.catalogPath, m_services.library,
                                                   m_services.navigator, m_opener, m_view, m_notes, m_findBar, m_searchPane,
                                                   m_citedByPane, m_services.annotations},
                                                  m_libraryResults, m_citedBy, this);
    LibrarySearchController *s = m_librarySearch;
    connect(m_controller, &ReaderController::documentShown, s, &LibrarySearchController::documentShown);
    // Whatever opens a library document, its hits are painted once it is shown.
    connect(m_searchPane, &SearchPane::documentRequested, s, &LibrarySearchController::highlightWhenShown);
    connect(m_citedByPane, &CitedByPane::documentRequested, s, &LibrarySearchController::highlightWhenShown);
    // A result opens as the library tree opens a document: read from its part of the file. Without the
    // library controller (no index model), the search controller opens the volume's file.
    const auto open = [this, s](const QString &volumeId, const QString &documentId) {
        if (m_libraryController)
            openLibraryDocument(volumeId, documentId);
        else
            s->openDocument(volumeId, documentId);
    };
    connect(m_searchPane, &SearchPane::documentRequested, s, open);
    connect(m_citedByPane, &CitedByPane::documentRequested, s, open);
    // The volume filter follows what indexing added or removed.
    if (m_libraryController)
        connect(m_libraryController, &LibraryController::indexingFinished, s, [s] { s->refreshVolumes(); });
}

void MainWindow::connectAnnotations()
{
    AnnotationController *c = m_annotationController;
    connect(m_controller, &ReaderController::documentShown, c, &AnnotationController::showDocument);
    connect(c, &AnnotationController::message, statusBar(), [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_annotationsPane, &AnnotationsPane::annotationActivated, c, &AnnotationController::selectAnnotation);
    connect(m_annotationsPane, &AnnotationsPane::editNoteRequested, c, &AnnotationController::askNote);
    connect(m_annotationsPane, &AnnotationsPane::editTagsRequested, c, &AnnotationController::askTags);
    connect(m_annotationsPane, &AnnotationsPane::removeRequested, c, &AnnotationController::remove);
    connect(m_annotationsPane, &AnnotationsPane::historyRequested, c, &AnnotationController::showHistory);
    connect(m_tagBrowser, &TagBrowser::tagChosen, c, &AnnotationController::showTag);
    connect(m_searchPane, &SearchPane::annotationActivated, c, &AnnotationController::openPassage);
    connect(m_tagBrowser, &TagBrowser::passageChosen, c, &AnnotationController::openPassage);
    connect(m_allAnnotationsPane, &AllAnnotationsPane::passageActivated, c, &AnnotationController::openPassage);
    connect(m_tagBrowser, &TagBrowser::editNoteRequested, c, &AnnotationController::askNote);
    connect(m_tagBrowser, &TagBrowser::removeRequested, c, &AnnotationController::remove);
    connect(m_margin, &MarginNotes::cardClicked, c, &AnnotationController::selectAnnotation);
    connect(m_margin, &MarginNotes::editRequested, c, &AnnotationController::askNote);
    m_annotationsPane->setProblem(m_services.annotations->problem());
}

void MainWindow::createAnnotationActions()
{
    auto *annotate = new QMenu(tr("&Annotate"), this);
    menuBar()->insertMenu(menuBar()->actions().at(3), annotate); // after View, before Go
    QToolBar *toolbar = addToolBar(tr("Annotate"));
    toolbar->setObjectName(QStringLiteral("annotateToolbar"));
    auto add = [this, annotate, toolbar](const QString &text, const QKeySequence &keys, auto slot) {
        QAction *a = annotate->addAction(text);
        a->setShortcut(keys);
        a->setEnabled(m_services.annotations->canWrite());
        a->setToolTip(m_services.annotations->canWrite() ? text : plainTooltip(m_services.annotations->problem()));
        connect(a, &QAction::triggered, m_annotationController, slot);
        addAction(a);
        toolbar->addAction(a);
        m_view->addAction(a);
        m_notes->addAction(a);
        return a;
    };
    add(tr("&Highlight"), QKeySequence(tr("Ctrl+Shift+H")), [this] { m_annotationController->highlightSelection(); });
    QMenu *colours = annotate->addMenu(tr("Highlight in &Colour"));
    const std::pair<QString, QString> palette[] = {{tr("Yellow"), defaultAnnotationColor()},
                                                   {tr("Green"), QStringLiteral("#B5E3A1")},
                                                   {tr("Blue"), QStringLiteral("#A8D1F0")},
                                                   {tr("Pink"), QStringLiteral("#F5B3C8")},
                                                   {tr("Orange"), QStringLiteral("#F8C58C")}};
    for (const auto &[name, colour] : palette) {
        QPixmap swatch(14, 14);
        swatch.fill(QColor(colour));
        QAction *a = colours->addAction(QIcon(swatch), name);
        a->setEnabled(m_services.annotations->canWrite());
        connect(a, &QAction::triggered, m_annotationController,
                [this, colour = colour] { m_annotationController->highlightSelection(colour); });
    }
    add(tr("&Tag…"), QKeySequence(tr("Ctrl+Shift+T")), &AnnotationController::askTagsForSelection);
    add(tr("&Note…"), QKeySequence(tr("Ctrl+Shift+N")), &AnnotationController::askNoteForSelection);
    // A right click on a highlight selects it: these then act on that annotation.
    QAction *removeHighlight = annotate->addAction(tr("&Delete Highlight"));
    removeHighlight->setObjectName(QStringLiteral("deleteHighlightAction"));
    connect(removeHighlight, &QAction::triggered, m_annotationController, &AnnotationController::removeAtSelection);
    for (QWidget *text : {static_cast<QWidget *>(m_view), static_cast<QWidget *>(m_notes)})
        text->addActions({colours->menuAction(), removeHighlight});
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_notes->setContextMenuPolicy(Qt::ActionsContextMenu);
}

void MainWindow::restoreLayout()
{
    QSettings *s = m_services.settings;
    if (!restoreGeometry(s->value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 820);
    restoreState(s->value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_services.settings->setValue(QStringLiteral("window/geometry"), saveGeometry());
    m_services.settings->setValue(QStringLiteral("window/state"), saveState());
    m_popup->hide();
    QMainWindow::closeEvent(event);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // The mouse's back and forward buttons, wherever the pointer is in this window.
    if (event->type() == QEvent::MouseButtonPress && watched->isWidgetType()
        && static_cast<QWidget *>(watched)->window() == this) {
        const auto button = static_cast<QMouseEvent *>(event)->button();
        if (button == Qt::BackButton) {
            m_services.navigator->back();
            return true;
        }
        if (button == Qt::ForwardButton) {
            m_services.navigator->forward();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

// A plain drop of files opens them, as it always did; a folder (which cannot be opened) or a drop with
// Shift held adds them to the library instead.
void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList files;
    bool folder = false;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile()) {
            files << url.toLocalFile();
            folder = folder || QFileInfo(files.back()).isDir();
        }
    }
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    if (m_libraryController && (folder || event->modifiers().testFlag(Qt::ShiftModifier)))
        m_libraryController->addToLibrary(files);
    else
        m_opener->open(files);
}

void MainWindow::openLibraryDocument(const QString &volumeId, const QString &documentId)
{
    if (m_libraryController)
        m_libraryController->openLibraryDocument(volumeId, documentId);
}

void MainWindow::openHandedOver(const QStringList &files, const QString &documentId)
{
    setWindowState((windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    show();
    raise();
    activateWindow();
    m_opener->enqueue(files, documentId);
}

void MainWindow::createLibraryActions(QMenu *file)
{
    if (!m_libraryController)
        return;
    QAction *files = file->addAction(tr("&Add Files to Library…"));
    files->setObjectName(QStringLiteral("addFilesToLibraryAction"));
    files->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    files->setToolTip(tr("Index TEI volumes once, so that they open at once and can be searched"));
    connect(files, &QAction::triggered, m_libraryController, [this] { m_libraryController->chooseAndAdd(false); });
    QAction *folder = file->addAction(tr("Add &Folder to Library…"));
    folder->setObjectName(QStringLiteral("addFolderToLibraryAction"));
    folder->setToolTip(tr("Index every TEI volume in a folder and its subfolders"));
    connect(folder, &QAction::triggered, m_libraryController, [this] { m_libraryController->chooseAndAdd(true); });
    addActions({files, folder});
}

void MainWindow::openFileDialog()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Open"), QString(),
        tr("FRUS documents (*.xml *.txt);;TEI volumes (*.xml);;Text copies of document pages (*.txt);;All files (*)"));
    m_opener->open(files);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = m_opener->recentFiles();
    for (const QString &file : recent) {
        // A menu reads '&' as a mnemonic; "&&" shows one.
        QAction *a = m_recentMenu->addAction(QFileInfo(file).fileName().replace(u'&', QStringLiteral("&&")));
        a->setToolTip(plainTooltip(file));
        connect(a, &QAction::triggered, m_opener, [this, file] { m_opener->open({file}); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::createActions()
{
    Navigator *nav = m_services.navigator;
    QToolBar *toolbar = addToolBar(tr("Navigation"));
    toolbar->setObjectName(QStringLiteral("navigationToolbar"));
    auto add = [this](QMenu *menu, const QString &text, const QKeySequence &keys, auto *receiver, auto slot) {
        QAction *a = menu->addAction(text);
        a->setShortcut(keys);
        connect(a, &QAction::triggered, receiver, slot);
        addAction(a);
        return a;
    };
    auto icon = [this](QStyle::StandardPixmap p) { return style()->standardIcon(p); };

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = add(file, tr("&Open…"), QKeySequence::Open, this, &MainWindow::openFileDialog);
    open->setIcon(icon(QStyle::SP_DialogOpenButton));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    updateRecentMenu();
    QAction *closeVolume = add(file, tr("&Close Volume"), QKeySequence::Close, m_opener, &VolumeOpener::closeShown);
    closeVolume->setShortcuts(withPlatformKeys({QKeySequence(tr("Ctrl+W"))}, QKeySequence::Close)); // Ctrl+W everywhere
    closeVolume->setObjectName(QStringLiteral("closeVolumeAction"));
    closeVolume->setToolTip(tr("Take the volume on screen out of the open files; its annotations are kept"));
    closeVolume->setEnabled(false);
    connect(nav, &Navigator::currentChanged, closeVolume,
            [closeVolume](const ReaderPosition &position) { closeVolume->setEnabled(position.valid()); });
    connect(m_libraryPane, &LibraryPane::closeVolumeRequested, m_opener, &VolumeOpener::close);
    file->addSeparator();
    createLibraryActions(file);
    file->addSeparator();
    add(file, tr("&Export PDF…"), QKeySequence(tr("Ctrl+E")), m_pdfExport, &PdfExportController::exportInteractively);
    connect(m_pdfExport, &PdfExportController::exported, this, [this](const QString &output, int pages) {
        statusBar()->showMessage(tr("Exported %n page(s) to %1", nullptr, pages).arg(QDir::toNativeSeparators(output)), 10000);
    });
    QAction *exportAnnotations = add(file, tr("Export &Annotations…"), QKeySequence(),
                                     m_annotationExchange, &AnnotationExchangeController::exportInteractively);
    exportAnnotations->setObjectName(QStringLiteral("exportAnnotationsAction"));
    exportAnnotations->setEnabled(m_services.annotations->isAvailable());
    QAction *importAnnotations = add(file, tr("&Import Annotations…"), QKeySequence(),
                                     m_annotationExchange, &AnnotationExchangeController::importInteractively);
    importAnnotations->setObjectName(QStringLiteral("importAnnotationsAction"));
    importAnnotations->setEnabled(m_services.annotations->canWrite());
    connect(m_annotationExchange, &AnnotationExchangeController::exported, this, [this](const QString &output, int count) {
        statusBar()->showMessage(tr("Exported %n annotation(s) to %1", nullptr, count).arg(QDir::toNativeSeparators(output)), 10000);
    });
    file->addSeparator();
    add(file, tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_services.undoStack->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_services.undoStack->createRedoAction(this, tr("&Redo"));
    // Both usual keys on every platform (X11's own Redo is Ctrl+Shift+Z alone, which was listed twice).
    redo->setShortcuts(withPlatformKeys({QKeySequence(tr("Ctrl+Shift+Z")), QKeySequence(tr("Ctrl+Y"))}, QKeySequence::Redo));
    edit->addAction(undo);
    edit->addAction(redo);
    addAction(undo);
    addAction(redo);
    edit->addSeparator();
    QAction *copy = add(edit, tr("&Copy"), QKeySequence::Copy, m_view, &QTextEdit::copy);
    QAction *cite = add(edit, tr("Copy with &Citation"), QKeySequence(tr("Ctrl+Shift+C")), m_controller, &ReaderController::copyCitation);
    cite->setObjectName(QStringLiteral("copyWithCitationAction"));
    cite->setToolTip(tr("Copy the selected passage with its citation and page, or the citation of the page on screen"));
    m_view->addActions({copy, cite}); // its context menu
    addCitationStyleMenu(edit, m_controller);
    edit->addSeparator();
    add(edit, tr("&Find in Document…"), QKeySequence::Find, m_findBar, &FindBar::open);
    add(edit, tr("Find &Next"), QKeySequence::FindNext, m_findBar, [this] { m_findBar->findNext(); });
    add(edit, tr("Find &Previous"), QKeySequence::FindPrevious, m_findBar, [this] { m_findBar->findNext(true); });
    add(edit, tr("Search the &Library…"), QKeySequence(tr("Ctrl+Shift+F")), this, [this] {
        QDockWidget *search = findChild<QDockWidget *>(QStringLiteral("searchDock"));
        search->show();
        search->raise(); // in front of the Tags tab, or the keys go into a pane no one sees
        m_searchPane->focusQuery();
    });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *zoomIn = add(view, tr("Zoom &In"), QKeySequence::ZoomIn, m_controller, &ReaderController::zoomIn);
    // "+" needs Shift on most keyboards: Ctrl+= is the key people press.
    zoomIn->setShortcuts(withPlatformKeys({QKeySequence(tr("Ctrl++")), QKeySequence(tr("Ctrl+="))}, QKeySequence::ZoomIn));
    QAction *zoomOut = add(view, tr("Zoom &Out"), QKeySequence::ZoomOut, m_controller, &ReaderController::zoomOut);
    add(view, tr("&Actual Size"), QKeySequence(tr("Ctrl+0")), m_controller, &ReaderController::resetZoom);
    QMenu *themes = view->addMenu(tr("&Theme"));
    auto *themeGroup = new QActionGroup(this);
    const std::pair<QString, ReaderController::Theme> themeChoices[] = {
        {tr("Follow the &System"), ReaderController::Theme::System},
        {tr("&Light"), ReaderController::Theme::Light},
        {tr("&Dark"), ReaderController::Theme::Dark}};
    for (const auto &[label, theme] : themeChoices) {
        QAction *a = themes->addAction(label);
        a->setCheckable(true);
        a->setChecked(m_controller->theme() == theme);
        themeGroup->addAction(a);
        connect(a, &QAction::triggered, m_controller, [this, theme = theme] { m_controller->setTheme(theme); });
    }
    view->addSeparator();
    QAction *margin = m_margin->toggleAction();
    const QString marginKey = QStringLiteral("reader/marginNotes");
    margin->setChecked(m_services.settings->value(marginKey, true).toBool());
    connect(margin, &QAction::toggled, this, [this, marginKey](bool on) { m_services.settings->setValue(marginKey, on); });
    view->addAction(margin);
    for (QDockWidget *d : findChildren<QDockWidget *>())
        view->addAction(d->toggleViewAction());

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    QAction *back = add(go, tr("&Back"), QKeySequence::Back, nav, &Navigator::back);
    QAction *forward = add(go, tr("&Forward"), QKeySequence::Forward, nav, &Navigator::forward);
    back->setIcon(icon(QStyle::SP_ArrowBack));
    forward->setIcon(icon(QStyle::SP_ArrowForward));
    back->setEnabled(false);
    forward->setEnabled(false);
    go->addSeparator();
    QAction *previousDoc = add(go, tr("&Previous Document"), QKeySequence(tr("Ctrl+PgUp")), nav, &Navigator::previousDocument);
    QAction *nextDoc = add(go, tr("&Next Document"), QKeySequence(tr("Ctrl+PgDown")), nav, &Navigator::nextDocument);
    previousDoc->setIcon(icon(QStyle::SP_ArrowUp));
    nextDoc->setIcon(icon(QStyle::SP_ArrowDown));
    add(go, tr("Pre&vious Footnote"), QKeySequence(tr("Alt+Up")), m_controller, &ReaderController::previousFootnote);
    add(go, tr("Ne&xt Footnote"), QKeySequence(tr("Alt+Down")), m_controller, &ReaderController::nextFootnote);
    go->addSeparator();
    go->addAction(m_apparatus->openOnWebAction());
    addAction(m_apparatus->openOnWebAction());
    connect(nav, &Navigator::historyChanged, this, [back, forward](bool canBack, bool canForward) {
        back->setEnabled(canBack);
        forward->setEnabled(canForward);
    });

    if (m_services.team) {
        QMenu *team = menuBar()->addMenu(tr("&Team"));
        m_teamController = new TeamController({m_services.team, m_services.annotations, team, statusBar(), this}, this);
        connect(m_teamController, &TeamController::authorFilterChanged, m_annotationController,
                &AnnotationController::setAuthorFilter);
        connect(m_teamController, &TeamController::authorFilterChanged, m_margin, &MarginNotes::setAuthorFilter);
        // The margin's cards name their authors once the annotations are shared with a team.
        const auto inTeam = [this] { m_margin->setShowsAuthors(!m_services.team->address().isEmpty()); };
        connect(m_services.team, &TeamSession::stateChanged, m_margin, inTeam);
        inTeam();
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    m_help = new HelpController(help, this, this);
    help->addSeparator();
    add(help, tr("&About Marginalia"), QKeySequence(), this, [this] {
        QMessageBox::about(this, tr("About Marginalia"),
                           tr("Marginalia %1\nA reader for footnoted historical documents.\nGPL-3.0-or-later.")
                               .arg(QApplication::applicationVersion()));
    });

    toolbar->addAction(open);
    toolbar->addSeparator();
    toolbar->addAction(back);
    toolbar->addAction(forward);
    toolbar->addAction(previousDoc);
    toolbar->addAction(nextDoc);
    toolbar->addSeparator();
    toolbar->addAction(zoomOut);
    toolbar->addAction(zoomIn);
    toolbar->addAction(cite);
}

} // namespace marginalia

#pragma once

#include <QMainWindow>

class QLabel;
class QMenu;
class QSettings;
class QUndoStack;

namespace marginalia {

class AnnotationController;
class AnnotationExchangeController;
class Catalog;
class CatalogResultsModel;
class CitedByModel;
class CitedByPane;
class LibrarySearchController;
class CatalogModel;
class CatalogVolumes;
class LibraryController;
class PdfExportController;
class AnnotationService;
class AnnotationsModel;
class AnnotationsPane;
class AllAnnotationsPane;
class ApparatusController;
class DocumentView;
class TagBrowser;
class TagsModel;
class FindBar;
class HelpController;
class FootnotePane;
class LibraryModel;
class LibraryPane;
class MarginNotes;
class Navigator;
class NotePopup;
class OpenLibrary;
class ReaderController;
class SearchPane;
class SearchResultsModel;
class TeamController;
class TeamSession;
class VolumeOpener;

// The reader window: the library, the document and its notes side by side, search below. It builds
// the panes, the menus and the toolbar and connects them; what happens is decided by the navigator
// (core), the reader controller and the volume opener.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    struct Services {
        OpenLibrary *library = nullptr;
        Navigator *navigator = nullptr;
        LibraryModel *libraryModel = nullptr;
        SearchResultsModel *searchResults = nullptr;
        QSettings *settings = nullptr;
        AnnotationService *annotations = nullptr;
        QUndoStack *undoStack = nullptr;
        // The library index (all three, or none: no Library tab). `catalog` is null when the index at
        // catalogPath could not be opened (catalogProblem says why); the window then offers to rebuild it.
        Catalog *catalog = nullptr;
        CatalogVolumes *catalogVolumes = nullptr;
        CatalogModel *catalogModel = nullptr;
        QString catalogPath = {};
        QString catalogProblem = {};
        // The team the annotations are shared with (none: no Team menu).
        TeamSession *team = nullptr;
    };

    explicit MainWindow(const Services &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    VolumeOpener *opener() const { return m_opener; }
    ReaderController *controller() const { return m_controller; }
    DocumentView *documentView() const { return m_view; }
    MarginNotes *marginNotes() const { return m_margin; }
    FootnotePane *footnotePane() const { return m_notes; }
    LibraryPane *libraryPane() const { return m_libraryPane; }
    SearchPane *searchPane() const { return m_searchPane; }
    NotePopup *notePopup() const { return m_popup; }
    QLabel *citationLabel() const { return m_citation; }
    AnnotationController *annotationController() const { return m_annotationController; }
    AnnotationsPane *annotationsPane() const { return m_annotationsPane; }
    AnnotationsModel *documentAnnotations() const { return m_documentAnnotations; }
    AllAnnotationsPane *allAnnotationsPane() const { return m_allAnnotationsPane; }
    TagBrowser *tagBrowser() const { return m_tagBrowser; }
    PdfExportController *pdfExport() const { return m_pdfExport; }
    AnnotationExchangeController *annotationExchange() const { return m_annotationExchange; }
    FindBar *findBar() const { return m_findBar; }
    HelpController *help() const { return m_help; }
    ApparatusController *apparatus() const { return m_apparatus; }
    // With a library index only (else null).
    LibrarySearchController *librarySearch() const { return m_librarySearch; }
    CatalogResultsModel *libraryResults() const { return m_libraryResults; }
    CitedByPane *citedByPane() const { return m_citedByPane; }
    CitedByModel *citedBy() const { return m_citedBy; }
    // Null when the window has no library index.
    LibraryController *libraryController() const { return m_libraryController; }
    // Null without a team session.
    TeamController *teamController() const { return m_teamController; }

public Q_SLOTS:
    // Opens a document of the library index (what the search pane's results ask for).
    void openLibraryDocument(const QString &volumeId, const QString &documentId);
    // Files a later start of the application handed over (none: it only asked for the window): they
    // open here, after what is being opened, and the window comes to the front.
    void openHandedOver(const QStringList &files, const QString &documentId);

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createPanes();
    void createActions();
    void createLibraryActions(QMenu *file);
    void createAnnotationActions();
    void connectAnnotations();
    void connectPanes();
    void createLibraryIndexPanes();
    void connectLibraryIndex();
    void updateRecentMenu();
    void openFileDialog();
    void restoreLayout();

    Services m_services;
    DocumentView *m_view = nullptr;
    MarginNotes *m_margin = nullptr;
    FindBar *m_findBar = nullptr;
    FootnotePane *m_notes = nullptr;
    LibraryPane *m_libraryPane = nullptr;
    SearchPane *m_searchPane = nullptr;
    NotePopup *m_popup = nullptr;
    QLabel *m_citation = nullptr;
    QMenu *m_recentMenu = nullptr;
    TeamController *m_teamController = nullptr;
    VolumeOpener *m_opener = nullptr;
    ReaderController *m_controller = nullptr;
    AnnotationsModel *m_documentAnnotations = nullptr;
    AnnotationsModel *m_tagPassages = nullptr;
    TagsModel *m_tags = nullptr;
    AnnotationsPane *m_annotationsPane = nullptr;
    AllAnnotationsPane *m_allAnnotationsPane = nullptr;
    TagBrowser *m_tagBrowser = nullptr;
    AnnotationController *m_annotationController = nullptr;
    PdfExportController *m_pdfExport = nullptr;
    AnnotationExchangeController *m_annotationExchange = nullptr;
    HelpController *m_help = nullptr;
    ApparatusController *m_apparatus = nullptr;
    CatalogResultsModel *m_libraryResults = nullptr;
    CitedByModel *m_citedBy = nullptr;
    CitedByPane *m_citedByPane = nullptr;
    LibrarySearchController *m_librarySearch = nullptr;
    LibraryController *m_libraryController = nullptr;
};

} // namespace marginalia

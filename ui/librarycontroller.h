#pragma once

#include "util/result.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <memory>

class QStatusBar;
class QTimer;
class QWidget;

namespace marginalia {

class Catalog;
class CatalogIndexJob;
class CatalogModel;
class CatalogVolumes;
class IndexProgressWidget;
class LibraryPane;
class Navigator;
class OpenLibrary;
class ReaderController;
struct IndexReport;

// The window's side of the library index: adding files and folders (indexed off the GUI thread, with
// progress in the status bar), the library tree, and documents opened from the index — read from
// their byte span into a snapshot volume of the open library, and stubs read when the navigator is
// about to show one. References into volumes that are not open resolve through the index first.
class LibraryController : public QObject {
    Q_OBJECT

public:
    struct Parts {
        OpenLibrary *library = nullptr;
        Navigator *navigator = nullptr;
        Catalog *catalog = nullptr;         // null when the index could not be opened
        CatalogVolumes *volumes = nullptr;  // the cache over `catalog`
        CatalogModel *model = nullptr;
        QString catalogPath;
        QString catalogProblem;             // why `catalog` is null
        LibraryPane *pane = nullptr;
        ReaderController *reader = nullptr; // what a reference to a volume the index lacks falls back to
        QStatusBar *statusBar = nullptr;
        QWidget *window = nullptr;
    };

    LibraryController(const Parts &parts, QObject *parent = nullptr);
    ~LibraryController() override;

    bool hasCatalog() const { return m_catalog != nullptr; }
    bool isIndexing() const;
    IndexProgressWidget *progressWidget() const { return m_progress; }
    // What File › Add Files / Add Folder ask for; tests set a chooser that answers without a dialog.
    using PathChooser = std::function<QStringList(bool folder)>;
    void setPathChooser(PathChooser chooser) { m_chooser = std::move(chooser); }
    // When false, problems go only to the status bar and signals (unattended runs, tests).
    void setInteractive(bool interactive) { m_interactive = interactive; }

    // The navigator's loader: reads document `document` of volume `volume` of the open library when it
    // is a stub of a volume opened from the index.
    bool loadDocument(int volume, int document);

public Q_SLOTS:
    // Opens document `documentId` (the first one when empty) of the library's volume `volumeId`, reading
    // only its span. False (and a message in the status bar) when the index cannot give it.
    bool openLibraryDocument(const QString &volumeId, const QString &documentId);
    void addToLibrary(const QStringList &paths);
    void chooseAndAdd(bool folder);
    // Indexes every source again (unchanged files are skipped). Quietly (the run at start): the status
    // bar shows it only when there are files to read.
    void startIndexing(bool quietly = false);
    void cancelIndexing();
    // A reference into `volumeId`, which is not open: opened from the index when it is there, else the
    // reader offers to open its file.
    void openVolumeForTarget(const QString &volumeId, const QString &target);
    // Asks, then deletes the damaged index and starts an empty one (never the annotation database).
    void offerRebuild();

Q_SIGNALS:
    void indexingFinished(const marginalia::IndexReport &report);
    void problem(const QString &message);

private:
    void connectJob();
    void onFinished(const IndexReport &report);
    void report(const QString &message);
    void readFailed(const Error &error);
    void useCatalog(Catalog *catalog);

    Parts m_parts;
    Catalog *m_catalog;
    std::unique_ptr<Catalog> m_rebuilt;
    CatalogIndexJob *m_job;
    IndexProgressWidget *m_progress;
    QTimer *m_refresh;
    PathChooser m_chooser;
    bool m_interactive = true;
    bool m_indexAgain = false; // sources were added while a run was going
    bool m_quiet = false;
    int m_committed = 0;       // volumes done in this run, to refresh the tree as they come
};

} // namespace marginalia

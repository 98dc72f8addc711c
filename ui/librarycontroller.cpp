#include "librarycontroller.h"

#include "indexprogresswidget.h"
#include "librarypane.h"
#include "plaintext.h"
#include "readercontroller.h"

#include "catalog/catalog.h"
#include "catalog/catalogindexjob.h"
#include "catalog/catalogvolumes.h"
#include "catalog/lazyvolume.h"
#include "library/openlibrary.h"
#include "models/catalogmodel.h"
#include "navigation/navigator.h"

#include <QFileDialog>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>

namespace marginalia {

namespace {

constexpr int kStatusMessageMs = 10000;
// The tree is read again at most this often while volumes are committed.
constexpr int kRefreshMs = 1000;

} // namespace

LibraryController::LibraryController(const Parts &parts, QObject *parent)
    : QObject(parent), m_parts(parts), m_catalog(parts.catalog), m_job(new CatalogIndexJob(this)),
      m_progress(new IndexProgressWidget(parts.statusBar)), m_refresh(new QTimer(this))
{
    m_parts.statusBar->addPermanentWidget(m_progress);
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(kRefreshMs);
    connect(m_refresh, &QTimer::timeout, this, [this] { m_parts.model->reload(); });
    connect(m_progress, &IndexProgressWidget::cancelRequested, this, &LibraryController::cancelIndexing);
    connect(m_progress, &IndexProgressWidget::rebuildRequested, this, &LibraryController::offerRebuild);
    connectJob();
    m_parts.navigator->setDocumentLoader([this](int volume, int document) { return loadDocument(volume, document); });
    connect(m_parts.navigator, &Navigator::currentChanged, this, [this](const ReaderPosition &position) {
        const Library &library = m_parts.library->library();
        if (!m_catalog || !position.valid() || position.volume >= library.size())
            return;
        const Volume &volume = library.volume(position.volume);
        if (m_parts.volumes->cameFromIndex(volume.sourcePath) && position.document < int(volume.documents.size()))
            m_parts.pane->showCurrentInLibrary(volume.id, volume.documents[std::size_t(position.document)].id);
    });
    if (!m_catalog && !m_parts.catalogProblem.isEmpty())
        m_progress->showUnavailable(m_parts.catalogProblem);
}

LibraryController::~LibraryController()
{
    m_parts.navigator->setDocumentLoader({});
}

bool LibraryController::isIndexing() const
{
    return m_job->isRunning();
}

void LibraryController::connectJob()
{
    connect(m_job, &CatalogIndexJob::progress, this, [this](const IndexProgress &progress) {
        if (!m_quiet || progress.volumesTotal > 0)
            m_progress->showProgress(progress);
        if (progress.volumesDone > m_committed) {
            m_committed = progress.volumesDone;
            if (!m_refresh->isActive())
                m_refresh->start();
        }
    });
    connect(m_job, &CatalogIndexJob::finished, this, &LibraryController::onFinished);
    connect(m_job, &CatalogIndexJob::failed, this, [this](const Error &error) {
        m_parts.model->reload();
        // The run at start fails quietly (another process indexing, say): the index is read as it is.
        if (m_quiet) {
            m_progress->hide();
            m_parts.statusBar->showMessage(tr("The library was not brought up to date: %1").arg(error.toString()), kStatusMessageMs);
        } else {
            m_progress->showFailed(error);
        }
        Q_EMIT problem(error.toString());
        if (std::exchange(m_indexAgain, false))
            startIndexing();
    });
}

void LibraryController::report(const QString &message)
{
    m_parts.statusBar->showMessage(message, kStatusMessageMs);
    Q_EMIT problem(message);
}

// A file changed or gone since it was indexed: said, and the index brought up to date, so that the next
// try reads the file as it is now.
void LibraryController::readFailed(const Error &error)
{
    report(tr("This document could not be read from the library (%1); the library is being brought up to date.")
               .arg(error.toString()));
    startIndexing(true);
}

bool LibraryController::loadDocument(int volume, int document)
{
    const Library &library = m_parts.library->library();
    if (!m_catalog || volume < 0 || volume >= library.size())
        return true;
    const std::shared_ptr<const Volume> open = library.volumePtr(volume);
    if (!m_parts.volumes->isStub(*open, document))
        return true;
    Result<std::shared_ptr<const Volume>> read = m_parts.volumes->volumeWithDocument(open->id, document);
    if (!read) {
        readFailed(read.error());
        return false;
    }
    m_parts.library->add(*read); // in place: same file, same id
    return true;
}

bool LibraryController::openLibraryDocument(const QString &volumeId, const QString &documentId)
{
    if (!m_catalog) {
        report(tr("The library index is not open."));
        return false;
    }
    Result<std::shared_ptr<LazyVolume>> lazy = m_parts.volumes->volume(volumeId);
    if (!lazy) {
        report(tr("This volume could not be opened from the library: %1").arg(lazy.error().toString()));
        return false;
    }
    const int document = documentId.isEmpty() ? 0 : (*lazy)->outline().volume.documentIndex(documentId);
    if (document < 0 || document >= (*lazy)->documentCount()) {
        report(tr("There is no document \"%1\" in %2.").arg(documentId, volumeId));
        return false;
    }
    Result<std::shared_ptr<const Volume>> read = m_parts.volumes->volumeWithDocument(volumeId, document);
    if (!read) {
        readFailed(read.error());
        return false;
    }
    const int volume = m_parts.library->add(*read);
    m_parts.navigator->openDocument(volume, document);
    return true;
}

void LibraryController::openVolumeForTarget(const QString &volumeId, const QString &target)
{
    if (m_catalog) {
        if (Result<std::shared_ptr<LazyVolume>> lazy = m_parts.volumes->volume(volumeId)) {
            // Its documents as stubs: the navigator's loader reads the one the target leads to.
            m_parts.library->add((*lazy)->volume());
            m_parts.navigator->followTarget(target);
            return;
        }
    }
    m_parts.reader->offerToOpenVolume(volumeId, target);
}

void LibraryController::chooseAndAdd(bool folder)
{
    QStringList paths;
    if (m_chooser) {
        paths = m_chooser(folder);
    } else if (folder) {
        const QString dir = QFileDialog::getExistingDirectory(m_parts.window, tr("Add a Folder to the Library"));
        if (!dir.isEmpty())
            paths << dir;
    } else {
        paths = QFileDialog::getOpenFileNames(m_parts.window, tr("Add Files to the Library"), QString(),
                                              tr("TEI volumes (*.xml);;All files (*)"));
    }
    if (!paths.isEmpty())
        addToLibrary(paths);
}

void LibraryController::addToLibrary(const QStringList &paths)
{
    if (!m_catalog) {
        report(tr("Nothing can be added: the library index is not open."));
        return;
    }
    if (Result<void> added = m_catalog->addSources(paths); !added) {
        report(tr("These could not be added to the library: %1").arg(added.error().toString()));
        return;
    }
    m_parts.pane->showLibraryTab();
    startIndexing();
}

void LibraryController::startIndexing(bool quietly)
{
    if (!m_catalog)
        return;
    if (m_job->isRunning()) {
        m_indexAgain = true;
        return;
    }
    m_committed = 0;
    m_quiet = quietly;
    if (!quietly)
        m_progress->showStarted();
    m_job->start(m_catalog->path());
}

void LibraryController::cancelIndexing()
{
    m_indexAgain = false;
    m_job->cancel();
    m_progress->cancelButton()->setEnabled(false);
}

void LibraryController::onFinished(const IndexReport &report)
{
    m_refresh->stop();
    // Re-indexed volumes have new outlines (and spans): read them again from the index.
    if (report.indexed > 0)
        m_parts.volumes->invalidate();
    m_parts.model->reload();
    if (m_quiet && report.indexed == 0 && report.failed == 0)
        m_progress->hide();
    else
        m_progress->showFinished(report);
    Q_EMIT indexingFinished(report);
    if (std::exchange(m_indexAgain, false))
        startIndexing();
}

void LibraryController::useCatalog(Catalog *catalog)
{
    m_catalog = catalog;
    m_parts.volumes->setCatalog(catalog);
    m_parts.model->reload();
    m_parts.pane->setCatalogModel(m_parts.model);
}

void LibraryController::offerRebuild()
{
    if (m_catalog || m_parts.catalogPath.isEmpty())
        return;
    if (m_interactive) {
        const auto answer = showPlainMessage(
            m_parts.window, QMessageBox::Question, tr("Rebuild the library index"),
            tr("The library index %1 cannot be read:\n\n%2\n\nDelete it and start a new, empty one? Add your "
               "volumes again afterwards (File › Add to Library). Your annotations are in their own database "
               "and are not touched.")
                .arg(m_parts.catalogPath, m_parts.catalogProblem),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    if (Result<void> discarded = Catalog::discard(m_parts.catalogPath); !discarded) {
        report(tr("The library index could not be deleted: %1").arg(discarded.error().toString()));
        return;
    }
    Result<std::unique_ptr<Catalog>> opened = Catalog::open(m_parts.catalogPath, DatabaseAccess::Write);
    if (!opened) {
        m_progress->showUnavailable(opened.error().toString());
        return;
    }
    m_rebuilt = std::move(opened).value();
    useCatalog(m_rebuilt.get());
    m_progress->hide();
    m_parts.statusBar->showMessage(tr("A new, empty library index was made: add your volumes to it."), kStatusMessageMs);
}

} // namespace marginalia

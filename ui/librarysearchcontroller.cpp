#include "librarysearchcontroller.h"

#include "catalogfilterbar.h"
#include "citedbypane.h"
#include "documentview.h"
#include "findbar.h"
#include "footnotepane.h"
#include "highlight.h"
#include "searchpane.h"
#include "volumeopener.h"

#include "annotation/annotationservice.h"
#include "catalog/catalog.h"
#include "catalog/catalogpersonsjob.h"
#include "catalog/catalogsearchjob.h"
#include "library/openlibrary.h"
#include "model/readingtext.h"
#include "model/richtext.h"
#include "models/catalogresultsmodel.h"
#include "models/citedbymodel.h"
#include "navigation/navigator.h"
#include "search/queryhits.h"

#include <QTimer>

#include <utility>

namespace marginalia {

LibrarySearchController::LibrarySearchController(const Parts &parts, CatalogResultsModel *results,
                                                 CitedByModel *citedBy, QObject *parent)
    : QObject(parent), m_parts(parts), m_results(results), m_citedBy(citedBy),
      m_job(new CatalogSearchJob(parts.catalogPath, this)), m_persons(new CatalogPersonsJob(parts.catalogPath, this))
{
    m_parts.search->setLibrary(results);
    connect(m_parts.search, &SearchPane::libraryQueryRequested, this, &LibrarySearchController::search);
    if (m_parts.annotations) {
        connect(m_parts.annotations, &AnnotationService::tagsChanged, this, &LibrarySearchController::refreshTags);
        refreshTags();
    }
    connect(m_job, &CatalogSearchJob::resultsReady, results,
            [this](const CatalogQuery &query, const CatalogSearchResults &found) {
                if (!m_refused)
                    m_results->setResults(query, found);
            });
    connect(m_job, &CatalogSearchJob::totalCounted, results, [this](const CatalogQuery &query, int total) {
        if (!m_refused)
            m_results->setTotal(query, total);
    });
    // A refused query says why in plain words; the position in the query means nothing to a reader.
    connect(m_job, &CatalogSearchJob::failed, results, [this](const CatalogQuery &query, const Error &error) {
        if (!m_refused)
            m_results->setError(query, error.message);
    });
    connect(m_persons, &CatalogPersonsJob::personsReady, m_parts.search->filterBar(), &CatalogFilterBar::setPersons);
    connect(m_persons, &CatalogPersonsJob::failed, m_parts.search->filterBar(),
            [this](const Error &error) { m_parts.search->filterBar()->setPersonsUnreadable(error.toString()); });
    connect(m_parts.findBar, &FindBar::hitsCleared, m_parts.view, [this] {
        m_parts.view->setSearchHits({});
        m_parts.notes->setSearchHits({});
    });
    refreshVolumes();
}

// The annotations filter becomes the documents the annotation database names. A person the glossaries
// do not know is said so rather than searched for: the index would answer with an empty list.
void LibrarySearchController::search(CatalogQuery query)
{
    const CatalogFilterBar *filters = m_parts.search->filterBar();
    m_refused = false;
    if (const QString problem = filters->personProblem(); !problem.isEmpty()) {
        m_refused = true;
        m_results->setError(query, problem);
        return;
    }
    const CatalogFilterBar::AnnotationChoice choice = filters->annotationChoice();
    if (choice.annotatedOnly)
        query.documents = m_parts.annotations ? m_parts.annotations->annotatedDocuments(choice.tag) : QStringList();
    m_job->search(query);
}

void LibrarySearchController::refreshTags()
{
    QStringList names;
    for (const Tag &tag : m_parts.annotations->tags())
        names << tag.name;
    m_parts.search->filterBar()->setTags(names);
}

void LibrarySearchController::refreshVolumes()
{
    Result<std::vector<CatalogVolumeInfo>> volumes = m_parts.catalog->volumes();
    if (!volumes) {
        m_parts.citedBy->setProblem(volumes.error().toString());
        return;
    }
    QHash<QString, QString> titles;
    for (const CatalogVolumeInfo &v : *volumes)
        titles.insert(v.id, v.title);
    m_results->setVolumeTitles(titles);
    m_parts.search->setLibraryVolumes(*volumes);
    m_persons->load();
}

void LibrarySearchController::highlightWhenShown(const QString &volumeId, const QString &documentId, const QString &query)
{
    m_pendingVolume = volumeId;
    m_pendingDocument = documentId;
    m_pendingQuery = query;
    // Already on screen, it may not be shown anew: the hits go on once the request is carried out
    // (opening it again scrolls to its top, which would hide the first hit).
    if (volumeId == m_shownVolume && documentId == m_shownDocument) {
        QTimer::singleShot(0, this, [this, volumeId, documentId] {
            if (m_pendingVolume != volumeId || m_pendingDocument != documentId)
                return; // shown meanwhile, or another request came
            const ReaderPosition now = m_parts.navigator->current();
            documentShown(now.volume, now.document);
        });
    }
}

void LibrarySearchController::openDocument(const QString &volumeId, const QString &documentId)
{
    const Library &library = m_parts.library->library();
    if (const int v = library.indexOfVolume(volumeId); v >= 0) {
        if (const int d = library.volume(v).documentIndex(documentId); d >= 0) {
            m_parts.navigator->openDocument(v, d);
            return;
        }
    }
    if (Result<QString> path = m_parts.catalog->volumePath(volumeId); path && !path->isEmpty())
        m_parts.opener->open({*path}, documentId);
}

void LibrarySearchController::documentShown(int volume, int document)
{
    const Library &library = m_parts.library->library();
    if (volume < 0 || volume >= library.size() || document < 0
        || std::size_t(document) >= library.volume(volume).documents.size())
        return;
    const QString volumeId = library.volumeIdOf(volume);
    const QString documentId = library.volume(volume).documents[std::size_t(document)].id;
    if (volumeId == m_pendingVolume && documentId == m_pendingDocument) {
        const QString query = std::exchange(m_pendingQuery, QString());
        m_pendingVolume.clear();
        m_pendingDocument.clear();
        showHits(volume, document, query);
    } else if (volumeId != m_shownVolume || documentId != m_shownDocument) {
        m_parts.findBar->clearHits(); // the hits were of the document before
    }
    if (volumeId != m_shownVolume || documentId != m_shownDocument)
        showCitations(volumeId, documentId);
    m_shownVolume = volumeId;
    m_shownDocument = documentId;
}

void LibrarySearchController::showHits(int volume, int document, const QString &query)
{
    if (query.trimmed().isEmpty()) {
        m_parts.findBar->clearHits();
        return;
    }
    const Document &doc = m_parts.library->library().volume(volume).documents[std::size_t(document)];
    m_parts.view->setSearchHits(libraryQueryHits(query, ReadingText(doc.body).text()));
    // The index searched the notes too: their hits are painted in the notes pane, the first one shown.
    QList<Highlight> noteHits;
    for (std::size_t f = 0; f < doc.footnotes.size(); ++f) {
        for (const auto &[start, end] : libraryQueryHits(query, plainText(doc.footnotes[f].content)))
            noteHits.append({start, end, searchHitColor(), int(f), {}});
    }
    m_parts.notes->setSearchHits(noteHits);
    const QList<std::pair<int, int>> inText = m_parts.view->searchHitPositions();
    if (inText.isEmpty() && !noteHits.isEmpty())
        m_parts.notes->selectRange(noteHits.front().footnote, noteHits.front().start, noteHits.front().end);
    m_parts.findBar->showHits(query, inText,
                              noteHits.isEmpty() ? QString() : tr("Only in the notes (%1)").arg(noteHits.size()));
}

// One indexed lookup (references by target): 75 µs on the test library (BM_LibraryPaneCitedBy), far
// below a frame, so it runs here rather than as a job.
void LibrarySearchController::showCitations(const QString &volumeId, const QString &documentId)
{
    Result<std::vector<CitingDocument>> citing = m_parts.catalog->citedBy(volumeId, documentId);
    if (!citing) {
        m_citedBy->clear();
        m_parts.citedBy->setProblem(citing.error().toString());
        return;
    }
    m_parts.citedBy->setProblem({});
    m_citedBy->setCitations(volumeId, documentId, *citing);
}

} // namespace marginalia

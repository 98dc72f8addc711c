#include "librarysearchjob.h"

#include "annotation/annotationservice.h"
#include "jobs/backgroundjob.h"
#include "library/openlibrary.h"

namespace marginalia {

LibrarySearchJob::LibrarySearchJob(const OpenLibrary *library, const AnnotationService *annotations, QObject *parent)
    : QObject(parent), m_library(library), m_annotations(annotations), m_job(new BackgroundJob(this))
{
    connect(library, &OpenLibrary::volumeReplaced, this, [this] {
        if (m_job->isRunning())
            search(m_query, m_options);
    });
}

LibrarySearchJob::~LibrarySearchJob() = default;

bool LibrarySearchJob::isRunning() const
{
    return m_job->isRunning();
}

void LibrarySearchJob::search(const QString &query, const SearchOptions &options)
{
    m_query = query;
    m_options = options;
    LibrarySearchResults results{query, {}, {}};
    // A failing annotation search is announced by the service (readFailed), not taken for "no match".
    if (m_annotations && !query.trimmed().isEmpty()) {
        for (StoreSearchHit &h : m_annotations->search(query)) {
            if (h.kind == StoreSearchHit::AnnotationHit)
                results.annotationHits.push_back(std::move(h));
        }
    }
    m_job->start(
        [library = m_library->library(), results = std::move(results), options](JobControl &control) mutable
        -> Result<LibrarySearchResults> {
            if (!results.query.trimmed().isEmpty())
                results.hits = searchLibrary(library, results.query, options, [&] { return control.isCancelled(); });
            return results;
        },
        [this](Result<LibrarySearchResults> found) {
            if (found)
                Q_EMIT resultsReady(*found);
        });
}

} // namespace marginalia

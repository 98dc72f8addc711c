#include "librarysearchjob.h"

#include "annotation/annotationservice.h"
#include "jobs/backgroundjob.h"
#include "library/openlibrary.h"

namespace marginalia {

LibrarySearchJob::LibrarySearchJob(const OpenLibrary *library, const AnnotationService *annotations, QObject *parent)
    : QObject(parent), m_library(library), m_annotations(annotations), m_job(new BackgroundJob(this))
{
    // The results on show must be of the library as it is now: a volume opened or reopened is searched
    // again with the query the user last gave, whether or not that search is still running.
    const auto searchAgain = [this] {
        if (!m_query.trimmed().isEmpty())
            search(m_query, m_options);
    };
    connect(library, &OpenLibrary::volumeReplaced, this, searchAgain);
    connect(library, &OpenLibrary::volumeAdded, this, searchAgain);
    connect(library, &OpenLibrary::volumeRemoved, this, searchAgain); // a run under way has the old indexes
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
    LibrarySearchResults results{query, {}, {}, 0};
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
                results.hits = searchLibrary(library, results.query, options, [&] { return control.isCancelled(); },
                                             &results.totalHits);
            return results;
        },
        [this](Result<LibrarySearchResults> found) {
            if (found)
                Q_EMIT resultsReady(*found);
        });
}

} // namespace marginalia

#pragma once

#include "search/librarysearch.h"
#include "store/annotationstore.h"

#include <QObject>

#include <vector>

namespace marginalia {

class AnnotationService;
class BackgroundJob;
class OpenLibrary;

// What one library search found: the annotations whose note, quote or tags match, and the passages.
struct LibrarySearchResults {
    QString query;
    std::vector<StoreSearchHit> annotationHits; // AnnotationHit rows only, best first
    std::vector<SearchHit> hits;                // in library order, at most SearchOptions::maxHits
    int totalHits = 0;                          // all the passages that match: more than hits.size() when cut
};

// Runs the window's library search as a BackgroundJob: the passages are searched on a worker thread in
// a copy of the library (volumes are shared and immutable), the annotations on the owner's thread (the
// database connection belongs to it). A new query supersedes the running one, so resultsReady() only
// ever carries the newest query's results; replacing an open volume while a search runs searches
// again, so no hit points into a volume that has changed.
class LibrarySearchJob : public QObject {
    Q_OBJECT

public:
    LibrarySearchJob(const OpenLibrary *library, const AnnotationService *annotations, QObject *parent = nullptr);
    ~LibrarySearchJob() override;

    bool isRunning() const;

public Q_SLOTS:
    void search(const QString &query, const marginalia::SearchOptions &options);

Q_SIGNALS:
    void resultsReady(const marginalia::LibrarySearchResults &results);

private:
    const OpenLibrary *m_library;
    const AnnotationService *m_annotations;
    BackgroundJob *m_job;
    QString m_query;
    SearchOptions m_options;
};

} // namespace marginalia

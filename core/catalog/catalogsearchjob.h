#pragma once

#include "store/catalogrecords.h"
#include "util/result.h"

#include <QMetaType>
#include <QObject>
#include <QString>

namespace marginalia {

class BackgroundJob;

// The window's search of the library index, off the UI thread (a BackgroundJob). Each run opens its own
// read connection to the index at `catalogPath` on the worker thread, because a connection belongs to the
// thread that opened it. Opening costs about 3 ms beside a search of 12 ms (200 results with snippets on
// the test volumes, tests/bench/librarypane_bench.cpp), unnoticed at the pace of a user's queries; a
// connection kept per pool thread would save it, but would go on reading a deleted index after the library
// was rebuilt, and would be closed at the thread's exit, after the application. A newer search
// supersedes the running one, so resultsReady() and failed() only ever carry the newest query's answer;
// both arrive on the owner's thread. An empty query answers at once with no results.
// The first page comes first: a query with more matches than the ranking reads (a common word over the
// series) is answered with its total estimated (CatalogSearchResults::totalExact false), and then counted
// by a second run, whose total arrives as totalCounted() unless a newer query came in the meantime.
class CatalogSearchJob : public QObject {
    Q_OBJECT

public:
    explicit CatalogSearchJob(const QString &catalogPath, QObject *parent = nullptr);
    ~CatalogSearchJob() override;

    const QString &catalogPath() const { return m_path; }
    bool isRunning() const;

public Q_SLOTS:
    void search(const marginalia::CatalogQuery &query);

Q_SIGNALS:
    void resultsReady(const marginalia::CatalogQuery &query, const marginalia::CatalogSearchResults &results);
    void totalCounted(const marginalia::CatalogQuery &query, int total);
    // A query the syntax does not allow ("unbalanced quote"), or an index that cannot be read.
    void failed(const marginalia::CatalogQuery &query, const marginalia::Error &error);

private:
    void count(const CatalogQuery &query, int serial);

    QString m_path;
    BackgroundJob *m_job;   // a child: deleting this job detaches the work
    BackgroundJob *m_count; // the total of the last query, when its first page only estimated it
    int m_serial = 0;       // of the newest query: an older count is dropped
};

} // namespace marginalia

Q_DECLARE_METATYPE(marginalia::CatalogQuery)
Q_DECLARE_METATYPE(marginalia::CatalogSearchResults)

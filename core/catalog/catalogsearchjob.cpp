#include "catalogsearchjob.h"

#include "catalog/catalog.h"
#include "jobs/backgroundjob.h"

namespace marginalia {

CatalogSearchJob::CatalogSearchJob(const QString &catalogPath, QObject *parent)
    : QObject(parent), m_path(catalogPath), m_job(new BackgroundJob(this)), m_count(new BackgroundJob(this))
{
    qRegisterMetaType<marginalia::CatalogQuery>();
    qRegisterMetaType<marginalia::CatalogSearchResults>();
    qRegisterMetaType<marginalia::Error>();
}

CatalogSearchJob::~CatalogSearchJob() = default;

bool CatalogSearchJob::isRunning() const
{
    return m_job->isRunning() || m_count->isRunning();
}

void CatalogSearchJob::search(const CatalogQuery &query)
{
    const int serial = ++m_serial;
    m_count->cancel();
    m_job->start(
        [path = m_path, query](JobControl &control) -> Result<CatalogSearchResults> {
            if (query.text.trimmed().isEmpty())
                return CatalogSearchResults{};
            Result<std::unique_ptr<Catalog>> catalog = Catalog::open(path, DatabaseAccess::Read);
            if (!catalog)
                return fail(catalog.error());
            if (control.isCancelled()) // superseded while the index was opened: nothing will be shown
                return fail(path, 0, 0, QString());
            CatalogQuery firstPage = query;
            firstPage.exactTotal = false;
            return (*catalog)->search(firstPage);
        },
        [this, query, serial](Result<CatalogSearchResults> found) {
            if (!found) {
                Q_EMIT failed(query, found.error());
                return;
            }
            Q_EMIT resultsReady(query, *found);
            if (!found->totalExact)
                count(query, serial);
        });
}

void CatalogSearchJob::count(const CatalogQuery &query, int serial)
{
    m_count->start(
        [path = m_path, query](JobControl &control) -> Result<int> {
            Result<std::unique_ptr<Catalog>> catalog = Catalog::open(path, DatabaseAccess::Read);
            if (!catalog)
                return fail(catalog.error());
            if (control.isCancelled())
                return fail(path, 0, 0, QString());
            return (*catalog)->count(query);
        },
        [this, query, serial](Result<int> total) {
            // A count that failed leaves the estimate standing: the results shown are right either way.
            if (total && serial == m_serial)
                Q_EMIT totalCounted(query, *total);
        });
}

} // namespace marginalia

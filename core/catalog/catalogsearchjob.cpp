#include "catalogsearchjob.h"

#include "catalog/catalog.h"
#include "jobs/backgroundjob.h"

namespace marginalia {

CatalogSearchJob::CatalogSearchJob(const QString &catalogPath, QObject *parent)
    : QObject(parent), m_path(catalogPath), m_job(new BackgroundJob(this))
{
    qRegisterMetaType<marginalia::CatalogQuery>();
    qRegisterMetaType<marginalia::CatalogSearchResults>();
    qRegisterMetaType<marginalia::Error>();
}

CatalogSearchJob::~CatalogSearchJob() = default;

bool CatalogSearchJob::isRunning() const
{
    return m_job->isRunning();
}

void CatalogSearchJob::search(const CatalogQuery &query)
{
    m_job->start(
        [path = m_path, query](JobControl &control) -> Result<CatalogSearchResults> {
            if (query.text.trimmed().isEmpty())
                return CatalogSearchResults{};
            Result<std::unique_ptr<Catalog>> catalog = Catalog::open(path, DatabaseAccess::Read);
            if (!catalog)
                return fail(catalog.error());
            if (control.isCancelled()) // superseded while the index was opened: nothing will be shown
                return fail(path, 0, 0, QString());
            return (*catalog)->search(query);
        },
        [this, query](Result<CatalogSearchResults> found) {
            if (found)
                Q_EMIT resultsReady(query, *found);
            else
                Q_EMIT failed(query, found.error());
        });
}

} // namespace marginalia

#include "catalogpersonsjob.h"

#include "catalog/catalog.h"
#include "jobs/backgroundjob.h"

namespace marginalia {

CatalogPersonsJob::CatalogPersonsJob(const QString &catalogPath, QObject *parent)
    : QObject(parent), m_path(catalogPath), m_job(new BackgroundJob(this))
{
    qRegisterMetaType<std::vector<marginalia::CatalogPerson>>();
    qRegisterMetaType<marginalia::Error>();
}

CatalogPersonsJob::~CatalogPersonsJob() = default;

bool CatalogPersonsJob::isRunning() const
{
    return m_job->isRunning();
}

void CatalogPersonsJob::load()
{
    m_job->start(
        [path = m_path](JobControl &) -> Result<std::vector<CatalogPerson>> {
            Result<std::unique_ptr<Catalog>> catalog = Catalog::open(path, DatabaseAccess::Read);
            if (!catalog)
                return fail(catalog.error());
            return (*catalog)->allPersons();
        },
        [this](Result<std::vector<CatalogPerson>> persons) {
            if (persons)
                Q_EMIT personsReady(*persons);
            else
                Q_EMIT failed(persons.error());
        });
}

} // namespace marginalia

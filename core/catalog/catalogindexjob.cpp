#include "catalogindexjob.h"

#include "jobs/backgroundjob.h"

#include <QMutex>

namespace marginalia {

// The latest progress, written by the work and read on the owner's thread when BackgroundJob delivers
// the report it made: JobControl carries a fraction, the owner wants the whole IndexProgress.
struct CatalogIndexJob::Shared {
    QMutex mutex;
    IndexProgress latest;
};

CatalogIndexJob::CatalogIndexJob(QObject *parent)
    : QObject(parent), m_job(new BackgroundJob(this)), m_shared(std::make_shared<Shared>())
{
    qRegisterMetaType<marginalia::IndexProgress>();
    qRegisterMetaType<marginalia::IndexReport>();
    qRegisterMetaType<marginalia::Error>();
    connect(m_job, &BackgroundJob::progress, this, [this] {
        IndexProgress latest;
        {
            QMutexLocker lock(&m_shared->mutex);
            latest = m_shared->latest;
        }
        Q_EMIT progress(latest);
    });
    connect(m_job, &BackgroundJob::cancelled, this, [this] {
        IndexReport report;
        report.cancelled = true;
        Q_EMIT finished(report);
    });
}

CatalogIndexJob::~CatalogIndexJob() = default;

void CatalogIndexJob::start(const QString &catalogPath, const IndexOptions &options)
{
    m_shared = std::make_shared<Shared>(); // a run superseded keeps writing to its own
    IndexOptions runOptions = options;
    // A run superseded stops at its next check, but holds the index's lock until then.
    if (m_job->isRunning())
        runOptions.lockWaitMs = std::max(runOptions.lockWaitMs, 10000);
    m_job->start(
        [catalogPath, options = runOptions, shared = m_shared](JobControl &control) -> Result<IndexReport> {
            return indexCatalog(catalogPath, options, [&](const IndexProgress &p) {
                if (control.isCancelled())
                    return false;
                {
                    QMutexLocker lock(&shared->mutex);
                    shared->latest = p;
                }
                const double fraction = p.bytesTotal > 0 ? double(p.bytesDone) / double(p.bytesTotal) : 0.0;
                control.reportProgress(fraction, p.currentFile);
                return true;
            });
        },
        [this](Result<IndexReport> report) {
            if (report)
                Q_EMIT finished(*report);
            else
                Q_EMIT failed(report.error());
        });
}

void CatalogIndexJob::cancel()
{
    m_job->cancel();
}

bool CatalogIndexJob::isRunning() const
{
    return m_job->isRunning();
}

} // namespace marginalia

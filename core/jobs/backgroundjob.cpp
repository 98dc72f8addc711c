#include "backgroundjob.h"

#include <QThreadPool>

namespace marginalia {

void JobControl::reportProgress(double fraction, const QString &message) const
{
    // Progress of a run the job no longer waits for is dropped on arrival (deliverProgress).
    // The run is held, not pointed at, so a newer run can never be mistaken for it at the same address.
    std::shared_ptr<detail::JobRun> run = m_run;
    QObject *receiver = nullptr;
    {
        QMutexLocker lock(&m_run->mutex);
        receiver = m_run->receiver;
    }
    auto *job = static_cast<BackgroundJob *>(receiver);
    m_run->post([job, run, fraction, message] { job->deliverProgress(run.get(), fraction, message); });
}

BackgroundJob::BackgroundJob(QObject *parent) : QObject(parent)
{
}

BackgroundJob::~BackgroundJob()
{
    // Detached, not awaited: the GUI must not freeze until a long parse notices the flag.
    if (m_run) {
        m_run->cancelled = true;
        m_run->detach();
    }
}

QString BackgroundJob::crashedMessage()
{
    return tr("the background task stopped unexpectedly: %1");
}

std::shared_ptr<detail::JobRun> BackgroundJob::begin()
{
    if (m_run) {
        m_run->cancelled = true;
        m_run->detach();
    }
    m_run = std::make_shared<detail::JobRun>();
    m_run->receiver = this;
    return m_run;
}

void BackgroundJob::launch(std::function<void()> task)
{
    QThreadPool::globalInstance()->start(std::move(task));
}

void BackgroundJob::cancel()
{
    if (m_run)
        m_run->cancelled = true;
}

void BackgroundJob::deliverProgress(const detail::JobRun *run, double fraction, const QString &message)
{
    if (m_run.get() == run && !run->cancelled.load())
        Q_EMIT progress(fraction, message);
}

bool BackgroundJob::end(const detail::JobRun *run)
{
    if (m_run.get() != run)
        return false;
    m_run.reset();
    return true;
}

} // namespace marginalia

#include "volumeloadjob.h"

#include "parse/teiparser.h"
#include "parse/volumeloader.h"

#include <QPointer>
#include <QThreadPool>

#include <algorithm>

namespace marginalia {

namespace {

// Per mille between two progress reports: enough for a smooth bar, few enough events to cost nothing.
constexpr int ProgressStep = 5;

using Cancelled = std::shared_ptr<std::atomic_bool>;

// Runs on a pool thread. It never touches the job: every report is posted to `relay`, which lives in
// the job's thread and stays alive until it has handled the last report, and reaches the job there
// through a QPointer that is only read on the job's thread.
void runLoad(QObject *relay, const QPointer<VolumeLoadJob> &job, const QString &path, const Cancelled &cancelled)
{
    int reported = 0;
    const auto report = [&](int perMille) {
        reported = perMille;
        QMetaObject::invokeMethod(relay, [job, perMille] {
            if (job)
                Q_EMIT job->progress(perMille);
        }, Qt::QueuedConnection);
    };
    const auto onProgress = [&](qint64 done, qint64 total) {
        if (cancelled->load())
            return false;
        const int perMille = total > 0 ? int(std::clamp<qint64>(done * 1000 / total, 0, 1000)) : 0;
        if (perMille >= reported + ProgressStep)
            report(perMille);
        return true;
    };

    std::shared_ptr<const Volume> volume;
    Error error{path, 0, 0, TeiParser::cancelledMessage()};
    if (!cancelled->load()) {
        Result<Volume> result = loadVolume(path, onProgress);
        if (result)
            volume = std::make_shared<const Volume>(std::move(result).value());
        else
            error = result.error();
    }
    if (volume && reported < 1000)
        report(1000);

    QMetaObject::invokeMethod(relay, [relay, job, path, cancelled, volume, error] {
        // A cancel that arrives while the result is on its way still wins: the user asked for nothing.
        if (job && volume && !cancelled->load())
            Q_EMIT job->loaded(volume);
        else if (job)
            Q_EMIT job->failed(volume ? Error{path, 0, 0, TeiParser::cancelledMessage()} : error);
        relay->deleteLater();
    }, Qt::QueuedConnection);
}

} // namespace

VolumeLoadJob::VolumeLoadJob(QString path, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_cancelled(std::make_shared<std::atomic_bool>(false))
{
    // Queued connections to loaded()/failed() need the argument types known by name.
    qRegisterMetaType<std::shared_ptr<const marginalia::Volume>>();
    qRegisterMetaType<marginalia::Error>();
}

VolumeLoadJob::~VolumeLoadJob()
{
    cancel();
}

void VolumeLoadJob::start()
{
    // Not a child of the job: it must outlive a job deleted mid-load until the worker's last report.
    auto *relay = new QObject;
    relay->moveToThread(thread());
    QThreadPool::globalInstance()->start(
        [relay, job = QPointer<VolumeLoadJob>(this), path = m_path, cancelled = m_cancelled] {
            runLoad(relay, job, path, cancelled);
        });
}

void VolumeLoadJob::cancel()
{
    m_cancelled->store(true);
}

} // namespace marginalia

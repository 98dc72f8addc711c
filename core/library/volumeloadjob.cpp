#include "volumeloadjob.h"

#include "copieddocument.h"
#include "jobs/backgroundjob.h"
#include "parse/teiparser.h"
#include "parse/volumeloader.h"

#include <algorithm>

namespace marginalia {

namespace {

// Per mille between two progress reports: enough for a smooth bar, few enough events to cost nothing.
constexpr int ProgressStep = 5;

struct LoadedVolume {
    std::shared_ptr<const Volume> volume;
    std::vector<TextCopyRereading> copies; // open copies read again by it
};

// Runs on the worker thread: reads only its arguments (the open volumes are immutable).
Result<LoadedVolume> loadOnWorker(const QString &path, const std::vector<std::shared_ptr<const Volume>> &open,
                                                   JobControl &control)
{
    int reported = 0;
    const auto report = [&](int perMille) {
        reported = perMille;
        control.reportProgress(perMille / 1000.0);
    };
    const auto onProgress = [&](qint64 done, qint64 total) {
        if (control.isCancelled())
            return false;
        const int perMille = total > 0 ? int(std::clamp<qint64>(done * 1000 / total, 0, 1000)) : 0;
        if (perMille >= reported + ProgressStep)
            report(perMille);
        return true;
    };
    if (control.isCancelled())
        return fail(path, 0, 0, TeiParser::cancelledMessage());
    Result<Volume> result = loadVolume(path, onProgress);
    if (!result)
        return fail(result.error());
    if (reported < 1000)
        report(1000);
    auto volume = std::make_shared<const Volume>(std::move(result).value());
    if (volume->format == SourceFormat::TextCopy)
        return LoadedVolume{readTextCopyByOpenVolumes(std::move(volume), open), {}};
    std::vector<TextCopyRereading> copies = readOpenTextCopiesBy(volume, open);
    return LoadedVolume{std::move(volume), std::move(copies)};
}

} // namespace

VolumeLoadJob::VolumeLoadJob(QString path, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_job(new BackgroundJob(this))
{
    // Queued connections to loaded()/failed() need the argument types known by name.
    qRegisterMetaType<std::shared_ptr<const marginalia::Volume>>();
    qRegisterMetaType<marginalia::Error>();
    connect(m_job, &BackgroundJob::progress, this, [this](double fraction) {
        Q_EMIT progress(qRound(fraction * 1000));
    });
    connect(m_job, &BackgroundJob::cancelled, this, [this] {
        Q_EMIT failed(Error{m_path, 0, 0, TeiParser::cancelledMessage()});
    });
}

VolumeLoadJob::~VolumeLoadJob() = default;

void VolumeLoadJob::start()
{
    m_cancelRequested = false;
    m_job->start([path = m_path, open = m_openVolumes](JobControl &control) { return loadOnWorker(path, open, control); },
                 [this](Result<LoadedVolume> result) {
                     // A cancel that arrives while the volume is on its way still wins: the user asked
                     // for nothing, and loading has no effect to report.
                     if (m_cancelRequested) {
                         Q_EMIT failed(Error{m_path, 0, 0, TeiParser::cancelledMessage()});
                     } else if (result) {
                         if (!result->copies.empty())
                             Q_EMIT copiesReread(result->copies);
                         Q_EMIT loaded(result->volume);
                     } else {
                         Q_EMIT failed(result.error());
                     }
                 });
}

void VolumeLoadJob::cancel()
{
    m_cancelRequested = m_job->isRunning();
    m_job->cancel();
}

} // namespace marginalia

#pragma once

#include "util/result.h"

#include <QMetaObject>
#include <QMutex>
#include <QObject>
#include <QString>

#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

namespace marginalia {

class BackgroundJob;

namespace detail {

// What one run shares between the owner's thread and the worker. The worker reaches the job only
// through `receiver` (the job), read and cleared under `mutex`: a job that is destroyed, or that starts
// a newer run, clears it first, so a worker never posts to a destroyed object, and whatever it posted
// before is removed with the job's pending events (QObject drops them when it dies).
struct JobRun {
    std::atomic_bool cancelled{false};
    QMutex mutex;
    QObject *receiver = nullptr;

    template <typename F>
    void post(F &&call)
    {
        QMutexLocker lock(&mutex);
        if (receiver)
            QMetaObject::invokeMethod(receiver, std::forward<F>(call), Qt::QueuedConnection);
    }
    void detach()
    {
        QMutexLocker lock(&mutex);
        receiver = nullptr;
    }
};

} // namespace detail

// Handed to the work function, on the worker thread. The work checks isCancelled() between its steps
// and stops early when it is set; it reports progress through reportProgress(). It never touches the
// job or any other QObject of the owner: everything it needs is captured by value.
class JobControl {
public:
    explicit JobControl(std::shared_ptr<detail::JobRun> run) : m_run(std::move(run)) {}

    bool isCancelled() const { return m_run->cancelled.load(); }
    // `fraction` in [0, 1]; the message may be empty. Delivered in order, on the owner's thread, as
    // BackgroundJob::progress(). The work decides how often: each report is one queued event.
    void reportProgress(double fraction, const QString &message = {}) const;

private:
    std::shared_ptr<detail::JobRun> m_run;
};

// One pattern for work that must not block the GUI (loading a volume, exporting a PDF, searching the
// library; later the catalog indexer and the team sync): the work runs on a worker thread of the
// global QThreadPool, and everything it hands back arrives on the thread of the job's owner, queued.
//
//   job->start([input](JobControl &control) -> Result<T> { ...steps, each checking control... },
//              [this](Result<T> result) { ...on the owner's thread... });
//
// Every run ends exactly once, on the owner's thread, in one of three ways:
//   - finished or failed: `done` receives the Result<T> the work returned;
//   - cancelled: cancel() was called and the work returned an error (it stopped, or failed on its way
//     out): cancelled() is emitted instead of calling `done`. A work that completed although cancel()
//     came too late still delivers its value, because its effects (a written file, a committed sync)
//     have happened; a job without effects may drop that value itself (VolumeLoadJob does).
// Starting again while a run is under way supersedes it: the old run is told to stop and nothing of it
// (no progress, no result, no cancelled()) is delivered any more — so a new query's results can never
// be overtaken by an older query's. Destroying the job detaches the work rather than waiting for it:
// the work is told to stop, finishes on its own at its next check, and delivers nothing. The work must
// therefore own (by value or shared_ptr) everything it reads, and hold no QObject of the owner's.
// What `work` and `done` capture may be destroyed on either thread, so it must not mind which.
class BackgroundJob : public QObject {
    Q_OBJECT

public:
    explicit BackgroundJob(QObject *parent = nullptr);
    ~BackgroundJob() override;

    template <typename Work, typename Done>
    void start(Work work, Done done);
    // Asks the running work to stop at its next check; no progress is delivered after it, and the end
    // comes as cancelled() (or as the value, if the work had already completed).
    void cancel();
    bool isRunning() const { return m_run != nullptr; }

    // The message of a work that failed by throwing instead of returning an error.
    static QString crashedMessage();

Q_SIGNALS:
    void progress(double fraction, const QString &message);
    void cancelled();

private:
    friend class JobControl;
    std::shared_ptr<detail::JobRun> begin();
    void launch(std::function<void()> task);
    void deliverProgress(const detail::JobRun *run, double fraction, const QString &message);
    // True when `run` is still the current run; it then stops being current (it has ended).
    bool end(const detail::JobRun *run);

    std::shared_ptr<detail::JobRun> m_run;
};

template <typename Work, typename Done>
void BackgroundJob::start(Work work, Done done)
{
    using R = std::invoke_result_t<Work &, JobControl &>;
    std::shared_ptr<detail::JobRun> run = begin();
    // `self` is dereferenced only inside calls posted with the job as their context, so only while it lives.
    launch([self = this, run, work = std::move(work), done = std::move(done)]() mutable {
        JobControl control(run);
        // An exception must not escape a pool thread (it would end the program): it becomes an error.
        std::shared_ptr<R> result;
        try {
            result = std::make_shared<R>(work(control));
        } catch (const std::exception &e) {
            result = std::make_shared<R>(fail({}, 0, 0, crashedMessage().arg(QString::fromLocal8Bit(e.what()))));
        } catch (...) {
            result = std::make_shared<R>(fail({}, 0, 0, crashedMessage().arg(QString())));
        }
        run->post([self, run, result, done = std::move(done)]() mutable {
            if (!self->end(run.get()))
                return;
            if (run->cancelled.load() && !*result)
                Q_EMIT self->cancelled();
            else
                done(std::move(*result));
        });
    });
}

} // namespace marginalia

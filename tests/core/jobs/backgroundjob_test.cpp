#include "jobs/backgroundjob.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

namespace marginalia {
namespace {

// Lets every running work end and delivers what it posted, so a test ends with nothing in flight.
void drainJobs()
{
    ASSERT_TRUE(QThreadPool::globalInstance()->waitForDone(60000));
    QTest::qWait(50);
}

struct Delivered {
    int results = 0;
    QThread *thread = nullptr;
    std::optional<Result<int>> last;
};

auto recordInto(Delivered &delivered)
{
    return [&delivered](Result<int> result) {
        ++delivered.results;
        delivered.thread = QThread::currentThread();
        delivered.last.emplace(std::move(result));
    };
}

TEST(BackgroundJobTest, ProgressArrivesOnTheOwnersThreadInOrderThenTheResult)
{
    BackgroundJob job;
    std::vector<double> fractions;
    QStringList messages;
    std::vector<QThread *> threads;
    QObject::connect(&job, &BackgroundJob::progress, &job, [&](double fraction, const QString &message) {
        fractions.push_back(fraction);
        messages << message;
        threads.push_back(QThread::currentThread());
    });
    std::atomic<QThread *> workThread{nullptr};
    Delivered delivered;
    job.start([&workThread](JobControl &control) -> Result<int> {
        workThread = QThread::currentThread();
        for (int step = 1; step <= 20; ++step)
            control.reportProgress(step / 20.0, QStringLiteral("step %1").arg(step));
        return 42;
    }, recordInto(delivered));
    EXPECT_TRUE(job.isRunning());
    EXPECT_EQ(delivered.results, 0); // start() returns at once
    ASSERT_TRUE(QTest::qWaitFor([&] { return delivered.results > 0; }, 10000));
    drainJobs();

    EXPECT_NE(workThread.load(), QThread::currentThread());
    ASSERT_EQ(fractions.size(), 20u);
    for (std::size_t i = 0; i < fractions.size(); ++i) {
        EXPECT_DOUBLE_EQ(fractions[i], double(i + 1) / 20.0);
        EXPECT_EQ(messages[qsizetype(i)], QStringLiteral("step %1").arg(i + 1));
        EXPECT_EQ(threads[i], QThread::currentThread());
    }
    EXPECT_EQ(delivered.results, 1);
    EXPECT_EQ(delivered.thread, QThread::currentThread());
    ASSERT_TRUE(delivered.last && *delivered.last);
    EXPECT_EQ(**delivered.last, 42);
    EXPECT_FALSE(job.isRunning());
}

TEST(BackgroundJobTest, AFailureArrivesAsTheErrorTheWorkReturned)
{
    BackgroundJob job;
    Delivered delivered;
    job.start([](JobControl &) -> Result<int> { return fail(QStringLiteral("a.xml"), 3, 7, QStringLiteral("broken")); },
              recordInto(delivered));
    ASSERT_TRUE(QTest::qWaitFor([&] { return delivered.results > 0; }, 10000));
    drainJobs();
    EXPECT_EQ(delivered.results, 1);
    ASSERT_TRUE(delivered.last && !*delivered.last);
    EXPECT_EQ(delivered.last->error().toString(), QStringLiteral("a.xml:3:7: broken"));
}

TEST(BackgroundJobTest, AThrowingWorkFailsInsteadOfEndingTheProgram)
{
    BackgroundJob job;
    Delivered delivered;
    job.start([](JobControl &) -> Result<int> { throw std::runtime_error("out of luck"); }, recordInto(delivered));
    ASSERT_TRUE(QTest::qWaitFor([&] { return delivered.results > 0; }, 10000));
    drainJobs();
    ASSERT_TRUE(delivered.last && !*delivered.last);
    EXPECT_TRUE(delivered.last->error().message.contains(QStringLiteral("out of luck")));
}

// The work counts its steps; the owner cancels after the first report. The work stops at the next check
// (long before its last step) and the run ends once, as cancelled, without the result.
TEST(BackgroundJobTest, CancelStopsTheWorkBetweenStepsAndDeliversCancelledOnce)
{
    constexpr int Steps = 100000;
    BackgroundJob job;
    QSignalSpy progress(&job, &BackgroundJob::progress);
    QSignalSpy cancelled(&job, &BackgroundJob::cancelled);
    auto stepsDone = std::make_shared<std::atomic_int>(0);
    Delivered delivered;
    job.start([stepsDone](JobControl &control) -> Result<int> {
        for (int step = 0; step < Steps; ++step) {
            if (control.isCancelled())
                return fail({}, 0, 0, QStringLiteral("stopped"));
            QThread::usleep(100);
            ++*stepsDone;
            if (step == 0)
                control.reportProgress(0.0);
        }
        return Steps;
    }, recordInto(delivered));
    ASSERT_TRUE(progress.wait(10000));
    job.cancel();
    ASSERT_TRUE(cancelled.count() == 1 || cancelled.wait(10000));
    drainJobs();
    EXPECT_EQ(cancelled.count(), 1);
    EXPECT_EQ(delivered.results, 0);
    EXPECT_LT(stepsDone->load(), Steps);
    EXPECT_FALSE(job.isRunning());
}

// The work had finished before it could see the cancel: what it did has happened, so its value arrives.
TEST(BackgroundJobTest, AWorkThatCompletedBeforeTheCancelStillDeliversItsValue)
{
    BackgroundJob job;
    QSignalSpy cancelled(&job, &BackgroundJob::cancelled);
    auto finishedWork = std::make_shared<std::atomic_bool>(false);
    Delivered delivered;
    job.start([finishedWork](JobControl &) -> Result<int> {
        *finishedWork = true;
        return 7;
    }, recordInto(delivered));
    // No event is handled until the cancel: the result is posted but not yet delivered.
    ASSERT_TRUE(QThreadPool::globalInstance()->waitForDone(10000));
    ASSERT_TRUE(finishedWork->load());
    job.cancel(); // its result is already posted, not yet delivered
    drainJobs();
    EXPECT_EQ(cancelled.count(), 0);
    EXPECT_EQ(delivered.results, 1);
    ASSERT_TRUE(delivered.last && *delivered.last);
    EXPECT_EQ(**delivered.last, 7);
}

// Destroying the owner detaches the work: it is told to stop, nothing reaches the dead object, and
// nothing crashes (run under AddressSanitizer too).
TEST(BackgroundJobTest, DestroyingTheOwnerMidRunNeitherCrashesNorDelivers)
{
    QObject survivor;
    int deliveries = 0;
    auto sawCancel = std::make_shared<std::atomic_bool>(false);
    for (int round = 0; round < 2; ++round) {
        auto *owner = new QObject;
        auto *job = new BackgroundJob(owner);
        QObject::connect(job, &BackgroundJob::progress, &survivor, [&] { ++deliveries; });
        QObject::connect(job, &BackgroundJob::cancelled, &survivor, [&] { ++deliveries; });
        QSignalSpy progress(job, &BackgroundJob::progress);
        job->start([sawCancel](JobControl &control) -> Result<int> {
            for (int step = 0; step < 200000; ++step) {
                if (control.isCancelled()) {
                    *sawCancel = true;
                    return fail({}, 0, 0, QStringLiteral("stopped"));
                }
                control.reportProgress(step / 200000.0); // keeps the owner's queue full when it dies
                QThread::usleep(50);
            }
            return 1;
        }, [&deliveries](Result<int>) { ++deliveries; });
        if (round == 1) { // once at once, once while its reports are arriving
            ASSERT_TRUE(progress.wait(10000));
            deliveries = 0;
        }
        delete owner;
    }
    drainJobs();
    EXPECT_EQ(deliveries, 0);
    EXPECT_TRUE(sawCancel->load());
}

// A second start() supersedes the first: the first is told to stop, and neither its progress nor its
// result is delivered even though it ends after the second began.
TEST(BackgroundJobTest, StartingAgainSupersedesTheRunningWork)
{
    BackgroundJob job;
    QSignalSpy cancelled(&job, &BackgroundJob::cancelled);
    auto release = std::make_shared<std::atomic_bool>(false);
    auto firstSawCancel = std::make_shared<std::atomic_bool>(false);
    Delivered delivered;
    job.start([release, firstSawCancel](JobControl &control) -> Result<int> {
        while (!release->load())
            QThread::usleep(100);
        *firstSawCancel = control.isCancelled();
        control.reportProgress(0.5);
        return 1;
    }, recordInto(delivered));
    job.start([](JobControl &) -> Result<int> { return 2; }, recordInto(delivered));
    ASSERT_TRUE(QTest::qWaitFor([&] { return delivered.results > 0; }, 10000));
    *release = true;
    drainJobs();
    EXPECT_EQ(delivered.results, 1);
    ASSERT_TRUE(delivered.last && *delivered.last);
    EXPECT_EQ(**delivered.last, 2);
    EXPECT_TRUE(firstSawCancel->load());
    EXPECT_EQ(cancelled.count(), 0);
}

} // namespace
} // namespace marginalia

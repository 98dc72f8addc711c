#include "library/volumeloadjob.h"
#include "parse/teiparser.h"
#include "parse/volumeloader.h"

#include "support/testdata.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

const QString volumeFile = QStringLiteral("frus1934v05.xml");

// Lets every running load finish and delivers what it posted, so a test ends with nothing in flight.
void drainLoads()
{
    ASSERT_TRUE(QThreadPool::globalInstance()->waitForDone(60000));
    QTest::qWait(50);
}

TEST(VolumeLoadJobTest, LoadsAWholeVolumeOffTheCallingThreadWithRisingProgress)
{
    VolumeLoadJob job(test::dataPath(volumeFile));
    QSignalSpy progress(&job, &VolumeLoadJob::progress);
    QSignalSpy loaded(&job, &VolumeLoadJob::loaded);
    QSignalSpy failed(&job, &VolumeLoadJob::failed);
    QThread *deliveredOn = nullptr;
    QObject::connect(&job, &VolumeLoadJob::loaded, &job, [&] { deliveredOn = QThread::currentThread(); });

    job.start();
    EXPECT_EQ(loaded.count(), 0); // start() returns at once; the result comes through the event loop
    ASSERT_TRUE(loaded.wait(60000));
    EXPECT_EQ(failed.count(), 0);
    EXPECT_EQ(deliveredOn, QThread::currentThread());

    const auto volume = loaded.front().front().value<std::shared_ptr<const Volume>>();
    ASSERT_TRUE(volume);
    EXPECT_EQ(volume->documents.size(), 639u);
    EXPECT_EQ(volume->sourcePath, test::dataPath(volumeFile));

    ASSERT_GE(progress.count(), 2);
    int previous = 0;
    for (const QList<QVariant> &args : progress) {
        EXPECT_GT(args.front().toInt(), previous);
        previous = args.front().toInt();
    }
    EXPECT_EQ(previous, 1000);
    drainLoads();
    EXPECT_EQ(loaded.count() + failed.count(), 1);
}

// Issue 11: a text copy opened while its volume is open is read as that volume's document, on the worker.
TEST(VolumeLoadJobTest, Issue11TextCopyIsReadByTheOpenVolumeItRepeats)
{
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("pasted.txt"));
    ASSERT_TRUE(QFile::copy(test::dataPath(QStringLiteral("textcopies/frus1934v05-d122.txt")), copy));
    Result<Volume> tei = loadVolume(test::dataPath(volumeFile));
    ASSERT_TRUE(tei.has_value());
    VolumeLoadJob job(copy);
    job.setOpenVolumes({std::make_shared<const Volume>(std::move(tei).value())});
    QSignalSpy loaded(&job, &VolumeLoadJob::loaded);
    job.start();
    ASSERT_TRUE(loaded.wait(60000));
    const auto volume = loaded.front().front().value<std::shared_ptr<const Volume>>();
    ASSERT_TRUE(volume);
    ASSERT_EQ(volume->documents.size(), 1u);
    EXPECT_EQ(volume->documents[0].id, QStringLiteral("d122"));
    ASSERT_EQ(volume->documents[0].footnotes.size(), 5u);
    EXPECT_EQ(volume->documents[0].footnotes[4].id, QStringLiteral("d122fn5"));
    drainLoads();
}

// Issue 11: the other order. A volume opened after a copy of one of its documents hands back the copy
// read again by that document (before the volume itself), for the library to put in its place.
TEST(VolumeLoadJobTest, Issue11AVolumeOpenedAfterACopyReadsTheCopyAgainByItsDocument)
{
    QTemporaryDir dir;
    const QString copyPath = dir.filePath(QStringLiteral("pasted.txt"));
    ASSERT_TRUE(QFile::copy(test::dataPath(QStringLiteral("textcopies/frus1934v05-d122.txt")), copyPath));
    Result<Volume> alone = loadVolume(copyPath);
    ASSERT_TRUE(alone.has_value());
    const auto copy = std::make_shared<const Volume>(std::move(alone).value());
    ASSERT_TRUE(copy->documents.at(0).id.isEmpty()); // nothing in the copy names its document
    Result<Volume> other = loadVolume(test::dataPath(QStringLiteral("frus1961-63v09-d317.txt")));
    ASSERT_TRUE(other.has_value());
    const auto otherCopy = std::make_shared<const Volume>(std::move(other).value());

    VolumeLoadJob job(test::dataPath(volumeFile));
    job.setOpenVolumes({otherCopy, copy});
    std::vector<TextCopyRereading> reread;
    bool volumeLoaded = false;
    QObject::connect(&job, &VolumeLoadJob::copiesReread, &job, [&](const std::vector<TextCopyRereading> &copies) {
        EXPECT_FALSE(volumeLoaded);
        reread = copies;
    });
    QObject::connect(&job, &VolumeLoadJob::loaded, &job, [&] { volumeLoaded = true; });
    QSignalSpy loaded(&job, &VolumeLoadJob::loaded);
    job.start();
    ASSERT_TRUE(loaded.wait(60000));
    ASSERT_EQ(reread.size(), 1u); // the letter of 1962 is no document of the 1934 volume
    EXPECT_EQ(reread[0].copy, copy);
    ASSERT_TRUE(reread[0].read);
    const Document &doc = reread[0].read->documents.at(0);
    const Document *tei = loaded.front().front().value<std::shared_ptr<const Volume>>()->document(QStringLiteral("d122"));
    ASSERT_NE(tei, nullptr);
    EXPECT_EQ(doc.id, QStringLiteral("d122"));
    ASSERT_EQ(doc.footnotes.size(), tei->footnotes.size());
    for (std::size_t k = 0; k < doc.footnotes.size(); ++k) {
        EXPECT_EQ(doc.footnotes[k].id, tei->footnotes[k].id) << k;
        EXPECT_EQ(doc.footnotes[k].label, tei->footnotes[k].label) << k;
    }
    drainLoads();
}

TEST(VolumeLoadJobTest, MissingFileFailsNamingThePath)
{
    const QString path = test::dataPath(QStringLiteral("no-such-volume.xml"));
    VolumeLoadJob job(path);
    QSignalSpy loaded(&job, &VolumeLoadJob::loaded);
    QSignalSpy failed(&job, &VolumeLoadJob::failed);
    job.start();
    ASSERT_TRUE(failed.wait(10000));
    const auto error = failed.front().front().value<Error>();
    EXPECT_EQ(error.file, path);
    EXPECT_TRUE(error.toString().contains(path));
    EXPECT_FALSE(error.message.isEmpty());
    drainLoads();
    EXPECT_EQ(loaded.count(), 0);
    EXPECT_EQ(failed.count(), 1);
}

TEST(VolumeLoadJobTest, CancelRightAfterStartFailsOnceAsCancelled)
{
    VolumeLoadJob job(test::dataPath(volumeFile));
    QSignalSpy loaded(&job, &VolumeLoadJob::loaded);
    QSignalSpy failed(&job, &VolumeLoadJob::failed);
    job.start();
    job.cancel();
    // Even when the worker finished before it saw the flag, the result is delivered after the cancel
    // and so is dropped: the user asked for nothing.
    ASSERT_TRUE(failed.wait(60000));
    drainLoads();
    EXPECT_EQ(loaded.count(), 0);
    ASSERT_EQ(failed.count(), 1);
    EXPECT_EQ(failed.front().front().value<Error>().message, TeiParser::cancelledMessage());
}

TEST(VolumeLoadJobTest, CancelAfterFirstProgressFailsOnceAsCancelled)
{
    VolumeLoadJob job(test::dataPath(volumeFile));
    QSignalSpy progress(&job, &VolumeLoadJob::progress);
    QSignalSpy loaded(&job, &VolumeLoadJob::loaded);
    QSignalSpy failed(&job, &VolumeLoadJob::failed);
    job.start();
    ASSERT_TRUE(progress.wait(60000));
    job.cancel();
    ASSERT_TRUE(failed.count() == 1 || failed.wait(60000));
    drainLoads();
    EXPECT_EQ(loaded.count(), 0);
    ASSERT_EQ(failed.count(), 1);
    EXPECT_EQ(failed.front().front().value<Error>().message, TeiParser::cancelledMessage());
}

TEST(VolumeLoadJobTest, DeletingTheJobMidLoadDropsTheResultSafely)
{
    QObject receiver;
    int finished = 0;
    for (int round = 0; round < 2; ++round) {
        auto *job = new VolumeLoadJob(test::dataPath(volumeFile));
        QObject::connect(job, &VolumeLoadJob::loaded, &receiver, [&] { ++finished; });
        QObject::connect(job, &VolumeLoadJob::failed, &receiver, [&] { ++finished; });
        job->start();
        if (round == 1) { // once at once, once while it reports progress
            QSignalSpy progress(job, &VolumeLoadJob::progress);
            ASSERT_TRUE(progress.wait(60000));
        }
        delete job;
    }
    drainLoads();
    EXPECT_EQ(finished, 0);
}

TEST(VolumeLoadJobTest, LoadsATextCopyToo)
{
    VolumeLoadJob job(test::dataPath(QStringLiteral("frus1961-63v09-d317.txt")));
    QSignalSpy loaded(&job, &VolumeLoadJob::loaded);
    job.start();
    ASSERT_TRUE(loaded.wait(10000));
    const auto volume = loaded.front().front().value<std::shared_ptr<const Volume>>();
    ASSERT_TRUE(volume);
    ASSERT_EQ(volume->documents.size(), 1u);
    EXPECT_EQ(volume->documents.front().number, QStringLiteral("317"));
    drainLoads();
}

} // namespace
} // namespace marginalia

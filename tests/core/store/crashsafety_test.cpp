// Issue 4, "Must never lose data": writes reported done survive a SIGKILL, and two writer processes on
// one database lose nothing. Real child processes (marginalia_store_writer), real files.
#include "store/annotationstore.h"
#include "store/annotationschema.h"
#include "store/database.h"
#include "store/databasecheck.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <memory>

namespace marginalia {
namespace {

// Collects the complete lines (ids) a writer has printed so far; a half-printed last line is not an id.
class Writer {
public:
    Writer(const QString &database, int count = -1)
    {
        QStringList arguments{database};
        if (count >= 0)
            arguments << QString::number(count);
        m_process.setProgram(QStringLiteral(MARGINALIA_STORE_WRITER));
        m_process.setArguments(arguments);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start();
    }
    ~Writer()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

    QProcess &process() { return m_process; }
    const QStringList &ids() const { return m_ids; }

    void collect()
    {
        m_pending += m_process.readAllStandardOutput();
        qsizetype newline;
        while ((newline = m_pending.indexOf('\n')) >= 0) {
            m_ids << QString::fromLatin1(m_pending.left(newline));
            m_pending.remove(0, newline + 1);
        }
    }

private:
    QProcess m_process;
    QByteArray m_pending;
    QStringList m_ids;
};

void expectAllPresentAndIntact(const QString &path, const QStringList &ids)
{
    auto db = Database::open(annotationSchema(), path);
    ASSERT_TRUE(db) << db.error().toString().toStdString();
    AnnotationStore store(**db);
    int missing = 0;
    for (const QString &id : ids) {
        auto found = store.find(id);
        ASSERT_TRUE(found) << found.error().toString().toStdString();
        if (!found->has_value())
            ++missing;
    }
    EXPECT_EQ(missing, 0) << "of " << ids.size() << " writes reported done";
    auto check = integrityCheck(**db);
    ASSERT_TRUE(check);
    EXPECT_EQ(*check, QStringLiteral("ok"));
    auto tags = store.tags();
    ASSERT_TRUE(tags);
    EXPECT_FALSE(tags->empty());
}

TEST(CrashSafety, EveryWriteReportedDoneSurvivesSigkill)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("marginalia.sqlite"));
    auto *random = QRandomGenerator::global();
    for (int round = 0; round < 3; ++round) {
        Writer writer(path);
        ASSERT_TRUE(writer.process().waitForStarted()) << writer.process().errorString().toStdString();
        const int killAfter = 150 + int(random->bounded(100));
        QElapsedTimer timer;
        timer.start();
        while (writer.ids().size() < killAfter && timer.elapsed() < 60000) {
            if (!writer.process().waitForReadyRead(10000))
                break;
            writer.collect();
        }
        ASSERT_GE(writer.ids().size(), killAfter)
            << "the writer stopped early: " << writer.process().readAllStandardError().toStdString();
        // Somewhere inside the next write, not neatly between two.
        QThread::usleep(random->bounded(2000));
        writer.process().kill();
        ASSERT_TRUE(writer.process().waitForFinished());
        writer.collect();
        SCOPED_TRACE(round);
        expectAllPresentAndIntact(path, writer.ids());
    }
}

TEST(CrashSafety, TwoWritersAtOnceLoseNothing)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shared.sqlite")); // created by the racing writers
    constexpr int Each = 150;
    Writer first(path, Each);
    Writer second(path, Each);
    for (Writer *writer : {&first, &second}) {
        ASSERT_TRUE(writer->process().waitForFinished(120000));
        writer->collect();
        EXPECT_EQ(writer->process().exitCode(), 0) << writer->process().readAllStandardError().toStdString();
        EXPECT_EQ(writer->ids().size(), Each);
    }
    expectAllPresentAndIntact(path, first.ids() + second.ids());
    auto db = Database::open(annotationSchema(), path);
    ASSERT_TRUE(db);
    EXPECT_EQ(AnnotationStore(**db).all()->size(), std::size_t(2 * Each));
}

} // namespace
} // namespace marginalia

#pragma once

// Running the real marginalia-cli from a test, as a user would (MARGINALIA_CLI names the binary).

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <fcntl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <future>

namespace marginalia::test {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;

    QString lastLine() const { return out.trimmed().section(QLatin1Char('\n'), -1); }
};

inline QProcessEnvironment environmentWithout(const QString &name)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(name);
    return env;
}

// Waits for a started marginalia-cli and collects what it printed; a hang or a crash fails the test.
inline CliRun finishCli(QProcess &process)
{
    if (!process.waitForFinished(120000)) {
        ADD_FAILURE() << "marginalia-cli did not finish";
        process.kill();
        process.waitForFinished();
        return {};
    }
    EXPECT_EQ(process.exitStatus(), QProcess::NormalExit) << "marginalia-cli crashed";
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

// What the run printed on standard output, read as JSON: output that is not JSON fails the test.
inline QJsonDocument printedJson(const CliRun &run)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString() << run.out.toStdString();
    return doc;
}

// Runs marginalia-cli to the end; MARGINALIA_DB is not inherited unless `env` sets it.
inline CliRun runCli(const QStringList &arguments,
                     const QProcessEnvironment &env = environmentWithout(QStringLiteral("MARGINALIA_DB")))
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(MARGINALIA_CLI), arguments);
    return finishCli(process);
}

// Creates an empty annotation database at `db` as a user would, with import-annotations of an empty
// collection (reading commands no longer create one).
inline void createDatabase(const QString &db)
{
    const QString empty = db + QStringLiteral(".empty.jsonld");
    {
        QFile file(empty);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(R"({"type": "AnnotationCollection", "items": []})");
    }
    const CliRun r = runCli({QStringLiteral("import-annotations"), empty, QStringLiteral("--db"), db});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QFile::remove(empty);
}

// Reads a FIFO to its end on another thread, as a consumer of an export would.
class FifoReader {
public:
    explicit FifoReader(const QString &fifo)
        : m_fifo(fifo), m_bytes(std::async(std::launch::async, [fifo] {
              QFile in(fifo);
              return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
          }))
    {
    }
    // What was read; when nothing ever opened the FIFO for writing (a failed run), the reader is released
    // with an empty result instead of blocking the test for good.
    QByteArray take()
    {
        const QByteArray name = QFile::encodeName(m_fifo);
        while (m_bytes.wait_for(std::chrono::milliseconds(50)) != std::future_status::ready) {
            if (const int fd = ::open(name.constData(), O_WRONLY | O_NONBLOCK); fd >= 0)
                ::close(fd);
        }
        return m_bytes.get();
    }

private:
    QString m_fifo;
    std::future<QByteArray> m_bytes;
};

} // namespace marginalia::test

#pragma once

// Running the real marginalia-cli from a test, as a user would (MARGINALIA_CLI names the binary).

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <gtest/gtest.h>

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

// Runs marginalia-cli to the end; MARGINALIA_DB is not inherited unless `env` sets it.
inline CliRun runCli(const QStringList &arguments,
                     const QProcessEnvironment &env = environmentWithout(QStringLiteral("MARGINALIA_DB")))
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(MARGINALIA_CLI), arguments);
    return finishCli(process);
}

} // namespace marginalia::test

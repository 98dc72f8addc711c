// The desktop application as a user starts it: the real `marginalia` (MARGINALIA_APP names it) on the
// offscreen platform, with its settings, annotations and library in a temporary folder.
#include "instance/singleinstance.h"
#include "support/testdata.h"

#include <QDir>
#include <QFile>
#include <QLocalServer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace marginalia;
using namespace marginalia::test;

namespace {

class WindowApp : public ::testing::Test {
protected:
    WindowApp()
    {
        QDir dir(m_dir.path());
        dir.mkpath(QStringLiteral("volumes"));
        m_volume = m_dir.filePath(QStringLiteral("volumes/frus1961-63v09-d316-d318.xml"));
        m_nicaragua = m_dir.filePath(QStringLiteral("volumes/frus1894Nicaragua.xml"));
        EXPECT_TRUE(QFile::copy(dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml")), m_volume));
        EXPECT_TRUE(QFile::copy(dataPath(QStringLiteral("frus1894Nicaragua.xml")), m_nicaragua));
    }

    ~WindowApp() override
    {
        for (QProcess *p : m_running) {
            p->terminate();
            if (!p->waitForFinished(10000))
                p->kill();
            p->waitForFinished();
            delete p;
        }
        // A window ended by a signal leaves its socket behind.
        for (const QString &home : {QStringLiteral("home"), QStringLiteral("other")})
            QLocalServer::removeServer(SingleInstance::serverName(database(home)));
    }

    QString database(const QString &home) const { return m_dir.filePath(home + QStringLiteral("/annotations.sqlite")); }

    // Everything the application reads or writes under `home` (a folder of the temporary one).
    QProcessEnvironment environment(const QString &home = QStringLiteral("home")) const
    {
        QDir(m_dir.path()).mkpath(home);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(home + QStringLiteral("/config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(home + QStringLiteral("/data")));
        env.insert(QStringLiteral("MARGINALIA_DB"), database(home));
        env.insert(QStringLiteral("MARGINALIA_LIBRARY"), m_dir.filePath(home + QStringLiteral("/library.sqlite")));
        env.remove(QStringLiteral("MARGINALIA_SINGLE_INSTANCE"));
        return env;
    }

    QString settingsPath(const QString &home = QStringLiteral("home")) const
    {
        return m_dir.filePath(home + QStringLiteral("/config/Marginalia/Marginalia.conf"));
    }

    QVariant setting(const QString &key) const
    {
        return QSettings(settingsPath(), QSettings::IniFormat).value(key);
    }

    QProcess *start(const QStringList &arguments, const QProcessEnvironment &env)
    {
        auto *p = new QProcess;
        p->setProcessEnvironment(env);
        p->start(QStringLiteral(MARGINALIA_APP), arguments);
        EXPECT_TRUE(p->waitForStarted(10000));
        m_running << p;
        return p;
    }

    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };

    Run run(const QStringList &arguments, const QProcessEnvironment &env, const QString &workingDirectory = {})
    {
        QProcess p;
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(workingDirectory);
        p.start(QStringLiteral(MARGINALIA_APP), arguments);
        if (!p.waitForFinished(60000)) {
            ADD_FAILURE() << "marginalia did not finish";
            p.kill();
            p.waitForFinished();
        }
        EXPECT_EQ(p.exitStatus(), QProcess::NormalExit);
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

    QTemporaryDir m_dir;
    QString m_volume;
    QString m_nicaragua;
    QList<QProcess *> m_running;
};

TEST_F(WindowApp, Issue12AMissingSessionFileLeavesTheRestOpenAndTheSessionKept)
{
    const QString missing = m_dir.filePath(QStringLiteral("volumes/moved-away.xml"));
    {
        QDir(m_dir.path()).mkpath(QStringLiteral("home/config/Marginalia"));
        QSettings saved(settingsPath(), QSettings::IniFormat);
        saved.setValue(QStringLiteral("session/files"), QStringList{m_volume, missing});
        saved.setValue(QStringLiteral("session/document"), QStringLiteral("d318"));
    }
    const Run shown = run({QStringLiteral("--quit-after-show")}, environment());
    EXPECT_EQ(shown.exitCode, 0) << shown.err.toStdString();
    // The session's document from the file still there, not the bundled sample's letter.
    EXPECT_TRUE(shown.out.startsWith(QStringLiteral("shown: 318."))) << shown.out.toStdString();
    EXPECT_TRUE(shown.err.contains(missing)) << shown.err.toStdString();
    EXPECT_EQ(setting(QStringLiteral("session/files")).toStringList(), QStringList({m_volume, missing}));
    EXPECT_EQ(setting(QStringLiteral("session/document")).toString().toStdString(), "d318");
}

TEST_F(WindowApp, Issue12ASecondStartHandsItsFileToTheRunningWindowAndEnds)
{
    QProcess *first = start({m_volume, QStringLiteral("--doc"), QStringLiteral("d316")}, environment());
    // Up once it has recorded its document.
    ASSERT_TRUE(QTest::qWaitFor([&] { return setting(QStringLiteral("session/document")).toString() == QStringLiteral("d316"); },
                                60000))
        << first->readAllStandardError().toStdString();

    // A relative name, as typed in a shell in another folder than the first window's.
    const Run second = run({QStringLiteral("frus1894Nicaragua.xml"), QStringLiteral("--doc"), QStringLiteral("d3")},
                           environment(), m_dir.filePath(QStringLiteral("volumes")));
    EXPECT_EQ(second.exitCode, 0) << second.err.toStdString();
    EXPECT_TRUE(second.out.contains(QStringLiteral("handed"))) << second.out.toStdString();

    // The first window opened it and shows its document; it is the one process.
    EXPECT_TRUE(QTest::qWaitFor([&] { return setting(QStringLiteral("session/document")).toString() == QStringLiteral("d3"); },
                                60000));
    EXPECT_EQ(setting(QStringLiteral("session/files")).toStringList(), QStringList({m_nicaragua, m_volume}));
    EXPECT_EQ(first->state(), QProcess::Running);

    // Another annotation database is another instance, and MARGINALIA_SINGLE_INSTANCE=0 starts one alone.
    QProcess *other = start({m_volume}, environment(QStringLiteral("other")));
    QProcessEnvironment alone = environment(QStringLiteral("alone"));
    alone.insert(QStringLiteral("MARGINALIA_DB"), database(QStringLiteral("home")));
    alone.insert(QStringLiteral("MARGINALIA_SINGLE_INSTANCE"), QStringLiteral("0"));
    QProcess *separate = start({m_volume}, alone);
    QTest::qWait(4000);
    EXPECT_EQ(other->state(), QProcess::Running) << other->readAllStandardOutput().toStdString();
    EXPECT_EQ(separate->state(), QProcess::Running) << separate->readAllStandardOutput().toStdString();
    EXPECT_EQ(setting(QStringLiteral("session/document")).toString().toStdString(), "d3"); // untouched by them
}

} // namespace

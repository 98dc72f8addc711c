// Issue 12 (13): one instance per user and annotation database. Two SingleInstance objects in one test,
// the later start's on a thread of its own (its hand-over waits for the answer, which the first gives
// from this thread's event loop).
#include "instance/singleinstance.h"

#include <QCoreApplication>
#include <QDir>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <future>

using namespace marginalia;

namespace {

class SingleInstanceTest : public ::testing::Test {
protected:
    QString database(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
};

TEST_F(SingleInstanceTest, Issue12ALaterStartHandsItsFilesToTheFirstAndIsAnswered)
{
    const QString name = SingleInstance::serverName(database(QStringLiteral("annotations.sqlite")));
    SingleInstance first(name);
    ASSERT_TRUE(first.listen().has_value());
    QSignalSpy received(&first, &SingleInstance::filesReceived);

    const QStringList files{QStringLiteral("/volumes/frus1934v05.xml"), QStringLiteral("/volumes/é and space.xml")};
    std::future<bool> handed = std::async(std::launch::async, [&name, &files] {
        return SingleInstance(name).handOver(files, QStringLiteral("d12"));
    });
    ASSERT_TRUE(received.wait(10000));
    ASSERT_EQ(handed.wait_for(std::chrono::seconds(10)), std::future_status::ready);
    EXPECT_TRUE(handed.get());
    ASSERT_EQ(received.size(), 1);
    EXPECT_EQ(received[0][0].toStringList(), files);
    EXPECT_EQ(received[0][1].toString().toStdString(), "d12");
}

TEST_F(SingleInstanceTest, Issue12AStartWithNoFileOnlyAsksForTheWindow)
{
    const QString name = SingleInstance::serverName(database(QStringLiteral("annotations.sqlite")));
    SingleInstance first(name);
    ASSERT_TRUE(first.listen().has_value());
    QSignalSpy received(&first, &SingleInstance::filesReceived);
    std::future<bool> handed = std::async(std::launch::async, [&name] { return SingleInstance(name).handOver({}, {}); });
    ASSERT_TRUE(received.wait(10000));
    EXPECT_TRUE(handed.get());
    EXPECT_TRUE(received[0][0].toStringList().isEmpty());
}

TEST_F(SingleInstanceTest, Issue12NoOneListeningMeansTheStartOpensItsOwnWindow)
{
    const QString name = SingleInstance::serverName(database(QStringLiteral("nobody.sqlite")));
    EXPECT_FALSE(SingleInstance(name).handOver({QStringLiteral("/a.xml")}, {}, 1000));
}

TEST_F(SingleInstanceTest, Issue12TheNameFollowsTheDatabaseNotItsSpelling)
{
    QDir(m_dir.path()).mkpath(QStringLiteral("sub"));
    const QString plain = SingleInstance::serverName(database(QStringLiteral("a.sqlite")));
    EXPECT_EQ(plain, SingleInstance::serverName(database(QStringLiteral("sub/../a.sqlite"))));
    EXPECT_EQ(plain, SingleInstance::serverName(m_dir.path() + QStringLiteral("//a.sqlite")));
    // Tests (and users) with a database of their own never reach another's window.
    EXPECT_NE(plain, SingleInstance::serverName(database(QStringLiteral("b.sqlite"))));
    EXPECT_NE(plain, SingleInstance::serverName(database(QStringLiteral("sub/a.sqlite"))));
    EXPECT_FALSE(plain.contains(QLatin1Char('/')));
}

TEST_F(SingleInstanceTest, Issue12ARunningInstanceKeepsItsNameAndASecondCannotListen)
{
    const QString name = SingleInstance::serverName(database(QStringLiteral("annotations.sqlite")));
    SingleInstance first(name);
    ASSERT_TRUE(first.listen().has_value());
    // The first still answers, so the second does not take its socket away.
    std::future<Result<bool>> listened = std::async(std::launch::async, [&name] { return SingleInstance(name).listen(); });
    while (listened.wait_for(std::chrono::milliseconds(10)) != std::future_status::ready)
        QCoreApplication::processEvents();
    const Result<bool> result = listened.get();
    ASSERT_FALSE(result.has_value());
    EXPECT_TRUE(result.error().message.contains(name)) << result.error().message.toStdString();
    EXPECT_TRUE(first.isListening());
}

TEST_F(SingleInstanceTest, Issue12WhatIsNoRequestIsDroppedWithoutAFile)
{
    const QString name = SingleInstance::serverName(database(QStringLiteral("annotations.sqlite")));
    SingleInstance first(name);
    ASSERT_TRUE(first.listen().has_value());
    QSignalSpy received(&first, &SingleInstance::filesReceived);
    QLocalSocket socket;
    socket.connectToServer(name);
    ASSERT_TRUE(socket.waitForConnected(5000));
    socket.write("GET / HTTP/1.0\n");
    socket.flush();
    EXPECT_FALSE(received.wait(500));
    EXPECT_TRUE(received.isEmpty());
}

} // namespace

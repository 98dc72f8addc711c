// Issue 8: an export never replaces what is not a plain file, and says why a write failed.

#include "fileio/outputfile.h"

#include "support/smallfilesystem.h"

#include <QFile>
#include <QTemporaryDir>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstring>
#include <future>

namespace marginalia {
namespace {

mode_t fileType(const QString &path)
{
    struct stat st {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_mode & S_IFMT;
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void put(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    ASSERT_EQ(file.write(bytes), bytes.size());
}

class Issue8OutputFile : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

TEST_F(Issue8OutputFile, DevNullStaysACharacterDevice)
{
    const Result<bool> written = writeOutputFile(QStringLiteral("/dev/null"), "some bytes");
    ASSERT_TRUE(written) << written.error().toString().toStdString();
    EXPECT_EQ(fileType(QStringLiteral("/dev/null")), mode_t(S_IFCHR));
}

TEST_F(Issue8OutputFile, DevFullFailsSayingTheDiskIsFull)
{
    const Result<bool> written = writeOutputFile(QStringLiteral("/dev/full"), QByteArray(100000, 'x'));
    ASSERT_FALSE(written);
    EXPECT_EQ(written.error().file, QStringLiteral("/dev/full"));
    EXPECT_TRUE(written.error().message.contains(QStringLiteral("No space left on device")))
        << written.error().toString().toStdString();
    EXPECT_EQ(fileType(QStringLiteral("/dev/full")), mode_t(S_IFCHR));
}

TEST_F(Issue8OutputFile, AFifoGetsTheBytesAndStaysAFifo)
{
    const QString fifo = path(QStringLiteral("pipe"));
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const QByteArray bytes(300000, 'f'); // more than a pipe holds: the reader must really read
    auto reader = std::async(std::launch::async, [&] { return contents(fifo); });
    const Result<bool> written = writeOutputFile(fifo, bytes);
    ASSERT_TRUE(written) << written.error().toString().toStdString();
    EXPECT_EQ(reader.get(), bytes);
    EXPECT_EQ(fileType(fifo), mode_t(S_IFIFO));
}

TEST_F(Issue8OutputFile, ALinkToADeviceWritesTheDeviceAndStaysALink)
{
    const QString link = path(QStringLiteral("null-link"));
    ASSERT_TRUE(QFile::link(QStringLiteral("/dev/null"), link));
    ASSERT_TRUE(writeOutputFile(link, "bytes"));
    EXPECT_EQ(fileType(link), mode_t(S_IFLNK));
    EXPECT_EQ(fileType(QStringLiteral("/dev/null")), mode_t(S_IFCHR));
}

TEST_F(Issue8OutputFile, ALinkToARegularFileReplacesTheTargetAndStaysALink)
{
    const QString target = path(QStringLiteral("target.json"));
    const QString link = path(QStringLiteral("link.json"));
    put(target, "old");
    ASSERT_TRUE(QFile::link(target, link));
    ASSERT_TRUE(writeOutputFile(link, "new"));
    EXPECT_EQ(fileType(link), mode_t(S_IFLNK));
    EXPECT_EQ(contents(target), QByteArray("new"));
}

TEST_F(Issue8OutputFile, ARegularFileIsReplacedOnlyOnCommit)
{
    const QString file = path(QStringLiteral("export.json"));
    put(file, "old contents");
    {
        OutputFile out(file);
        ASSERT_TRUE(out.open());
        EXPECT_TRUE(out.isAtomic());
        ASSERT_TRUE(out.write("half of the new"));
        EXPECT_EQ(contents(file), QByteArray("old contents"));
    } // abandoned without commit()
    EXPECT_EQ(contents(file), QByteArray("old contents"));
    EXPECT_EQ(QDir(m_dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("export.json")});
    ASSERT_TRUE(writeOutputFile(file, "new contents"));
    EXPECT_EQ(contents(file), QByteArray("new contents"));
}

TEST_F(Issue8OutputFile, AFolderAndASocketAreRefusedWithAMessage)
{
    const Result<bool> folder = writeOutputFile(m_dir.path(), "x");
    ASSERT_FALSE(folder);
    EXPECT_TRUE(folder.error().message.contains(QStringLiteral("folder"))) << folder.error().toString().toStdString();

    const QString socketPath = path(QStringLiteral("sock"));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    ASSERT_GE(fd, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const QByteArray name = QFile::encodeName(socketPath);
    ASSERT_LT(std::size_t(name.size()), sizeof(address.sun_path));
    std::memcpy(address.sun_path, name.constData(), std::size_t(name.size()));
    ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)), 0);
    const Result<bool> socket = writeOutputFile(socketPath, "x");
    ::close(fd);
    ASSERT_FALSE(socket);
    EXPECT_TRUE(socket.error().message.contains(QStringLiteral("socket"))) << socket.error().toString().toStdString();
    EXPECT_EQ(fileType(socketPath), mode_t(S_IFSOCK));
}

TEST_F(Issue8OutputFile, AFullDiskFailsWithTheReasonAndLeavesTheOldFile)
{
    const test::SmallFileSystem disk(256 * 1024);
    if (!disk.available())
        GTEST_SKIP() << "cannot mount a tmpfs: " << disk.whyUnavailable().toStdString();
    const QString file = disk.filePath(QStringLiteral("export.pdf"));
    put(file, "the old export");
    disk.fill();
    const Result<bool> written = writeOutputFile(file, QByteArray(64 * 1024, 'n'));
    ASSERT_FALSE(written);
    EXPECT_EQ(written.error().file, file);
    EXPECT_TRUE(written.error().message.contains(QStringLiteral("No space left on device")))
        << written.error().toString().toStdString();
    EXPECT_EQ(contents(file), QByteArray("the old export"));
}

} // namespace
} // namespace marginalia

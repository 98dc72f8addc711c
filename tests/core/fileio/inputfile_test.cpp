// Issue 8: special files as FILE are refused before they are opened, with the file's name.

#include "fileio/inputfile.h"

#include "parse/volumeloader.h"
#include "support/testdata.h"

#include <QFile>
#include <QTemporaryDir>

#include <sys/stat.h>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

class Issue8InputFile : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

TEST_F(Issue8InputFile, AFifoIsRefusedWithoutBlocking)
{
    const QString fifo = path(QStringLiteral("volume.xml"));
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const Result<QByteArray> read = readInputFile(fifo); // opening it would block: no writer ever comes
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().toString(), fifo + QStringLiteral(": not a regular file (a FIFO)"));
}

TEST_F(Issue8InputFile, DevZeroAndAFolderAreRefusedByName)
{
    const Result<QByteArray> zero = readInputFile(QStringLiteral("/dev/zero"));
    ASSERT_FALSE(zero);
    EXPECT_EQ(zero.error().toString(), QStringLiteral("/dev/zero: not a regular file (a character device)"));
    const Result<QByteArray> folder = readInputFile(m_dir.path());
    ASSERT_FALSE(folder);
    EXPECT_EQ(folder.error().toString(), m_dir.path() + QStringLiteral(": not a regular file (a folder)"));
}

TEST_F(Issue8InputFile, AFileOverTheLimitIsRefusedWithItsSize)
{
    const QString big = path(QStringLiteral("big.txt"));
    QFile file(big);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(3 * 1024 * 1024, 'a'));
    file.close();
    const Result<QByteArray> read = readInputFile(big, 2 * 1024 * 1024);
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().toString(), big + QStringLiteral(": the file is too large (3.0 MB; at most 2.0 MB is read)"));
    const Result<QByteArray> whole = readInputFile(big, 3 * 1024 * 1024);
    ASSERT_TRUE(whole);
    EXPECT_EQ(whole->size(), 3 * 1024 * 1024);
}

TEST_F(Issue8InputFile, ALinkToARealVolumeIsRead)
{
    const QString link = path(QStringLiteral("d317.txt"));
    ASSERT_TRUE(QFile::link(test::dataPath(QStringLiteral("frus1961-63v09-d317.txt")), link));
    const Result<Volume> volume = loadVolume(link);
    ASSERT_TRUE(volume) << volume.error().toString().toStdString();
    EXPECT_EQ(volume->documents.size(), 1u);
}

} // namespace
} // namespace marginalia

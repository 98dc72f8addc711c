// loadVolume picks the importer by content; Issue 8: a TEI file in UTF-16 or UTF-32 is read as TEI.

#include "parse/volumeloader.h"

#include "support/testdata.h"

#include <QFile>
#include <QStringList>
#include <QStringEncoder>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

// What a reader sees of a volume: documents, footnotes (by id), page breaks, references, a title.
struct Counts {
    std::size_t documents = 0;
    std::size_t footnotes = 0;
    std::size_t pageBreaks = 0;
    std::size_t crossReferences = 0;
    QStringList footnoteIds;
    QString lastTitle;
    bool operator==(const Counts &) const = default;
};

Counts countsOf(const Volume &volume)
{
    Counts c;
    c.documents = volume.documents.size();
    for (const Document &d : volume.documents) {
        c.footnotes += d.footnotes.size();
        c.pageBreaks += d.pageBreaks.size();
        c.crossReferences += d.crossReferences.size();
        for (const Footnote &f : d.footnotes)
            c.footnoteIds << f.id;
    }
    if (!volume.documents.empty())
        c.lastTitle = volume.documents.back().title;
    return c;
}

// The UTF-8 file re-encoded, its declaration naming the new encoding as an editor saving it would.
QByteArray reencoded(const QByteArray &utf8, QStringConverter::Encoding encoding, const char *name, bool bom)
{
    QString text = QString::fromUtf8(utf8);
    text.replace(QStringLiteral("encoding=\"UTF-8\""), QStringLiteral("encoding=\"%1\"").arg(QLatin1String(name)));
    QStringEncoder encoder(encoding, bom ? QStringConverter::Flag::WriteBom : QStringConverter::Flag::Default);
    return encoder.encode(text);
}

class Issue8Utf16 : public ::testing::TestWithParam<std::tuple<QStringConverter::Encoding, const char *, bool>> {};

TEST_P(Issue8Utf16, ATeiVolumeReadsAsTheUtf8OneDoes)
{
    const auto [encoding, name, bom] = GetParam();
    const QByteArray utf8 = test::readData(QStringLiteral("frus1961-63v09-d316-d318.xml"));
    const Result<Volume> expected = loadVolume(utf8, QStringLiteral("utf8.xml"));
    ASSERT_TRUE(expected);
    const QByteArray bytes = reencoded(utf8, encoding, name, bom);
    ASSERT_NE(bytes.left(2), utf8.left(2));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("volume.xml"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();
    const Result<Volume> read = loadVolume(path);
    ASSERT_TRUE(read) << read.error().toString().toStdString();
    EXPECT_EQ(read->format, expected->format);
    EXPECT_EQ(countsOf(*read), countsOf(*expected));
    EXPECT_EQ(read->documents.size(), 3u);
    EXPECT_GT(countsOf(*read).footnotes, 0u);
}

INSTANTIATE_TEST_SUITE_P(Encodings, Issue8Utf16,
                         ::testing::Values(std::tuple(QStringConverter::Utf16LE, "UTF-16", true),
                                           std::tuple(QStringConverter::Utf16BE, "UTF-16", true),
                                           std::tuple(QStringConverter::Utf16LE, "UTF-16", false),
                                           std::tuple(QStringConverter::Utf16BE, "UTF-16", false),
                                           std::tuple(QStringConverter::Utf32LE, "UTF-32", true),
                                           std::tuple(QStringConverter::Utf32BE, "UTF-32", false)));

TEST(Issue8Utf16Text, ATextCopyInUtf16ReadsAsTheUtf8One)
{
    const QByteArray utf8 = test::readData(QStringLiteral("frus1961-63v09-d317.txt"));
    QStringEncoder encoder(QStringConverter::Utf16LE, QStringConverter::Flag::WriteBom);
    const QByteArray utf16 = encoder.encode(QString::fromUtf8(utf8));
    const Result<Volume> expected = loadVolume(utf8, QStringLiteral("d317.txt"));
    const Result<Volume> read = loadVolume(utf16, QStringLiteral("d317.txt"));
    ASSERT_TRUE(expected);
    ASSERT_TRUE(read) << read.error().toString().toStdString();
    EXPECT_EQ(read->format, SourceFormat::TextCopy);
    EXPECT_EQ(countsOf(*read), countsOf(*expected));
    EXPECT_GT(countsOf(*read).footnotes, 0u);
}

TEST(Issue8Utf16Text, BrokenUtf16IsRefusedByName)
{
    QByteArray bytes("\xFF\xFE", 2);
    bytes += QByteArray("<\0T\0", 4);
    bytes += QByteArray("\x00\xD8", 2); // a lone high surrogate
    bytes += QByteArray(">\0", 2);
    const Result<Volume> read = loadVolume(bytes, QStringLiteral("broken.xml"));
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().toString(), QStringLiteral("broken.xml: the file starts as UTF-16 but is not valid UTF-16; save it as UTF-8"));
}

} // namespace
} // namespace marginalia

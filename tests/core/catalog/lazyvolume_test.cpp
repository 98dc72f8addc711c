// A volume opened from its outline loads a document when it is opened, keeps it, and hands out
// snapshots that code taking a whole Volume (the Library, documentJson) reads like the whole volume.
#include "catalog/lazyvolume.h"

#include "export/documentjson.h"
#include "library/library.h"
#include "parse/volumeloader.h"

#include "support/testdata.h"
#include "support/volumediff.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <thread>

using namespace marginalia;

namespace {

struct Opened {
    Volume whole;
    std::unique_ptr<LazyVolume> lazy;
};

Opened open(const QString &path)
{
    Opened o;
    Result<Volume> whole = loadVolume(path);
    EXPECT_TRUE(whole.has_value());
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly));
    Result<VolumeOutline> outline = decodeVolumeOutline(encodeVolumeOutline(*whole, file.readAll()), path);
    EXPECT_TRUE(outline.has_value());
    o.whole = std::move(whole).value();
    o.lazy = std::make_unique<LazyVolume>(std::move(outline).value());
    return o;
}

} // namespace

TEST(LazyVolume, OpensADocumentOnceAndKeepsIt)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v.xml"));
    ASSERT_TRUE(QFile::copy(test::dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml")), path));
    Opened o = open(path);
    EXPECT_FALSE(o.lazy->isLoaded(1));
    EXPECT_TRUE(o.lazy->volume()->documents[1].body.empty());
    const auto first = o.lazy->document(1);
    ASSERT_TRUE(first.has_value()) << first.error().toString().toStdString();
    EXPECT_TRUE(o.lazy->isLoaded(1));
    EXPECT_TRUE(test::documentDifferences(o.whole.documents[1], **first).isEmpty());
    // Kept: the file is not read again, so its going away does not matter to an open document.
    ASSERT_TRUE(QFile::remove(path));
    const auto again = o.lazy->document(1);
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(again->get(), first->get());
    EXPECT_FALSE(o.lazy->document(2).has_value());
    EXPECT_FALSE(o.lazy->document(3).has_value());
    EXPECT_FALSE(o.lazy->document(-1).has_value());
}

TEST(LazyVolume, ASnapshotIsTheWholeVolumeForTheDocumentsLoaded)
{
    Opened o = open(test::dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml")));
    const std::shared_ptr<const Volume> before = o.lazy->volume();
    const auto with = o.lazy->volumeWithDocument(1);
    ASSERT_TRUE(with.has_value());
    EXPECT_TRUE(before->documents[1].body.empty()) << "a snapshot handed out changed";
    EXPECT_TRUE(test::documentDifferences(o.whole.documents[1], (*with)->documents[1]).isEmpty());
    EXPECT_TRUE((*with)->documents[0].body.empty());

    // `marginalia-cli show`'s JSON of the document, from the snapshot and from the whole volume.
    Library lazyLibrary;
    lazyLibrary.add(*with);
    Library wholeLibrary;
    wholeLibrary.add(std::make_shared<const Volume>(o.whole));
    EXPECT_EQ(documentJson(lazyLibrary, 0, 1), documentJson(wholeLibrary, 0, 1));
}

TEST(LazyVolume, DocumentsOpenedOnTwoThreadsAtOnceAllLoad)
{
    Opened o = open(test::dataPath(QStringLiteral("frus1894Nicaragua.xml")));
    const int n = o.lazy->documentCount();
    std::atomic<int> failures{0};
    // Both threads open every document, in opposite orders, so that they meet on the same ones.
    auto openAll = [&](bool forward) {
        for (int k = 0; k < n; ++k) {
            if (!o.lazy->document(forward ? k : n - 1 - k))
                ++failures;
        }
    };
    std::thread other(openAll, false);
    openAll(true);
    other.join();
    EXPECT_EQ(failures, 0);
    const QStringList differences = test::volumeDifferences(o.whole, *o.lazy->volume());
    EXPECT_TRUE(differences.isEmpty()) << differences.mid(0, 20).join(QLatin1Char('\n')).toStdString();
}

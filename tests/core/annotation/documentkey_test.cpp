#include "annotation/documentkey.h"

#include "library/library.h"
#include "parse/volumeloader.h"

#include "support/testdata.h"

#include <gtest/gtest.h>

namespace marginalia {
namespace {

const QString teiName = QStringLiteral("frus1961-63v09-d316-d318.xml");
const QString copyName = QStringLiteral("frus1961-63v09-d317.txt");

// Adds the test file `dataName` to `library` as if it had been opened under the name `asName`.
int addAs(Library &library, const QString &dataName, const QString &asName)
{
    Result<Volume> volume = loadVolume(test::readData(dataName), asName);
    EXPECT_TRUE(volume.has_value()) << (volume ? std::string() : volume.error().toString().toStdString());
    if (!volume)
        return -1;
    return library.add(std::make_shared<const Volume>(std::move(volume).value()));
}

TEST(DocumentKey, TeiDocumentIsVolumeIdSlashDocumentId)
{
    Library library;
    const int v = addAs(library, teiName, test::dataPath(teiName));
    ASSERT_GE(v, 0);
    EXPECT_EQ(documentKey(library, v, library.volume(v).documentIndex(QStringLiteral("d317"))),
              QStringLiteral("frus1961-63v09/d317"));
    EXPECT_EQ(documentKey(library, v, library.volume(v).documentIndex(QStringLiteral("d316"))),
              QStringLiteral("frus1961-63v09/d316"));
}

TEST(DocumentKey, TextCopyTakesItsHomeVolumesIdWhateverItsFileName)
{
    Library library;
    addAs(library, teiName, test::dataPath(teiName));
    const int copy = addAs(library, copyName, QStringLiteral("/tmp/letter from rusk.txt"));
    ASSERT_GE(copy, 0);
    EXPECT_EQ(documentKey(library, copy, 0), QStringLiteral("frus1961-63v09/d317"));
}

TEST(DocumentKey, LoneTextCopyTakesTheVolumeIdItsFileNameStartsWith)
{
    Library library;
    const int copy = addAs(library, copyName, test::dataPath(copyName));
    ASSERT_GE(copy, 0);
    ASSERT_TRUE(library.volumeIdOf(copy).isEmpty()); // nothing else tells its volume
    EXPECT_EQ(documentKey(library, copy, 0), QStringLiteral("frus1961-63v09/d317"));

    Library renamed;
    const int saved = addAs(renamed, copyName, QStringLiteral("/home/h/Downloads/frus1961-63v09-d317 (1).txt"));
    EXPECT_EQ(documentKey(renamed, saved, 0), QStringLiteral("frus1961-63v09/d317"));
}

TEST(DocumentKey, LoneTextCopyWithoutVolumeInItsNameIsLocal)
{
    for (const QString &name : {QStringLiteral("/tmp/letter.txt"), QStringLiteral("/tmp/frus-notes.txt"),
                                QStringLiteral("/tmp/frus1961-63v09-d317x.txt"), QStringLiteral("/tmp/xfrus1961-63v09-d317.txt")}) {
        Library library;
        const int copy = addAs(library, copyName, name);
        ASSERT_GE(copy, 0);
        EXPECT_EQ(documentKey(library, copy, 0), QStringLiteral("local/") + name.mid(5)) << name.toStdString();
    }
}

TEST(DocumentKey, OutOfRangeIndexesGiveNoKey)
{
    Library library;
    const int v = addAs(library, teiName, test::dataPath(teiName));
    EXPECT_TRUE(documentKey(library, v + 1, 0).isEmpty());
    EXPECT_TRUE(documentKey(library, -1, 0).isEmpty());
    EXPECT_TRUE(documentKey(library, v, 99).isEmpty());
    EXPECT_TRUE(documentKey(library, v, -1).isEmpty());
}

} // namespace
} // namespace marginalia

// Issue 11: a text copy without a document number finds the document it repeats in an open volume by
// its title and its text, and is read by it.
#include "library/copieddocument.h"

#include "annotation/documentkey.h"
#include "library/library.h"
#include "parse/volumeloader.h"

#include "support/testdata.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

std::shared_ptr<const Volume> load(const QString &path)
{
    Result<Volume> volume = loadVolume(path);
    EXPECT_TRUE(volume.has_value()) << (volume ? std::string() : volume.error().toString().toStdString());
    return std::make_shared<const Volume>(volume ? std::move(volume).value() : Volume{});
}

// The copy under a name that says nothing of its document.
QString anonymousCopy(const QTemporaryDir &dir, const QString &copy)
{
    const QString path = dir.filePath(QStringLiteral("pasted.txt"));
    QFile::remove(path);
    EXPECT_TRUE(QFile::copy(test::dataPath(copy), path));
    return path;
}

const std::shared_ptr<const Volume> &frus1934v05()
{
    static const std::shared_ptr<const Volume> volume = load(test::dataPath(QStringLiteral("frus1934v05.xml")));
    return volume;
}

TEST(CopiedDocument, Issue11TitleSharedByManyDocumentsIsToldApartByTheText)
{
    QTemporaryDir dir;
    const std::shared_ptr<const Volume> copy = load(anonymousCopy(dir, QStringLiteral("textcopies/frus1934v05-d122.txt")));
    const Volume &tei = *frus1934v05();
    const Document &doc = copy->documents.at(0);
    ASSERT_TRUE(doc.number.isEmpty());
    int sameTitle = 0;
    for (const Document &d : tei.documents)
        sameTitle += d.title == doc.title ? 1 : 0;
    EXPECT_GT(sameTitle, 1); // "The Secretary of State to the Ambassador in Cuba (Caffery)"
    EXPECT_EQ(findCopiedDocument(tei, doc, false), -1);
    const int d = findCopiedDocument(tei, doc, true);
    ASSERT_GE(d, 0);
    EXPECT_EQ(tei.documents[std::size_t(d)].id, QStringLiteral("d122"));
}

TEST(CopiedDocument, Issue11EmptyHeadingIsFoundByTheText)
{
    QByteArray data = test::readData(QStringLiteral("textcopies/frus1934v05-d125.txt"));
    const qsizetype heading = data.indexOf("The Secretary of State");
    data.remove(heading, data.indexOf('\n', heading) - heading + 1);
    const Result<Volume> copy = loadVolume(data, QStringLiteral("pasted.txt"));
    ASSERT_TRUE(copy.has_value());
    ASSERT_TRUE(copy->documents.at(0).title.isEmpty());
    const int d = findCopiedDocument(*frus1934v05(), copy->documents.at(0), true);
    ASSERT_GE(d, 0);
    EXPECT_EQ(frus1934v05()->documents[std::size_t(d)].id, QStringLiteral("d125"));
}

TEST(CopiedDocument, Issue11CopyWithoutNumberIsReadByItsVolume)
{
    QTemporaryDir dir;
    Library library;
    const int copy = library.add(load(anonymousCopy(dir, QStringLiteral("textcopies/frus1934v05-d122.txt"))));
    const int tei = library.add(frus1934v05());
    EXPECT_EQ(library.homeVolume(copy), -1); // the title alone does not say which telegram
    readTextCopiesByTheirVolumes(library);
    EXPECT_EQ(library.homeVolume(copy), tei);
    const Document &doc = library.volume(copy).documents.at(0);
    EXPECT_EQ(doc.id, QStringLiteral("d122"));
    EXPECT_EQ(doc.number, QStringLiteral("122"));
    EXPECT_EQ(documentKey(library, copy, 0), QStringLiteral("frus1934v05/d122"));
    ASSERT_EQ(doc.footnotes.size(), 5u);
    EXPECT_EQ(doc.footnotes[3].id, QStringLiteral("d122fn4"));
    EXPECT_EQ(doc.footnotes[3].label, QStringLiteral("38"));
    EXPECT_TRUE(library.volume(copy).warnings.empty());
}

TEST(CopiedDocument, Issue11HeadingMarkerIsNotPartOfTheTitleAndTheCopyFindsItsVolume)
{
    QTemporaryDir dir;
    Library library;
    const int copy = library.add(load(anonymousCopy(dir, QStringLiteral("textcopies/frus1934v05-d126.txt"))));
    const int tei = library.add(frus1934v05());
    // The heading's marker 47 is not part of the title, so the title is the TEI's.
    EXPECT_EQ(library.volume(copy).documents.at(0).title,
              QStringLiteral("The American Technical Adviser (Turkel) to the Ambassador in Cuba (Caffery)"));
    readTextCopiesByTheirVolumes(library);
    EXPECT_EQ(library.homeVolume(copy), tei);
    const Document &doc = library.volume(copy).documents.at(0);
    EXPECT_EQ(doc.id, QStringLiteral("d126"));
    ASSERT_FALSE(doc.footnotes.empty());
    EXPECT_EQ(doc.footnotes[0].id, QStringLiteral("d126fn47"));
    EXPECT_EQ(doc.footnotes[0].marker, (Location{-1, 0, int(doc.title.size())})); // a footnote of the heading
}

TEST(CopiedDocument, Issue11UniqueTitleFindsTheHomeVolumeWithoutANumber)
{
    const Result<Volume> copy = loadVolume(QByteArray("The Acting Secretary of State to the Charg\xC3\xA9 in Chile "
                                                      "(Scotten)\n\nThe text.\n"),
                                           QStringLiteral("pasted.txt"));
    ASSERT_TRUE(copy.has_value());
    Library library;
    const int index = library.add(std::make_shared<const Volume>(*copy));
    const int tei = library.add(frus1934v05());
    EXPECT_EQ(library.homeVolume(index), tei);
    EXPECT_EQ(library.volumeIdOf(index), QStringLiteral("frus1934v05"));
}

TEST(CopiedDocument, CopyOfAnotherVolumeKeepsItsOwnReading)
{
    Library library;
    const int copy = library.add(load(test::dataPath(QStringLiteral("textcopies/frus1894Nicaragua-d135.txt"))));
    library.add(frus1934v05());
    const std::shared_ptr<const Volume> before = library.volumePtr(copy);
    readTextCopiesByTheirVolumes(library);
    EXPECT_EQ(library.volumePtr(copy), before);
    EXPECT_EQ(library.homeVolume(copy), -1);
}

} // namespace
} // namespace marginalia

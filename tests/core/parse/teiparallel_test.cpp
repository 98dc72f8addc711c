// The parallel read of a large volume must give exactly the model of the sequential read.
#include "parse/teiparallel.h"
#include "parse/teireader.h"
#include "parse/teisplitter.h"

#include "support/testdata.h"
#include "support/volumediff.h"

#include <QRandomGenerator>

#include <gtest/gtest.h>

using namespace marginalia;

namespace {

Volume sequential(const QByteArray &data)
{
    TeiReader reader(data, QStringLiteral("v.xml"), {});
    auto r = reader.read();
    EXPECT_TRUE(r.has_value());
    return r ? std::move(r).value() : Volume{};
}

Volume parallel(const QByteArray &data)
{
    auto r = parseTeiInParallel(data, QStringLiteral("v.xml"), {});
    EXPECT_TRUE(r.has_value()) << "the parallel path declined a well-formed volume";
    if (!r || !r->has_value())
        return {};
    return std::move(*r).value();
}

void expectSameVolume(const Volume &a, const Volume &b)
{
    const QStringList differences = test::volumeDifferences(a, b);
    EXPECT_TRUE(differences.isEmpty()) << differences.mid(0, 20).join(QLatin1Char('\n')).toStdString();
}

} // namespace

TEST(TeiParallel, GivesTheSequentialModelOfFrus1934v05)
{
    const QByteArray data = test::readData(QStringLiteral("frus1934v05.xml"));
    expectSameVolume(sequential(data), parallel(data));
}

TEST(TeiParallel, GivesTheSequentialModelOfFrus1894Nicaragua)
{
    const QByteArray data = test::readData(QStringLiteral("frus1894Nicaragua.xml"));
    expectSameVolume(sequential(data), parallel(data));
}

// What the fuzzer (tests/fuzz/teiparallel_fuzzer.cpp) relies on: explicit limits take the parallel path
// with a small file, one run per document, and still give the sequential model.
TEST(TeiParallel, ExplicitLimitsReadASmallVolumeInParallel)
{
    const QByteArray data = test::readData(QStringLiteral("frus1961-63v09-d316-d318.xml"));
    EXPECT_FALSE(parseTeiInParallel(data, QStringLiteral("v.xml"), {}).has_value());
    const auto r = parseTeiInParallel(data, QStringLiteral("v.xml"), {}, TeiParallelLimits{0, 1, 1});
    ASSERT_TRUE(r.has_value()) << "the parallel path declined";
    ASSERT_TRUE(r->has_value());
    EXPECT_EQ((*r)->documents.size(), 3u);
    expectSameVolume(sequential(data), **r);
}

// The comparison both the test above and the fuzzer trust: it must see a change a reader would see.
// Found by fuzz_teiparallel: an id given in a document and again between documents. The sequential
// reader keeps the one the file gives last; the merge cannot know which that is, so it declines.
TEST(TeiParallel, Issue8AnIdInADocumentAndBetweenDocumentsIsLeftToTheSequentialReader)
{
    QByteArray data = test::readData(QStringLiteral("frus1961-63v09-d316-d318.xml"));
    const qsizetype page = data.indexOf("<pb n=\"703\"");
    ASSERT_GT(page, 0);
    data.insert(page, "<milestone unit=\"x\" xml:id=\"d316fn2\"/>");
    const Volume expected = sequential(data);
    ASSERT_EQ(expected.ids.value(QStringLiteral("d316fn2")).kind, IdTarget::Other);
    EXPECT_FALSE(parseTeiInParallel(data, QStringLiteral("v.xml"), {}, TeiParallelLimits{0, 1, 1}).has_value());
    // Without the second id the same file is read in parallel, and the id names the footnote.
    const QByteArray plain = test::readData(QStringLiteral("frus1961-63v09-d316-d318.xml"));
    const auto r = parseTeiInParallel(plain, QStringLiteral("v.xml"), {}, TeiParallelLimits{0, 1, 1});
    ASSERT_TRUE(r.has_value() && r->has_value());
    EXPECT_EQ((*r)->ids.value(QStringLiteral("d316fn2")).kind, IdTarget::Footnote);
}

TEST(TeiParallel, VolumeDifferencesNameWhatChanged)
{
    const Volume original = sequential(test::readData(QStringLiteral("frus1961-63v09-d316-d318.xml")));
    EXPECT_TRUE(test::volumeDifferences(original, original).isEmpty());
    Volume changed = original;
    changed.documents[1].body[2].text += QLatin1Char('x');
    changed.pages.pop_back();
    const QStringList differences = test::volumeDifferences(original, changed);
    ASSERT_EQ(differences.size(), 2) << differences.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(differences[0].startsWith(QStringLiteral("pages.size: "))) << differences[0].toStdString();
    EXPECT_TRUE(differences[1].startsWith(QStringLiteral("documents[1].body[2].text: ")))
        << differences[1].toStdString();
}

TEST(TeiParallel, SplitterFindsEveryDocumentAndSkipsComments)
{
    const QByteArray data = test::readData(QStringLiteral("frus1934v05.xml"));
    const auto split = splitTeiDocuments(data);
    ASSERT_TRUE(split.has_value());
    EXPECT_EQ(split->documents.size(), 639u);
    EXPECT_TRUE(split->namespaces.contains("xmlns=\"http://www.tei-c.org/ns/1.0\""));
    const auto commented = splitTeiDocuments(
        "<TEI xmlns=\"t\"><!-- <div type=\"document\"> --><div type='document'><div>x</div></div><div type=\"document\"/></TEI>");
    ASSERT_TRUE(commented.has_value());
    EXPECT_EQ(commented->documents.size(), 2u);
}

TEST(TeiParallel, DeclinesBrokenFilesSoTheSequentialReaderReportsThem)
{
    QByteArray data = test::readData(QStringLiteral("frus1934v05.xml"));
    const qsizetype at = data.indexOf("<p>", data.size() / 2);
    data.replace(at, 3, "<p><i>"); // an element that is never closed, deep inside one document
    EXPECT_FALSE(parseTeiInParallel(data, QStringLiteral("v.xml"), {}).has_value());
    const auto r = TeiParser::parse(data, QStringLiteral("v.xml"));
    ASSERT_FALSE(r.has_value());
    EXPECT_GT(r.error().line, 1000);
}

// Damaged and unusual variants of a real volume: whatever the splitter makes of them, the parallel read
// either gives exactly the sequential model or declines, and then the sequential reader decides.
TEST(TeiParallel, AgreesWithTheSequentialReadOnMutatedVolumes)
{
    const QByteArray original = test::readData(QStringLiteral("frus1894Nicaragua.xml"));
    const QList<QByteArray> insertions{
        "<!-- <div type=\"document\" xml:id=\"dX\"> -->",
        "<pb n=\"999\" xml:id=\"pg_999\"/>",
        "<div type=\"document\" xml:id=\"dEmpty\" n=\"0\"/>",
        "<![CDATA[ </div> <div type=\"document\"> ]]>",
        "<?pi <div type=\"document\"> ?>",
        "</div>",
        "<div>",
        "<note n=\"9\">x</note>",
    };
    QRandomGenerator random(20261128);
    int agreed = 0;
    for (int round = 0; round < 24; ++round) {
        QByteArray data = original;
        for (int edits = 0; edits < 3; ++edits) {
            // At a tag boundary somewhere after the header.
            const qsizetype at = data.indexOf('<', 4000 + qsizetype(random.bounded(int(data.size() - 8000))));
            data.insert(at, insertions[random.bounded(int(insertions.size()))]);
        }
        TeiReader reader(data, QStringLiteral("v.xml"), {});
        const Result<Volume> sequentialRead = reader.read();
        const auto parallelRead = parseTeiInParallel(data, QStringLiteral("v.xml"), {});
        if (!parallelRead)
            continue; // declined: the sequential reader's answer stands
        ASSERT_EQ(parallelRead->has_value(), sequentialRead.has_value()) << "round " << round;
        if (sequentialRead) {
            expectSameVolume(*sequentialRead, **parallelRead);
            ++agreed;
        }
    }
    EXPECT_GT(agreed, 0); // some rounds must have exercised the parallel path
}

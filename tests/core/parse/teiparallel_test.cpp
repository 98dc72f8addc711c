// The parallel read of a large volume must give exactly the model of the sequential read.
#include "parse/teiparallel.h"
#include "parse/teireader.h"
#include "parse/teisplitter.h"

#include "support/testdata.h"

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

void expectSameText(const RichText &a, const RichText &b, const QString &where)
{
    ASSERT_EQ(a.size(), b.size()) << where.toStdString();
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].kind, b[i].kind);
        EXPECT_EQ(a[i].flags, b[i].flags);
        EXPECT_EQ(a[i].label, b[i].label);
        EXPECT_EQ(a[i].text, b[i].text) << where.toStdString();
        ASSERT_EQ(a[i].anchors.size(), b[i].anchors.size()) << where.toStdString();
        for (std::size_t k = 0; k < a[i].anchors.size(); ++k) {
            EXPECT_EQ(a[i].anchors[k].start, b[i].anchors[k].start);
            EXPECT_EQ(a[i].anchors[k].index, b[i].anchors[k].index);
        }
        EXPECT_EQ(a[i].styles.size(), b[i].styles.size());
    }
}

void expectSameVolume(const Volume &a, const Volume &b)
{
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.title, b.title);
    EXPECT_EQ(a.stats.documents, b.stats.documents);
    EXPECT_EQ(a.stats.footnotes, b.stats.footnotes);
    EXPECT_EQ(a.stats.pageBreaks, b.stats.pageBreaks);
    EXPECT_EQ(a.stats.references, b.stats.references);
    EXPECT_EQ(a.stats.internalReferences, b.stats.internalReferences);
    EXPECT_EQ(a.stats.resolvedReferences, b.stats.resolvedReferences);
    ASSERT_EQ(a.divisions.size(), b.divisions.size());
    ASSERT_EQ(a.pages.size(), b.pages.size());
    for (std::size_t i = 0; i < a.pages.size(); ++i) {
        EXPECT_EQ(a.pages[i].n, b.pages[i].n) << i;
        EXPECT_EQ(a.pages[i].document, b.pages[i].document) << i;
    }
    ASSERT_EQ(a.ids.size(), b.ids.size());
    for (auto it = a.ids.cbegin(); it != a.ids.cend(); ++it) {
        const IdTarget other = b.ids.value(it.key(), IdTarget{IdTarget::Other, -7, -7});
        EXPECT_EQ(it->kind, other.kind) << it.key().toStdString();
        EXPECT_EQ(it->document, other.document) << it.key().toStdString();
        EXPECT_EQ(it->index, other.index) << it.key().toStdString();
    }
    ASSERT_EQ(a.documents.size(), b.documents.size());
    for (std::size_t d = 0; d < a.documents.size(); ++d) {
        const Document &x = a.documents[d];
        const Document &y = b.documents[d];
        EXPECT_EQ(x.id, y.id);
        EXPECT_EQ(x.title, y.title);
        EXPECT_EQ(x.date, y.date);
        EXPECT_EQ(x.place, y.place);
        EXPECT_EQ(x.firstPage, y.firstPage) << x.id.toStdString();
        EXPECT_EQ(x.division, y.division) << x.id.toStdString();
        expectSameText(x.body, y.body, x.id);
        ASSERT_EQ(x.footnotes.size(), y.footnotes.size());
        for (std::size_t f = 0; f < x.footnotes.size(); ++f) {
            EXPECT_EQ(x.footnotes[f].id, y.footnotes[f].id);
            EXPECT_EQ(x.footnotes[f].marker, y.footnotes[f].marker);
            expectSameText(x.footnotes[f].content, y.footnotes[f].content, x.footnotes[f].id);
        }
        ASSERT_EQ(x.crossReferences.size(), y.crossReferences.size());
        for (std::size_t r = 0; r < x.crossReferences.size(); ++r) {
            EXPECT_EQ(x.crossReferences[r].label, y.crossReferences[r].label);
            EXPECT_EQ(x.crossReferences[r].where, y.crossReferences[r].where);
        }
        ASSERT_EQ(x.pageBreaks.size(), y.pageBreaks.size());
    }
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

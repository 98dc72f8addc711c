// Issue 8: an element with absurdly many attributes is refused before the XML parser, whose duplicate
// check is quadratic, ever sees it; the error names the line and column of the element's '<' on both the
// sequential path (files under 256 KiB) and the parallel one.
#include "model/readingtext.h"
#include "parse/teiparser.h"
#include "support/generatedinputs.h"
#include "support/testdata.h"

#include <gtest/gtest.h>

namespace marginalia {
namespace {

const QString small = QStringLiteral("frus1961-63v09-d316-d318.xml"); // 22 KB: read sequentially
const QString large = QStringLiteral("frus1934v05.xml");               // 3.5 MB: read in parallel

// `data` with `count` attributes on the first <p> at or after byte `from`; `at` is its '<'.
QByteArray crowded(const QByteArray &data, qsizetype from, int count, qsizetype &at)
{
    QByteArray out = test::withManyAttributes(data, "p", from, count, at);
    EXPECT_FALSE(out.isEmpty());
    return out;
}

void expectRefusedAt(const QByteArray &data, qsizetype at)
{
    const Result<Volume> r = TeiParser::parse(data, QStringLiteral("crowded.xml"));
    ASSERT_FALSE(r.has_value());
    const test::TextPosition where = test::positionOf(data, at);
    EXPECT_EQ(r.error().file, QStringLiteral("crowded.xml"));
    EXPECT_EQ(r.error().line, where.line);
    EXPECT_EQ(r.error().column, where.column);
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("<p>"))) << r.error().message.toStdString();
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("1000"))) << r.error().message.toStdString();
}

TEST(TeiParserAttributes, Issue8ElementWithOver1000AttributesIsRefusedAtItsStartSequentially)
{
    const QByteArray data = test::readData(small);
    qsizetype at = 0;
    const QByteArray bad = crowded(data, data.indexOf("xml:id=\"d317\""), 1001, at);
    ASSERT_LT(bad.size(), 256 * 1024);
    expectRefusedAt(bad, at);
}

TEST(TeiParserAttributes, Issue8ElementWithOver1000AttributesIsRefusedAtItsStartInParallel)
{
    const QByteArray data = test::readData(large);
    qsizetype at = 0;
    const QByteArray bad = crowded(data, data.size() / 2, 100000, at);
    expectRefusedAt(bad, at);
}

TEST(TeiParserAttributes, Issue8UnclosedStartTagWithOver1000AttributesIsRefusedToo)
{
    for (const QString &name : {small, large}) {
        const QByteArray data = test::readData(name);
        qsizetype at = 0;
        QByteArray bad = crowded(data, data.size() / 2, 5000, at);
        bad.truncate(bad.indexOf('>', at)); // the file ends inside the tag
        expectRefusedAt(bad, at);
    }
}

// Attributes in a comment, or quotes in text, are not an element's.
TEST(TeiParserAttributes, Issue8OnlyStartTagsCount)
{
    QByteArray data = test::readData(small);
    QByteArray many;
    for (int i = 0; i < 3000; ++i)
        many += " a" + QByteArray::number(i) + "=\"1\"";
    const qsizetype body = data.indexOf("<body>");
    ASSERT_GT(body, 0);
    data.insert(body, "<!-- <p" + many + "> --><?pi" + many + "?>");
    const Result<Volume> r = TeiParser::parse(data, small);
    ASSERT_TRUE(r.has_value()) << r.error().toString().toStdString();
    EXPECT_EQ(r->documents.size(), 3u);
}

// 1,000 attributes is within the limit: the volume reads as it does without them, on both paths.
TEST(TeiParserAttributes, Issue8ElementWith1000AttributesStillImports)
{
    for (const QString &name : {small, large}) {
        const QByteArray data = test::readData(name);
        qsizetype at = 0;
        const QByteArray busy = crowded(data, data.size() / 2, 1000, at);
        const Result<Volume> plain = TeiParser::parse(data, name);
        const Result<Volume> r = TeiParser::parse(busy, name);
        ASSERT_TRUE(plain.has_value());
        ASSERT_TRUE(r.has_value()) << r.error().toString().toStdString();
        ASSERT_EQ(r->documents.size(), plain->documents.size());
        for (std::size_t i = 0; i < r->documents.size(); ++i)
            EXPECT_EQ(ReadingText(r->documents[i].body).text(), ReadingText(plain->documents[i].body).text());
    }
}

} // namespace
} // namespace marginalia

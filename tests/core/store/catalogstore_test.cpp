// Issue 10: the library index's query language, made safe for FTS5, and its stored text.
#include "store/catalogquery.h"
#include "store/catalogrecords.h"

#include <gtest/gtest.h>

namespace marginalia {
namespace {

QString matchOf(const QString &text)
{
    auto parsed = parseCatalogQuery(text);
    EXPECT_TRUE(parsed) << text.toStdString() << ": " << (parsed ? "" : parsed.error().message.toStdString());
    return parsed ? parsed->match : QString();
}

QString errorOf(const QString &text)
{
    auto parsed = parseCatalogQuery(text);
    EXPECT_FALSE(parsed) << text.toStdString() << " gave " << (parsed ? parsed->match.toStdString() : "");
    return parsed ? QString() : parsed.error().message;
}

TEST(CatalogQuery, Issue10WordsArePassedOnQuotedAndAnded)
{
    EXPECT_EQ(matchOf(QStringLiteral("treaty Cuba")), QStringLiteral("(\"treaty\" AND \"Cuba\")"));
    EXPECT_EQ(matchOf(QStringLiteral("treaty AND Cuba")), QStringLiteral("(\"treaty\" AND \"Cuba\")"));
    // Lower-case operators are words; FTS5 punctuation inside a word is no syntax.
    EXPECT_EQ(matchOf(QStringLiteral("war and peace")), QStringLiteral("((\"war\" AND \"and\") AND \"peace\")"));
    EXPECT_EQ(matchOf(QStringLiteral("col:umn ^start a+b")), QStringLiteral("((\"col:umn\" AND \"^start\") AND \"a+b\")"));
    EXPECT_EQ(matchOf(QStringLiteral("say\"\"")), QStringLiteral("\"say\""));
}

TEST(CatalogQuery, Issue10PhrasesPrefixesAndOperators)
{
    EXPECT_EQ(matchOf(QStringLiteral("\"good neighbor\" policy")), QStringLiteral("(\"good neighbor\" AND \"policy\")"));
    EXPECT_EQ(matchOf(QStringLiteral("\u201cgood neighbor\u201d")), QStringLiteral("\"good neighbor\""));
    // Prefixes are shortened to meet the porter stems of the index.
    EXPECT_EQ(matchOf(QStringLiteral("negotiat*")), QStringLiteral("(\"negotiat\"* OR \"negoti\"*)"));
    EXPECT_EQ(matchOf(QStringLiteral("zelay*")), QStringLiteral("(\"zelay\"* OR \"zela\"*)"));
    EXPECT_EQ(matchOf(QStringLiteral("war*")), QStringLiteral("\"war\"*"));
    EXPECT_EQ(matchOf(QStringLiteral("U.S.*")), QStringLiteral("\"U.S.\"*"));
    EXPECT_EQ(matchOf(QStringLiteral("Cuba OR Haiti NOT sugar")), QStringLiteral("(\"Cuba\" OR (\"Haiti\" NOT \"sugar\"))"));
    EXPECT_EQ(matchOf(QStringLiteral("(Cuba OR Haiti) sugar")), QStringLiteral("(((\"Cuba\" OR \"Haiti\")) AND \"sugar\")"));
    EXPECT_EQ(matchOf(QStringLiteral("NEAR(treaty Cuba, 10)")), QStringLiteral("NEAR(\"treaty\" \"Cuba\", 10)"));
    EXPECT_EQ(matchOf(QStringLiteral("NEAR(treaty negotiat*)")), QStringLiteral("NEAR(\"treaty\" \"negotiat\"*)"));
    EXPECT_EQ(matchOf(QStringLiteral("NEAR(\"good neighbor\" policy)")), QStringLiteral("NEAR(\"good neighbor\" \"policy\")"));
    // Commas outside NEAR are only separators; NEAR not followed by "(" is a word.
    EXPECT_EQ(matchOf(QStringLiteral("Cuba, Haiti")), QStringLiteral("(\"Cuba\" AND \"Haiti\")"));
    EXPECT_EQ(matchOf(QStringLiteral("NEAR East")), QStringLiteral("(\"NEAR\" AND \"East\")"));
    EXPECT_EQ(matchOf(QStringLiteral("  - ")), QString());
}

TEST(CatalogQuery, Issue10WhatTheSyntaxDoesNotAllowGetsAPlainMessage)
{
    EXPECT_EQ(errorOf(QStringLiteral("\"good neighbor")), QStringLiteral("unbalanced quote"));
    EXPECT_EQ(errorOf(QStringLiteral("Cuba NOT")), QStringLiteral("NOT needs a word after it"));
    EXPECT_TRUE(errorOf(QStringLiteral("NOT Cuba")).startsWith(QStringLiteral("NOT needs a word before it")));
    EXPECT_EQ(errorOf(QStringLiteral("Cuba AND")), QStringLiteral("AND needs a word after it"));
    EXPECT_EQ(errorOf(QStringLiteral("OR Cuba")), QStringLiteral("OR needs a word before it"));
    EXPECT_EQ(errorOf(QStringLiteral("Cuba OR OR Haiti")), QStringLiteral("OR needs a word after it"));
    EXPECT_TRUE(errorOf(QStringLiteral("(Cuba OR Haiti")).startsWith(QStringLiteral("unbalanced parenthesis")));
    EXPECT_EQ(errorOf(QStringLiteral("Cuba)")), QStringLiteral("a closing parenthesis without an opening one"));
    EXPECT_EQ(errorOf(QStringLiteral("()")), QStringLiteral("empty parentheses"));
    EXPECT_TRUE(errorOf(QStringLiteral("NEAR(Cuba)")).startsWith(QStringLiteral("NEAR needs two or more words")));
    EXPECT_TRUE(errorOf(QStringLiteral("NEAR(Cuba Haiti, ten)")).startsWith(QStringLiteral("NEAR's distance")));
    EXPECT_TRUE(errorOf(QStringLiteral("NEAR(Cuba (Haiti))")).startsWith(QStringLiteral("NEAR needs")));
}

TEST(CatalogQuery, Issue10SnippetsMarkWhatTheStemmedWordMatches)
{
    EXPECT_EQ(stemmedTerm(QStringLiteral("negotiate")).text, QStringLiteral("negotiat"));
    EXPECT_TRUE(stemmedTerm(QStringLiteral("negotiate")).prefix);
    EXPECT_EQ(stemmedTerm(QStringLiteral("negotiations")).text, QStringLiteral("negoti"));
    EXPECT_EQ(stemmedTerm(QStringLiteral("U.S.")).text, QStringLiteral("U.S."));
    EXPECT_FALSE(stemmedTerm(QStringLiteral("war")).prefix);
    auto parsed = parseCatalogQuery(QStringLiteral("negotiate NOT treaty"));
    ASSERT_TRUE(parsed);
    const SnippetMaker snippets(parsed->highlight);
    EXPECT_EQ(snippets.snippet(QStringLiteral("The negotiations on the treaty went on.")),
              QStringLiteral("The «negotiations» on the treaty went on."));
}

TEST(CatalogRecords, Issue10DocumentTextsPackInBlocksAndUnpackWhole)
{
    const QString title = QStringLiteral("Telegram From the Embassy in Cuba");
    const QString text = QStringLiteral("Habana, août 3, 1934.\n\nÉmigrés — “quoted” text");
    const QString notes = QStringLiteral("Source: Department of State, File No. 837.00/5211.\n\nSecond note");
    TextBlockPacker packer;
    std::vector<std::pair<int, int>> where;
    for (int i = 0; i < 2000; ++i)
        where.push_back(packer.add(title + QString::number(i), i % 7 ? text : QString(), notes));
    const std::vector<QByteArray> blocks = packer.finish();
    ASSERT_GT(blocks.size(), 1u);
    EXPECT_EQ(where.front(), std::make_pair(0, 0));
    EXPECT_EQ(where.back().first, int(blocks.size()) - 1);
    QString t, b, n;
    for (int i = 0; i < 2000; ++i) {
        ASSERT_TRUE(unpackDocumentText(blocks[std::size_t(where[std::size_t(i)].first)], where[std::size_t(i)].second, t, b, n));
        EXPECT_EQ(t, title + QString::number(i));
        EXPECT_EQ(b, i % 7 ? text : QString());
        EXPECT_EQ(n, notes);
    }
    EXPECT_FALSE(unpackDocumentText(blocks[0], where[1].second + 100000, t, b, n));
    EXPECT_FALSE(unpackDocumentText(QByteArray("not compressed"), 0, t, b, n));
}

TEST(CatalogRecords, Issue10BlocksAreZstdAndThoseAnOlderIndexWroteWithZlibStillUnpack)
{
    TextBlockPacker packer;
    packer.add(QStringLiteral("Telegram"), QStringLiteral("Habana, août 3, 1934."), QStringLiteral("Source: 837.00/5211."));
    const std::vector<QByteArray> blocks = packer.finish();
    ASSERT_EQ(blocks.size(), 1u);
    EXPECT_TRUE(blocks[0].startsWith(QByteArray("\x28\xb5\x2f\xfd"))); // a zstd frame
    // What TextBlockPacker wrote before: qCompress at level 1 of the same parts.
    const QByteArray zlib = qCompress(QByteArray("Telegram\x1fHabana, ao\xc3\xbbt 3, 1934.\x1fSource: 837.00/5211."), 1);
    for (const QByteArray &block : {blocks[0], zlib}) {
        QString t, b, n;
        ASSERT_TRUE(unpackDocumentText(block, 0, t, b, n));
        EXPECT_EQ(t, QStringLiteral("Telegram"));
        EXPECT_EQ(b, QStringLiteral("Habana, août 3, 1934."));
        EXPECT_EQ(n, QStringLiteral("Source: 837.00/5211."));
    }
    QByteArray damaged = blocks[0];
    damaged[damaged.size() - 2] = char(damaged[damaged.size() - 2] ^ 0x55);
    damaged.truncate(damaged.size() - 1);
    QString t, b, n;
    EXPECT_FALSE(unpackDocumentText(damaged, 0, t, b, n));
    EXPECT_TRUE(uncompressTextBlock(damaged).isEmpty());
}

} // namespace
} // namespace marginalia

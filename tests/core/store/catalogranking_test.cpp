// Issue 10: the library search ranks a common query from a sample and estimates its total, and gives the
// answers of FTS5's own bm25 and count wherever they are exact — on an index of the real test volumes.
#include "../catalog/catalogfixture.h"

#include "store/catalogquery.h"
#include "store/catalogschema.h"
#include "store/database.h"
#include "store/ftsrank.h"
#include "store/statement.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <cmath>

namespace marginalia::test {
namespace {

class CatalogRanking : public CatalogFixture {
protected:
    void SetUp() override
    {
        CatalogFixture::SetUp();
        indexTestVolumes();
        m_catalog = open(DatabaseAccess::Read);
        ASSERT_TRUE(m_catalog);
    }

    CatalogSearchResults search(CatalogQuery query)
    {
        auto found = m_catalog->search(query);
        EXPECT_TRUE(found) << query.text.toStdString() << ": " << (found ? "" : found.error().toString().toStdString());
        return found ? *found : CatalogSearchResults{};
    }
    static QStringList keysOf(const CatalogSearchResults &results)
    {
        QStringList keys;
        for (const CatalogHit &hit : results.results)
            keys << hit.volume + QLatin1Char('#') + hit.id;
        return keys;
    }
    // FTS5's own answer, through SQL on the index file: the count and the bm25 order of every match.
    std::vector<std::pair<qint64, double>> ftsRanked(const Database &db, const QString &match)
    {
        Statement rank(db, QStringLiteral("SELECT rowid, rank FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rank"));
        EXPECT_TRUE(rank.exec({match}));
        std::vector<std::pair<qint64, double>> rows;
        while (rank.next())
            rows.emplace_back(rank.value(0).toLongLong(), rank.value(1).toDouble());
        return rows;
    }

    std::unique_ptr<Catalog> m_catalog;
};

// marginalia_bm25 given each phrase's exact document count scores every match as FTS5's bm25 does, for
// one word, a phrase, two words, OR, NOT and NEAR.
TEST_F(CatalogRanking, Issue10RankWithExactCountsIsFts5sBm25)
{
    Result<std::unique_ptr<Database>> db = Database::openForReading(catalogSchema(), libraryPath());
    ASSERT_TRUE(db) << db.error().toString().toStdString();
    ASSERT_TRUE(registerFtsRank(**db));
    const QStringList matches{QStringLiteral("\"government\""), QStringLiteral("\"secretary of state\""),
                              QStringLiteral("(\"exchange\" AND \"control\")"), QStringLiteral("(\"treaty\" OR \"canal\")"),
                              QStringLiteral("(\"treaty\" NOT \"canal\")"), QStringLiteral("NEAR(\"minister\" \"foreign\", 5)")};
    for (const QString &match : matches) {
        const QStringList phrases = ftsPhrases(match);
        QVariantList counts;
        QString arguments;
        for (const QString &phrase : phrases) {
            Result<QVariant> n = Statement::scalar(**db, QStringLiteral("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?"), {phrase});
            ASSERT_TRUE(n);
            counts << n->toLongLong();
            arguments += QStringLiteral(", ?");
        }
        std::map<qint64, double> ours;
        Statement rank(**db, QStringLiteral("SELECT rowid, marginalia_bm25(documents_fts, 10.0, 1.0, 1.0") + arguments
                                 + QStringLiteral(") FROM documents_fts WHERE documents_fts MATCH ?"));
        ASSERT_TRUE(rank.exec(counts + QVariantList{match})) << match.toStdString();
        while (rank.next())
            ours[rank.value(0).toLongLong()] = rank.value(1).toDouble();
        const auto theirs = ftsRanked(**db, match);
        ASSERT_FALSE(theirs.empty()) << match.toStdString();
        ASSERT_EQ(ours.size(), theirs.size()) << match.toStdString();
        for (const auto &[rowid, score] : theirs)
            EXPECT_NEAR(ours[rowid], score, std::abs(score) * 1e-12) << match.toStdString() << " row " << rowid;
    }
}

TEST(FtsPhrases, AreTheQuotedStringsInTheOrderFts5NumbersThem)
{
    EXPECT_EQ(ftsPhrases(QStringLiteral("(\"negotiat\"* OR \"negoti\"*)")),
              (QStringList{QStringLiteral("\"negotiat\"*"), QStringLiteral("\"negoti\"*")}));
    EXPECT_EQ(ftsPhrases(QStringLiteral("NEAR(\"a\" \"b c\", 10)")), (QStringList{QStringLiteral("\"a\""), QStringLiteral("\"b c\"")}));
    EXPECT_EQ(ftsPhrases(QStringLiteral("\"say \"\"no\"\"\"")), QStringList{QStringLiteral("\"say \"\"no\"\"\"")});
    EXPECT_TRUE(ftsPhrases(QString()).isEmpty());
}

// Where the ranking reads every match (as many as rankAtMost or fewer), its order and scores are FTS5's
// bm25 and its total FTS5's count.
TEST_F(CatalogRanking, Issue10AQueryOfFewMatchesIsRankedExactlyAsFts5RanksIt)
{
    Result<std::unique_ptr<Database>> db = Database::openForReading(catalogSchema(), libraryPath());
    ASSERT_TRUE(db);
    for (const QString &text : {QStringLiteral("government"), QStringLiteral("\"Secretary of State\""), QStringLiteral("Sevier")}) {
        CatalogQuery query;
        query.text = text;
        query.limit = 40;
        const CatalogSearchResults found = search(query);
        const auto theirs = ftsRanked(**db, parseCatalogQuery(text)->match);
        EXPECT_EQ(found.total, int(theirs.size())) << text.toStdString();
        EXPECT_TRUE(found.totalExact);
        ASSERT_EQ(found.results.size(), std::min<std::size_t>(40, theirs.size()));
        for (std::size_t i = 0; i < found.results.size(); ++i)
            EXPECT_NEAR(found.results[i].score, theirs[i].second, std::abs(theirs[i].second) * 1e-9) << text.toStdString() << " #" << i;
    }
}

// Above rankAtMost matches a sample is ranked and the total estimated, unless it is asked to be counted;
// count() counts it. Every result is a match, in score order.
TEST_F(CatalogRanking, Issue10ACommonQueryIsRankedFromASampleWithItsTotalEstimatedThenCounted)
{
    CatalogQuery query;
    query.text = QStringLiteral("government");
    query.limit = 100000;
    query.rankAtMost = 100000;
    const CatalogSearchResults every = search(query);
    ASSERT_GT(every.total, 400);
    const QStringList all = keysOf(every);

    query.rankAtMost = 60;
    query.limit = 20;
    query.exactTotal = false;
    const CatalogSearchResults sampled = search(query);
    EXPECT_FALSE(sampled.totalExact);
    EXPECT_NEAR(sampled.total, every.total, every.total * 0.3) << "the estimate is of the right size";
    ASSERT_EQ(sampled.results.size(), 20u);
    for (std::size_t i = 0; i < sampled.results.size(); ++i) {
        EXPECT_TRUE(all.contains(keysOf(sampled).at(qsizetype(i))));
        if (i > 0) {
            EXPECT_LE(sampled.results[i - 1].score, sampled.results[i].score);
        }
    }
    Result<int> counted = m_catalog->count(query);
    ASSERT_TRUE(counted);
    EXPECT_EQ(*counted, every.total);
    query.exactTotal = true;
    const CatalogSearchResults exact = search(query);
    EXPECT_TRUE(exact.totalExact);
    EXPECT_EQ(exact.total, every.total);
    EXPECT_EQ(keysOf(exact), keysOf(sampled)) << "counting changes the total, not the page";
}

// The per-volume spans the search reads are those of the documents, and follow a volume's state.
TEST_F(CatalogRanking, Issue10TheVolumeSpansAreThoseOfTheDocuments)
{
    Result<std::unique_ptr<Database>> db = Database::openForReading(catalogSchema(), libraryPath());
    ASSERT_TRUE(db);
    Statement spans(**db, QStringLiteral(
        "SELECT s.volume, s.first_document, s.last_document, s.documents, s.state, s.id, v.id, v.state,"
        " (SELECT min(rowid) FROM documents WHERE volume = s.volume), (SELECT max(rowid) FROM documents WHERE volume = s.volume),"
        " (SELECT count(*) FROM documents WHERE volume = s.volume) FROM volume_spans s JOIN volumes v ON v.rowid = s.volume"));
    ASSERT_TRUE(spans.exec());
    int rows = 0;
    while (spans.next()) {
        ++rows;
        EXPECT_EQ(spans.value(1).toLongLong(), spans.value(8).toLongLong());
        EXPECT_EQ(spans.value(2).toLongLong(), spans.value(9).toLongLong());
        EXPECT_EQ(spans.value(3).toLongLong(), spans.value(10).toLongLong());
        EXPECT_EQ(spans.value(3).toLongLong(), spans.value(2).toLongLong() - spans.value(1).toLongLong() + 1) << "contiguous";
        EXPECT_EQ(spans.text(5), spans.text(6));
        EXPECT_EQ(spans.integer(4), spans.integer(7));
    }
    EXPECT_EQ(rows, 3);
}

// A volume whose file vanished keeps its rows but leaves the search: its span follows its state.
TEST_F(CatalogRanking, Issue10AMissingVolumeLeavesTheSearchThroughItsSpan)
{
    CatalogQuery query;
    query.text = QStringLiteral("Bluefields"); // a town of the 1894 Nicaragua volume, and of no other
    ASSERT_GT(search(query).total, 0);
    m_catalog.reset();
    ASSERT_TRUE(QFile::remove(QDir(volumesPath()).filePath(QStringLiteral("frus1894Nicaragua.xml"))));
    EXPECT_EQ(index().missing, 1);
    m_catalog = open(DatabaseAccess::Read);
    ASSERT_TRUE(m_catalog);
    EXPECT_EQ(search(query).total, 0);
    query.text = QStringLiteral("government");
    for (const CatalogHit &hit : search(query).results)
        EXPECT_NE(hit.volume, QStringLiteral("frus1894Nicaragua"));
    Result<std::unique_ptr<Database>> db = Database::openForReading(catalogSchema(), libraryPath());
    ASSERT_TRUE(db);
    EXPECT_EQ(Statement::scalar(**db, QStringLiteral("SELECT s.state FROM volume_spans s JOIN volumes v ON v.rowid = s.volume"
                                                     " WHERE v.path LIKE '%Nicaragua%'"))->toInt(),
              int(CatalogVolumeInfo::State::Missing));
}

// A new index is made of 16 KiB pages (DatabaseSchema::pageSize).
TEST_F(CatalogRanking, Issue10ANewIndexIsMadeOfSixteenKibPages)
{
    Result<std::unique_ptr<Database>> db = Database::openForReading(catalogSchema(), libraryPath());
    ASSERT_TRUE(db);
    EXPECT_EQ(Statement::scalar(**db, QStringLiteral("PRAGMA page_size"))->toInt(), 16384);
}

// An index of schema version 1 (before volume_spans) is searched as it is when it may only be read, with
// the same answers; opened for writing it gains the spans.
TEST_F(CatalogRanking, Issue10AVersionOneIndexIsSearchedAsItIsAndUpgradedWhenWritable)
{
    auto answers = [](Catalog &catalog) {
        QStringList all;
        for (const QString &text : {QStringLiteral("government"), QStringLiteral("\"Secretary of State\""), QStringLiteral("negotiat*")}) {
            for (const bool dated : {false, true}) {
                CatalogQuery query;
                query.text = text;
                query.limit = 30;
                if (dated) {
                    query.from = QStringLiteral("1934-01-01");
                    query.to = QStringLiteral("1934-06-30");
                }
                auto found = catalog.search(query);
                EXPECT_TRUE(found) << (found ? "" : found.error().toString().toStdString());
                if (!found)
                    continue;
                all << QString::number(found->total);
                for (const CatalogHit &hit : found->results)
                    all << hit.volume + QLatin1Char('#') + hit.id;
            }
        }
        // The outline a document is opened by.
        auto outline = catalog.volumeOutline(QStringLiteral("frus1934v05"));
        EXPECT_TRUE(outline && outline->size() > 1000);
        all << QString::fromLatin1(qCompress(outline ? *outline : QByteArray()).toBase64().left(64));
        return all;
    };
    const QStringList current = answers(*m_catalog);
    m_catalog.reset();
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("ranking-v1"));
        raw.setDatabaseName(libraryPath());
        ASSERT_TRUE(raw.open());
        for (const char *sql : {"DROP TRIGGER volume_spans_follow", "DROP TRIGGER volume_spans_forget",
                                "DROP TABLE volume_spans",
                                "UPDATE volumes SET outline = (SELECT outline FROM volume_outlines WHERE volume = volumes.rowid)",
                                "DROP TABLE volume_outlines", "PRAGMA user_version = 1"}) {
            QSqlQuery q(raw);
            ASSERT_TRUE(q.exec(QString::fromLatin1(sql))) << sql;
        }
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("ranking-v1"));
    auto reading = open(DatabaseAccess::Read);
    ASSERT_TRUE(reading);
    EXPECT_EQ(answers(*reading), current);
    reading.reset();
    auto writing = open(DatabaseAccess::Write);
    ASSERT_TRUE(writing);
    EXPECT_EQ(answers(*writing), current);
    Result<std::unique_ptr<Database>> db = Database::openForReading(catalogSchema(), libraryPath());
    ASSERT_TRUE(db);
    EXPECT_EQ(Statement::scalar(**db, QStringLiteral("SELECT count(*) FROM volume_spans"))->toInt(), 3);
    EXPECT_EQ(Statement::scalar(**db, QStringLiteral("SELECT count(*) FROM volume_outlines"))->toInt(), 3);
    EXPECT_EQ(Statement::scalar(**db, QStringLiteral("SELECT count(*) FROM volumes WHERE outline IS NOT NULL"))->toInt(), 0);
}

} // namespace
} // namespace marginalia::test

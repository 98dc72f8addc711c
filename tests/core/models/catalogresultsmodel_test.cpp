#include "models/catalogresultsmodel.h"
#include "models/citedbymodel.h"

#include "core/catalog/catalogfixture.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>

namespace marginalia::test {
namespace {

class CatalogResultsModelTest : public CatalogFixture {
protected:
    CatalogSearchResults search(const CatalogQuery &query)
    {
        auto found = m_catalog->search(query);
        EXPECT_TRUE(found) << found.error().toString().toStdString();
        return found ? *found : CatalogSearchResults{};
    }
    static CatalogQuery query(const QString &text, int limit = 50)
    {
        CatalogQuery q;
        q.text = text;
        q.limit = limit;
        return q;
    }
    std::unique_ptr<Catalog> m_catalog;
};

// The index's answer grouped by volume, each group in the order of its best hit, every document under
// the volume it is in, and nothing lost or added on the way.
TEST_F(CatalogResultsModelTest, GroupsTheIndexAnswerByVolumeAndPassesTheModelTester)
{
    indexTestVolumes();
    m_catalog = open(DatabaseAccess::Read);
    CatalogResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const CatalogSearchResults found = search(query(QStringLiteral("trade")));
    ASSERT_GT(found.total, 3);
    model.setResults(query(QStringLiteral("trade")), found);

    QSet<QString> volumesFound;
    for (const CatalogHit &hit : found.results)
        volumesFound.insert(hit.volume);
    ASSERT_EQ(model.rowCount(), volumesFound.size());
    EXPECT_EQ(model.index(0, 0).data(CatalogResultsModel::VolumeIdRole).toString(), found.results.front().volume);
    int documents = 0;
    for (int g = 0; g < model.rowCount(); ++g) {
        const QModelIndex group = model.index(g, 0);
        EXPECT_TRUE(group.data(CatalogResultsModel::IsVolumeRole).toBool());
        for (int r = 0; r < model.rowCount(group); ++r) {
            const QModelIndex row = model.index(r, 0, group);
            EXPECT_EQ(row.parent(), group);
            EXPECT_EQ(row.data(CatalogResultsModel::VolumeIdRole), group.data(CatalogResultsModel::VolumeIdRole));
            EXPECT_FALSE(row.data(CatalogResultsModel::DocumentIdRole).toString().isEmpty());
            ++documents;
        }
    }
    EXPECT_EQ(documents, int(found.results.size()));
    EXPECT_EQ(model.total(), found.total);

    model.setResults(query(QStringLiteral("Tegucigalpa")), search(query(QStringLiteral("Tegucigalpa"))));
    EXPECT_GT(model.rowCount(), 0);
    model.clear();
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_TRUE(model.summary().isEmpty());
}

TEST_F(CatalogResultsModelTest, SummarySaysTheTrueTotalBesideTheRowsShown)
{
    indexTestVolumes();
    m_catalog = open(DatabaseAccess::Read);
    CatalogResultsModel model;
    const CatalogSearchResults found = search(query(QStringLiteral("trade"), 5));
    ASSERT_GT(found.total, 5);
    model.setResults(query(QStringLiteral("trade"), 5), found);
    const QString summary = model.summary();
    EXPECT_TRUE(summary.startsWith(QStringLiteral("%1 documents — ").arg(found.total))) << summary.toStdString();
    EXPECT_TRUE(summary.contains(QStringLiteral("best 5 shown"))) << summary.toStdString();
    EXPECT_TRUE(summary.endsWith(QStringLiteral("from %1 volumes").arg(model.rowCount()))) << summary.toStdString();
}

// Issue 10: an estimated total says so in round figures until the count replaces it, for the query shown
// only.
TEST_F(CatalogResultsModelTest, Issue10AnEstimatedTotalSaysSoUntilTheCountComes)
{
    indexTestVolumes();
    m_catalog = open(DatabaseAccess::Read);
    CatalogResultsModel model;
    CatalogQuery common = query(QStringLiteral("government"), 5);
    common.rankAtMost = 50;
    common.exactTotal = false;
    CatalogSearchResults found = search(common);
    ASSERT_FALSE(found.totalExact);
    found.total = 377802; // as a common word of the series is estimated
    model.setResults(common, found);
    EXPECT_TRUE(model.summary().startsWith(QStringLiteral("About 380,000 documents (counting…) — the best 5 shown")))
        << model.summary().toStdString();
    QSignalSpy changed(&model, &CatalogResultsModel::summaryChanged);
    model.setTotal(query(QStringLiteral("trade")), 12); // another query's count
    EXPECT_EQ(changed.size(), 0);
    model.setTotal(common, 378700);
    EXPECT_EQ(changed.size(), 1);
    EXPECT_TRUE(model.summary().startsWith(QStringLiteral("378,700 documents — the best 5 shown"))) << model.summary().toStdString();
}

// Issue 8: a title or snippet from a file is text, never markup; only the index's «» marks become bold.
TEST_F(CatalogResultsModelTest, Issue8SnippetIsEscapedAndOnlyTheHitsAreBold)
{
    CatalogResultsModel model;
    CatalogSearchResults results;
    results.total = 1;
    results.results.push_back({QStringLiteral("frus1961-63v09"), QStringLiteral("d1"), QStringLiteral("1"),
                               QStringLiteral("<img src=\"/etc/passwd\"> & co"), QStringLiteral("1962-08-09"),
                               QStringLiteral("document"), -1, QStringLiteral("…the <b>raw</b> «trade» talks…")});
    model.setResults(query(QStringLiteral("trade")), results);
    const QString html = model.index(0, 0, model.index(0, 0)).data(CatalogResultsModel::HtmlRole).toString();
    EXPECT_TRUE(html.contains(QStringLiteral("&lt;img src=&quot;/etc/passwd&quot;&gt; &amp; co"))) << html.toStdString();
    EXPECT_TRUE(html.contains(QStringLiteral("&lt;b&gt;raw&lt;/b&gt;"))) << html.toStdString();
    EXPECT_TRUE(html.contains(QStringLiteral("<b>trade</b>"))) << html.toStdString();
    EXPECT_FALSE(html.contains(QStringLiteral("<img"))) << html.toStdString();
}

// Issue 12, item 14: an index made by the old importer holds heads that are only their number ("2.") as
// titles and n="11." with its dot; a hit shows the number once.
TEST_F(CatalogResultsModelTest, Issue12AHitOfAnOlderIndexShowsItsNumberOnce)
{
    CatalogResultsModel model;
    CatalogSearchResults results;
    results.total = 3;
    const QString v08 = QStringLiteral("frus1952-54v08");
    const QString date = QStringLiteral("1952-01-05");
    const QString kind = QStringLiteral("document");
    results.results.push_back({v08, QStringLiteral("d2"), QStringLiteral("2"), QStringLiteral("2."), date, kind, -1,
                               QStringLiteral("an economic «conference»")});
    results.results.push_back({v08, QStringLiteral("d11"), QStringLiteral("11."), QStringLiteral("Memorandum for the Record"),
                               date, kind, -2, QStringLiteral("the «conference» was postponed")});
    results.results.push_back({v08, QStringLiteral("d13"), QStringLiteral("13"), QStringLiteral("13.Memorandum of Conversation"),
                               date, kind, -3, QStringLiteral("before the «conference»")});
    model.setResults(query(QStringLiteral("conference")), results);
    const QModelIndex group = model.index(0, 0);
    ASSERT_EQ(model.rowCount(group), 3);
    EXPECT_EQ(model.index(0, 0, group).data().toString(), QStringLiteral("No. 2 · 1952-01-05 · an economic conference"));
    EXPECT_EQ(model.index(1, 0, group).data().toString(),
              QStringLiteral("No. 11 · 1952-01-05 · Memorandum for the Record · the conference was postponed"));
    EXPECT_EQ(model.index(2, 0, group).data().toString(),
              QStringLiteral("No. 13 · 1952-01-05 · Memorandum of Conversation · before the conference"));
    EXPECT_EQ(model.index(2, 0, group).data(Qt::ToolTipRole).toString(), QStringLiteral("Memorandum of Conversation"));
}

TEST_F(CatalogResultsModelTest, ARefusedQueryLeavesItsPlainMessageAndNoRows)
{
    CatalogResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setError(query(QStringLiteral("\"trade")), QStringLiteral("unbalanced quote"));
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_EQ(model.summary(), QStringLiteral("unbalanced quote"));
}

// Cited by d316: exactly the documents whose cross-references target it. In the test volumes that is
// d317, whose note 2 is <ref target="#d316">Document 316</ref> (the only target="#d316" in tests/data),
// attached to the sentence "As I wrote you on August 9 … a code of fair practices."
TEST_F(CatalogResultsModelTest, CitedByModelListsTheCitingDocumentsWithTheirSentence)
{
    indexTestVolumes();
    m_catalog = open(DatabaseAccess::Read);
    int targets = 0;
    for (const char *name : {"frus1934v05.xml", "frus1894Nicaragua.xml", "frus1961-63v09-d316-d318.xml"})
        targets += int(readData(QString::fromLatin1(name)).count("target=\"#d316\""));
    ASSERT_EQ(targets, 1);
    auto citing = m_catalog->citedBy(QStringLiteral("frus1961-63v09"), QStringLiteral("d316"));
    ASSERT_TRUE(citing) << citing.error().toString().toStdString();

    CitedByModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setCitations(QStringLiteral("frus1961-63v09"), QStringLiteral("d316"), *citing);
    ASSERT_EQ(model.rowCount(), targets);
    const QModelIndex row = model.index(0, 0);
    EXPECT_EQ(row.data(CitedByModel::VolumeIdRole).toString(), QStringLiteral("frus1961-63v09"));
    EXPECT_EQ(row.data(CitedByModel::DocumentIdRole).toString(), QStringLiteral("d317"));
    EXPECT_TRUE(row.data(CitedByModel::InNoteRole).toBool());
    // The sentence of the text the note is attached to ("…to develop a code of fair practices.²").
    EXPECT_TRUE(row.data(CitedByModel::SentenceRole).toString().startsWith(QStringLiteral("As I wrote you on August 9")))
        << row.data(CitedByModel::SentenceRole).toString().toStdString();
    EXPECT_TRUE(row.data(Qt::DisplayRole).toString().contains(QStringLiteral("Doc. 317")));

    // The 1934 volume's own d316 is cited by nobody (no target names it): an empty list, not an error.
    auto none = m_catalog->citedBy(QStringLiteral("frus1934v05"), QStringLiteral("d316"));
    ASSERT_TRUE(none);
    model.setCitations(QStringLiteral("frus1934v05"), QStringLiteral("d316"), *none);
    EXPECT_EQ(model.rowCount(), 0);
    model.setCitations(QStringLiteral("frus1961-63v09"), QStringLiteral("d316"), *citing);
    model.clear();
    EXPECT_EQ(model.rowCount(), 0);
}

} // namespace
} // namespace marginalia::test

#include "store/annotationstore.h"
#include "store/annotationschema.h"
#include "store/catalogschema.h"
#include "store/database.h"
#include "store/documenttextstore.h"
#include "store/ftsquery.h"
#include "store/statement.h"
#include "storetesting.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>

namespace marginalia {
namespace {

using test::sampleAnnotation;

const QString D1 = QStringLiteral("frus1934v05/d1");
const QString D2 = QStringLiteral("frus1934v05/d2");

class AnnotationStoreTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto db = Database::open(annotationSchema(), m_dir.filePath(QStringLiteral("marginalia.sqlite")));
        ASSERT_TRUE(db) << db.error().toString().toStdString();
        m_db = std::move(*db);
        m_store = std::make_unique<AnnotationStore>(*m_db);
        // The documents' text lives in the library index, a file of its own (issue 9).
        auto catalog = Database::open(catalogSchema(), m_dir.filePath(QStringLiteral("catalog.sqlite")));
        ASSERT_TRUE(catalog) << catalog.error().toString().toStdString();
        m_catalog = std::move(*catalog);
        m_documents = std::make_unique<DocumentTextStore>(*m_catalog);
    }

    Annotation added(const QString &document, int start, const QStringList &tags = {},
                     const QString &note = QStringLiteral("A note"), const QString &exact = QStringLiteral("passage"))
    {
        Annotation a = sampleAnnotation(document, start, exact);
        a.tags = tags;
        a.note = note;
        const Result<void> done = m_store->add(a);
        EXPECT_TRUE(done) << done.error().toString().toStdString();
        return a;
    }

    std::vector<StoreSearchHit> search(const QString &query)
    {
        auto hits = m_store->search(query, 200, m_documents.get());
        EXPECT_TRUE(hits) << query.toStdString() << ": " << hits.error().toString().toStdString();
        return hits ? *hits : std::vector<StoreSearchHit>();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AnnotationStore> m_store;
    std::unique_ptr<Database> m_catalog;
    std::unique_ptr<DocumentTextStore> m_documents;
};

TEST_F(AnnotationStoreTest, AddFindUpdateRemove)
{
    Annotation a = added(D1, 120, {QStringLiteral("Chaco War")});
    a.selector.footnote = QStringLiteral("d1fn2");
    ASSERT_TRUE(m_store->update(a).has_value());
    auto found = m_store->find(a.id);
    ASSERT_TRUE(found && found->has_value());
    EXPECT_EQ(**found, a);

    a.note = QStringLiteral("Changed\nnote");
    a.tags = {QStringLiteral("Leticia"), QStringLiteral("Chaco War")};
    a.modified = a.modified.addSecs(60);
    ASSERT_TRUE(m_store->update(a));
    EXPECT_EQ(*m_store->find(a.id).value(), a) << "tags keep their order";

    EXPECT_TRUE(*m_store->remove(a.id));
    EXPECT_FALSE(m_store->find(a.id)->has_value());
    EXPECT_FALSE(*m_store->remove(a.id)) << "removing what is gone reports false, not an error";
    EXPECT_TRUE(search(QStringLiteral("changed")).empty()) << "the search row goes with the annotation";
}

// Issue 14: the Show Annotations Of menu lists everyone who wrote here, each once, by name.
TEST_F(AnnotationStoreTest, AuthorsAreEveryoneWhoWroteEachOnce)
{
    EXPECT_TRUE(m_store->authors()->isEmpty());
    for (const char *name : {"bob", "alice", "bob", ""}) {
        Annotation a = sampleAnnotation(D1, 10, QStringLiteral("passage"));
        a.author = QString::fromLatin1(name);
        ASSERT_TRUE(m_store->add(a));
    }
    EXPECT_EQ(*m_store->authors(), (QStringList{QStringLiteral("alice"), QStringLiteral("bob")}));
}

// Issue 13 (13): what an import kept of another tool's annotation (schema 3's interchange column) is saved,
// read back, replaced by an update and merged, byte for byte.
TEST_F(AnnotationStoreTest, Issue13WhatAnImportKeptIsStoredAsItCame)
{
    Annotation a = sampleAnnotation(D1, 40);
    a.interchange = QStringLiteral(R"({"hypothesis":{"group":"__world__","id":"QbqSJpIIEfCl3Gu4CC0tZA"},)"
                                   R"("selectors":[{"type":"RangeSelector","startOffset":29}]})");
    ASSERT_TRUE(m_store->add(a));
    EXPECT_EQ(m_store->find(a.id)->value().interchange, a.interchange);
    a.interchange.clear();
    a.modified = a.modified.addSecs(1);
    ASSERT_TRUE(m_store->update(a));
    EXPECT_TRUE(m_store->find(a.id)->value().interchange.isEmpty());
    a.interchange = QStringLiteral(R"({"hypothesis":{"id":"Zx7Tn5IIEfC4hV8rYq2m1w"}})");
    a.modified = a.modified.addSecs(1);
    Result<int> merged = m_store->merge({a});
    ASSERT_TRUE(merged);
    EXPECT_EQ(*merged, 1);
    EXPECT_EQ(m_store->all()->front().interchange, a.interchange);
}

TEST_F(AnnotationStoreTest, AddFillsMissingTimesAndRefusesDuplicatesAndBadInput)
{
    Annotation a = sampleAnnotation(D1, 0);
    a.created = a.modified = QDateTime();
    ASSERT_TRUE(m_store->add(a));
    const Annotation stored = *m_store->find(a.id).value();
    EXPECT_TRUE(stored.created.isValid());
    EXPECT_EQ(stored.modified, stored.created);

    auto twice = m_store->add(a);
    ASSERT_FALSE(twice);
    EXPECT_TRUE(twice.error().message.contains(a.id));
    Annotation noDocument = sampleAnnotation(QString(), 0);
    EXPECT_FALSE(m_store->add(noDocument));
    Annotation missing = sampleAnnotation(D1, 0);
    auto updated = m_store->update(missing);
    ASSERT_FALSE(updated);
    EXPECT_TRUE(updated.error().message.contains(QStringLiteral("no annotation")));
    EXPECT_EQ(m_store->all()->size(), 1u);
}

TEST_F(AnnotationStoreTest, ForDocumentIsOrderedByStartAndHoldsOnlyThatDocument)
{
    for (int start : {500, 20, 300, 0, 120})
        added(D1, start);
    added(D2, 10);
    auto annotations = m_store->forDocument(D1);
    ASSERT_TRUE(annotations);
    std::vector<int> starts;
    for (const Annotation &a : *annotations)
        starts.push_back(a.selector.start);
    EXPECT_EQ(starts, (std::vector<int>{0, 20, 120, 300, 500}));
    EXPECT_TRUE(m_store->forDocument(QStringLiteral("frus1934v05/d99"))->empty());
}

TEST_F(AnnotationStoreTest, TagsAreUniqueIgnoringCaseAndCounted)
{
    added(D1, 0, {QStringLiteral("Cold War"), QStringLiteral("Berlin")});
    const Annotation second = added(D1, 10, {QStringLiteral("cold war"), QStringLiteral("COLD WAR ")});
    added(D2, 0, {QStringLiteral("Émigrés")});
    added(D2, 5, {QStringLiteral("émigrés")});

    auto tags = m_store->tags();
    ASSERT_TRUE(tags);
    ASSERT_EQ(tags->size(), 3u);
    EXPECT_EQ((*tags)[0].name, QStringLiteral("Berlin"));
    EXPECT_EQ((*tags)[0].count, 1);
    EXPECT_EQ((*tags)[1].name, QStringLiteral("Cold War")) << "a tag keeps the case it was first typed in";
    EXPECT_EQ((*tags)[1].count, 2);
    EXPECT_EQ((*tags)[2].name, QStringLiteral("Émigrés"));
    EXPECT_EQ((*tags)[2].count, 2);
    EXPECT_EQ(m_store->find(second.id)->value().tags, QStringList{QStringLiteral("Cold War")});

    // New tags take successive palette colours until one is set.
    EXPECT_NE((*tags)[0].color, (*tags)[1].color);
    for (const Tag &tag : *tags)
        EXPECT_TRUE(tag.color.startsWith(QLatin1Char('#')) && tag.color.size() == 7) << tag.color.toStdString();
    ASSERT_TRUE(m_store->setTagColor(QStringLiteral("COLD war"), QStringLiteral("#112233")));
    EXPECT_EQ(*m_store->tagColor(QStringLiteral("cold WAR")), QStringLiteral("#112233"));
    EXPECT_EQ(*m_store->tagColor(QStringLiteral("nonesuch")), QString());
    EXPECT_FALSE(m_store->setTagColor(QStringLiteral("Berlin"), QStringLiteral("red")));
}

TEST_F(AnnotationStoreTest, WithTagIgnoresCase)
{
    const Annotation a = added(D2, 0, {QStringLiteral("Silver")});
    const Annotation b = added(D1, 0, {QStringLiteral("silver"), QStringLiteral("Gold")});
    added(D1, 50, {QStringLiteral("Gold")});
    auto silver = m_store->withTag(QStringLiteral("SILVER"));
    ASSERT_TRUE(silver);
    ASSERT_EQ(silver->size(), 2u);
    EXPECT_EQ((*silver)[0].id, b.id); // by document, then position
    EXPECT_EQ((*silver)[1].id, a.id);
    EXPECT_TRUE(m_store->withTag(QStringLiteral("copper"))->empty());
}

TEST_F(AnnotationStoreTest, MergeByIdNewerWinsAndNeverDuplicates)
{
    const Annotation kept = added(D1, 0, {}, QStringLiteral("original"));
    Annotation newer = kept;
    newer.note = QStringLiteral("edited elsewhere, later");
    newer.modified = kept.modified.addSecs(3600);
    Annotation older = kept;
    older.note = QStringLiteral("edited elsewhere, earlier");
    older.modified = kept.modified.addSecs(-3600);
    const Annotation fresh = sampleAnnotation(D2, 7);

    auto merged = m_store->merge({older, fresh});
    ASSERT_TRUE(merged);
    EXPECT_EQ(*merged, 1);
    EXPECT_EQ(m_store->find(kept.id)->value().note, QStringLiteral("original"));

    merged = m_store->merge({newer, fresh, newer});
    ASSERT_TRUE(merged);
    EXPECT_EQ(*merged, 1);
    EXPECT_EQ(m_store->find(kept.id)->value().note, newer.note);
    EXPECT_EQ(m_store->all()->size(), 2u);
    EXPECT_EQ(*m_store->merge({newer, fresh}), 0) << "merging again changes nothing";
    EXPECT_EQ(search(QStringLiteral("later")).size(), 1u) << "the search row follows a merged edit";
    EXPECT_TRUE(search(QStringLiteral("original")).empty());
}

TEST_F(AnnotationStoreTest, SearchFindsNotesQuotesTagsAndDocuments)
{
    const Annotation note = added(D1, 0, {}, QStringLiteral("Ask about Bullitt's remark"));
    const Annotation quote = added(D1, 40, {}, QStringLiteral("x"), QStringLiteral("silver purchase program"));
    const Annotation tagged = added(D2, 0, {QStringLiteral("Leticia")}, QStringLiteral("y"));
    ASSERT_TRUE(m_documents->indexDocument(QStringLiteral("frus1934v05/d300"), QStringLiteral("The Chaco dispute"),
                                       QStringLiteral("The Minister in Paraguay reported on the Chaco war.")));

    auto hits = search(QStringLiteral("bullit"));
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].kind, StoreSearchHit::AnnotationHit);
    EXPECT_EQ(hits[0].annotationId, note.id);
    EXPECT_EQ(hits[0].document, D1);
    EXPECT_TRUE(hits[0].snippet.contains(QStringLiteral("«Bullitt»"))) << hits[0].snippet.toStdString();

    ASSERT_EQ(search(QStringLiteral("\"silver purchase\"")).size(), 1u);
    EXPECT_EQ(search(QStringLiteral("\"silver purchase\""))[0].annotationId, quote.id);
    EXPECT_TRUE(search(QStringLiteral("\"purchase silver\"")).empty()) << "a quoted phrase keeps its order";
    ASSERT_EQ(search(QStringLiteral("leticia")).size(), 1u);
    EXPECT_EQ(search(QStringLiteral("leticia"))[0].annotationId, tagged.id);

    hits = search(QStringLiteral("chaco paraguay"));
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].kind, StoreSearchHit::DocumentHit);
    EXPECT_EQ(hits[0].document, QStringLiteral("frus1934v05/d300"));
    EXPECT_TRUE(hits[0].snippet.contains(QStringLiteral("«Paraguay»"))) << hits[0].snippet.toStdString();
    EXPECT_TRUE(search(QStringLiteral("chaco bolivia")).empty()) << "words are ANDed";
}

TEST_F(AnnotationStoreTest, SearchRanksAnnotationsAndDocumentsTogether)
{
    added(D1, 0, {}, QStringLiteral("exchange exchange exchange"));
    ASSERT_TRUE(m_documents->indexDocument(D2, QStringLiteral("Title"),
                                       QStringLiteral("Exchange control, once, among many other words of a long text")));
    auto hits = search(QStringLiteral("exchange"));
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_LE(hits[0].rank, hits[1].rank);
}

TEST_F(AnnotationStoreTest, HostileQueryTextIsSearchedNotParsed)
{
    added(D1, 0, {}, QStringLiteral("NEAR the end AND beyond"));
    for (const char *query : {"\"NEAR( AND * ^", "NOT", ")(", "\"", "\"\"", "note:x", "*", "a OR", "^start",
                              "'; DROP TABLE annotations; --", "NEAR(a b, 3)", "{note exact}: x", "-", "\\"}) {
        const QString text = QString::fromUtf8(query);
        auto hits = m_store->search(text, 200, m_documents.get());
        EXPECT_TRUE(hits) << query << ": " << hits.error().toString().toStdString();
    }
    EXPECT_EQ(search(QStringLiteral("NEAR( AND")).size(), 1u) << "operators are words like any other";
    EXPECT_EQ(m_store->all()->size(), 1u);
}

TEST_F(AnnotationStoreTest, ReindexingADocumentReplacesItsText)
{
    EXPECT_FALSE(*m_documents->isDocumentIndexed(D1));
    ASSERT_TRUE(m_documents->indexDocument(D1, QStringLiteral("One"), QStringLiteral("tariff negotiations")));
    ASSERT_TRUE(m_documents->indexDocument(D1, QStringLiteral("One"), QStringLiteral("reciprocal trade")));
    EXPECT_TRUE(*m_documents->isDocumentIndexed(D1));
    EXPECT_TRUE(search(QStringLiteral("tariff")).empty());
    EXPECT_EQ(search(QStringLiteral("reciprocal")).size(), 1u);
}

TEST(StoreFtsQuery, QuotesWordsAsPrefixesAndKeepsPhrases)
{
    EXPECT_EQ(ftsQuery(QStringLiteral("cold \"war plan\" NEAR(")), QStringLiteral("\"cold\"* \"war plan\" \"NEAR(\"*"));
    EXPECT_EQ(ftsQuery(QStringLiteral("say\"\" “curly phrase”")), QStringLiteral("\"say\"* \"curly phrase\""));
    EXPECT_EQ(ftsQuery(QStringLiteral("* ^ - \"\" ( )")), QString());
    EXPECT_EQ(ftsQuery(QStringLiteral("O\"Neil")), QStringLiteral("\"O\"* \"Neil\""));
}

} // namespace
} // namespace marginalia

namespace marginalia {
namespace {

TEST(StoreSnippet, MarksEveryMatchAroundTheFirstIgnoringCaseAndAccents)
{
    const SnippetMaker snippets(searchTerms(QStringLiteral("peru \"trade agreement\"")));
    const QString text = QStringLiteral("The Minister in Perú reported.\nThe Trade  Agreement with Peruvian "
                                        "officials was signed; a trade agreements list followed.");
    EXPECT_EQ(snippets.snippet(text).toStdString(),
              "The Minister in «Perú» reported. The «Trade Agreement» with «Peruvian» officials was "
              "signed; a trade agreements list followed.")
        << "on one line; a phrase is not a prefix";
    EXPECT_EQ(snippets.snippet(QStringLiteral("nothing here")), QString());
    const QString longText = QString(QStringLiteral("word ")).repeated(400) + QStringLiteral("Peru")
        + QString(QStringLiteral(" word")).repeated(400);
    const QString around = snippets.snippet(longText);
    EXPECT_TRUE(around.startsWith(QStringLiteral("…word"))) << around.toStdString();
    EXPECT_TRUE(around.contains(QStringLiteral("«Peru»")));
    EXPECT_TRUE(around.endsWith(QStringLiteral("word…"))) << around.toStdString();
    EXPECT_LT(around.size(), 220);
}

TEST_F(AnnotationStoreTest, Issue9TheDocumentsTextIsInTheLibraryIndexNotTheAnnotationDatabase)
{
    ASSERT_TRUE(m_documents->indexDocument(D1, QStringLiteral("One"), QStringLiteral("reciprocal trade")));
    using test::tablesOf;
    EXPECT_FALSE(tablesOf(*m_db).contains(QStringLiteral("documents_fts")));
    EXPECT_TRUE(tablesOf(*m_catalog).contains(QStringLiteral("annotated_documents_fts")));
    EXPECT_EQ(search(QStringLiteral("reciprocal")).size(), 1u);
    // Without the index, the annotations are still searched and the document is not.
    auto alone = m_store->search(QStringLiteral("reciprocal"));
    ASSERT_TRUE(alone);
    EXPECT_TRUE(alone->empty());
}

} // namespace
} // namespace marginalia

// Issue 10: the library search finds what an independent scan of the volumes' text finds, with the
// query language, filters, sorting and cited-by, on the real volumes of tests/data.
#include "catalogfixture.h"

#include "model/readingtext.h"
#include "util/textfold.h"

#include <QRegularExpression>
#include <QSet>

// Sets of keys print as text when they differ.
static void PrintTo(const QString &text, std::ostream *os)
{
    *os << text.toStdString();
}

namespace marginalia::test {
namespace {

// A document's indexed text as the reader has it: its reading text (title line first) and its notes,
// folded as searches fold.
struct ScannedDocument {
    QString key; // volume#id
    QString folded;
};

class CatalogSearch : public CatalogFixture {
protected:
    void SetUp() override
    {
        CatalogFixture::SetUp();
        indexTestVolumes();
        m_catalog = open(DatabaseAccess::Read);
        for (const QString &name : {QStringLiteral("frus1934v05.xml"), QStringLiteral("frus1894Nicaragua.xml"),
                                    QStringLiteral("frus1961-63v09-d316-d318.xml")}) {
            m_volumes.push_back(load(name));
            for (const Document &doc : m_volumes.back().documents) {
                QString text = ReadingText(doc.body).text();
                for (const Footnote &note : doc.footnotes)
                    text += QStringLiteral("\n\n") + plainText(note.content);
                m_documents.push_back({m_volumes.back().id + QLatin1Char('#') + doc.id, foldForSearch(text)});
            }
        }
    }

    QSet<QString> scanFor(const QString &pattern) const
    {
        const QRegularExpression re(QStringLiteral("(?<![\\p{L}\\p{N}])(?:") + pattern + QStringLiteral(")(?![\\p{L}\\p{N}])"),
                                    QRegularExpression::UseUnicodePropertiesOption);
        QSet<QString> keys;
        for (const ScannedDocument &doc : m_documents) {
            if (re.match(doc.folded).hasMatch())
                keys.insert(doc.key);
        }
        return keys;
    }
    // Every word of the volumes that starts with `prefix` (folded).
    QSet<QString> wordsStartingWith(const QString &prefix) const
    {
        const QRegularExpression re(QStringLiteral("(?<![\\p{L}\\p{N}])") + prefix + QStringLiteral("[\\p{L}\\p{N}]*"),
                                    QRegularExpression::UseUnicodePropertiesOption);
        QSet<QString> words;
        for (const ScannedDocument &doc : m_documents) {
            for (auto it = re.globalMatch(doc.folded); it.hasNext();)
                words.insert(it.next().captured());
        }
        return words;
    }

    CatalogSearchResults search(CatalogQuery query)
    {
        if (query.limit == 50)
            query.limit = 100000;
        auto found = m_catalog->search(query);
        EXPECT_TRUE(found) << query.text.toStdString() << ": " << (found ? "" : found.error().toString().toStdString());
        return found ? *found : CatalogSearchResults{};
    }
    QSet<QString> keysFor(const QString &text)
    {
        CatalogQuery query;
        query.text = text;
        return keysOf(search(query));
    }
    static QSet<QString> keysOf(const CatalogSearchResults &results)
    {
        QSet<QString> keys;
        for (const CatalogHit &hit : results.results)
            keys.insert(hit.volume + QLatin1Char('#') + hit.id);
        EXPECT_EQ(keys.size(), results.total);
        return keys;
    }

    std::unique_ptr<Catalog> m_catalog;
    std::vector<Volume> m_volumes;
    std::vector<ScannedDocument> m_documents;
};

TEST_F(CatalogSearch, Issue10ARareWordFindsExactlyTheDocumentsHoldingIt)
{
    for (const QString &word : {QStringLiteral("Zelaya"), QStringLiteral("Tegucigalpa")}) {
        const QString folded = foldForSearch(word);
        // The word has no other forms in the volumes, so stemming cannot widen what the index finds,
        // nor does any other word start as it does.
        ASSERT_EQ(wordsStartingWith(folded.left(4)), QSet<QString>{folded});
        const QSet<QString> expected = scanFor(folded);
        ASSERT_GE(expected.size(), 5);
        CatalogQuery query;
        query.text = word;
        const CatalogSearchResults found = search(query);
        EXPECT_EQ(keysOf(found), expected) << word.toStdString();
        for (const CatalogHit &hit : found.results)
            EXPECT_TRUE(hit.snippet.contains(QStringLiteral("«") + word + QStringLiteral("»"))) << hit.snippet.toStdString();
        // Lower case, and as a prefix, the same.
        EXPECT_EQ(keysFor(word.toLower()), expected);
        EXPECT_EQ(keysFor(word.left(word.size() - 1) + QLatin1Char('*')), expected);
    }
}

TEST_F(CatalogSearch, Issue10APhraseFindsItsWordsInOrder)
{
    const QSet<QString> exact = scanFor(QStringLiteral("most[^\\p{L}\\p{N}]+favored[^\\p{L}\\p{N}]+nation"));
    const QSet<QString> loose = scanFor(QStringLiteral("most[^\\p{L}\\p{N}]+favou?red[^\\p{L}\\p{N}]+nations?"));
    ASSERT_GE(exact.size(), 10);
    const QSet<QString> found = keysFor(QStringLiteral("\"most favored nation\""));
    EXPECT_TRUE(found.contains(exact)) << found.size() << " of " << exact.size();
    EXPECT_TRUE(loose.contains(found));
    // Not a phrase: the three words anywhere in the document.
    EXPECT_GT(keysFor(QStringLiteral("most favored nation")).size(), found.size());
}

TEST_F(CatalogSearch, Issue10NotOrAndNearCombineAsWritten)
{
    const QSet<QString> tegucigalpa = scanFor(QStringLiteral("tegucigalpa"));
    const QSet<QString> honduras = scanFor(QStringLiteral("hondura|honduras"));
    const QSet<QString> zelaya = scanFor(QStringLiteral("zelaya"));
    const QSet<QString> without = tegucigalpa - honduras;
    ASSERT_FALSE(without.isEmpty());
    ASSERT_LT(without.size(), tegucigalpa.size());
    EXPECT_EQ(keysFor(QStringLiteral("Tegucigalpa NOT Honduras")), without);
    EXPECT_EQ(keysFor(QStringLiteral("Zelaya OR Tegucigalpa")), zelaya + tegucigalpa);
    EXPECT_EQ(keysFor(QStringLiteral("Tegucigalpa AND Honduras")), tegucigalpa & honduras);
    EXPECT_EQ(keysFor(QStringLiteral("(Zelaya OR Tegucigalpa) NOT Honduras")), (zelaya + tegucigalpa) - honduras);
    const QSet<QString> near = keysFor(QStringLiteral("NEAR(Tegucigalpa Legation, 5)"));
    EXPECT_FALSE(near.isEmpty());
    EXPECT_TRUE(tegucigalpa.contains(near));
    EXPECT_LT(near.size(), keysFor(QStringLiteral("Tegucigalpa Legation")).size());
}

TEST_F(CatalogSearch, Issue10AStemmedWordIsMarkedInItsOtherForms)
{
    CatalogQuery query;
    query.text = QStringLiteral("negotiate");
    query.limit = 20;
    const CatalogSearchResults found = search(query);
    ASSERT_EQ(found.results.size(), 20u);
    EXPECT_GT(found.total, 100);
    for (const CatalogHit &hit : found.results)
        EXPECT_TRUE(QRegularExpression(QStringLiteral("«[Nn]egotiat\\w*»")).match(hit.snippet).hasMatch()) << hit.snippet.toStdString();
    // Best first.
    for (std::size_t i = 1; i < found.results.size(); ++i)
        EXPECT_LE(found.results[i - 1].score, found.results[i].score);
}

TEST_F(CatalogSearch, Issue10DateFiltersCompareTheDocumentsDateSpan)
{
    const auto ids = [&](const QString &from, const QString &to, CatalogQuery::Sort sort = CatalogQuery::Sort::Relevance) {
        CatalogQuery query;
        query.text = QStringLiteral("Hodges");
        query.from = from;
        query.to = to;
        query.sort = sort;
        QStringList out;
        for (const CatalogHit &hit : search(query).results)
            out << hit.id;
        if (sort == CatalogQuery::Sort::Relevance)
            out.sort();
        return out;
    };
    // d316 1962-08-09, d317 1962-09-05, d318 1962-09-12.
    EXPECT_EQ(ids({}, {}), (QStringList{QStringLiteral("d316"), QStringLiteral("d317"), QStringLiteral("d318")}));
    EXPECT_EQ(ids(QStringLiteral("1962-09-01"), {}), (QStringList{QStringLiteral("d317"), QStringLiteral("d318")}));
    EXPECT_EQ(ids({}, QStringLiteral("1962-09-05")), (QStringList{QStringLiteral("d316"), QStringLiteral("d317")}));
    EXPECT_EQ(ids(QStringLiteral("1962-09-05"), QStringLiteral("1962-09-05")), QStringList{QStringLiteral("d317")});
    EXPECT_EQ(ids(QStringLiteral("1962-09"), QStringLiteral("1962-09")), (QStringList{QStringLiteral("d317"), QStringLiteral("d318")}));
    EXPECT_EQ(ids(QStringLiteral("1962"), QStringLiteral("1962")).size(), 3);
    EXPECT_TRUE(ids(QStringLiteral("1963"), {}).isEmpty());
    EXPECT_EQ(ids({}, {}, CatalogQuery::Sort::Date),
              (QStringList{QStringLiteral("d316"), QStringLiteral("d317"), QStringLiteral("d318")}));
    CatalogQuery query;
    query.text = QStringLiteral("Hodges");
    query.to = QStringLiteral("1962-9-5");
    auto refused = m_catalog->search(query);
    ASSERT_FALSE(refused);
    EXPECT_TRUE(refused.error().message.startsWith(QStringLiteral("not a date"))) << refused.error().message.toStdString();
    // The hit's date is the document's.
    query.to.clear();
    query.volume = QStringLiteral("frus1961-63v09");
    query.sort = CatalogQuery::Sort::Date;
    EXPECT_EQ(search(query).results.front().date, QStringLiteral("1962-08-09"));
}

TEST_F(CatalogSearch, Issue10DateFiltersAgreeWithAScanOfTheDocumentsDates)
{
    CatalogQuery query;
    query.from = QStringLiteral("1934-03");
    query.to = QStringLiteral("1934-04-15");
    QSet<QString> expected;
    for (const Volume &volume : m_volumes) {
        for (const Document &doc : volume.documents) {
            const QString from = (doc.dateFrom.isEmpty() ? doc.date : doc.dateFrom).left(10);
            const QString to = doc.dateTo.isEmpty() ? from : doc.dateTo.left(10);
            if (!from.isEmpty() && to >= QLatin1String("1934-03") && from <= QLatin1String("1934-04-15"))
                expected.insert(volume.id + QLatin1Char('#') + doc.id);
        }
    }
    ASSERT_GE(expected.size(), 10);
    EXPECT_EQ(keysOf(search(query)), expected);
}

TEST_F(CatalogSearch, Issue10FiltersByVolumeSubseriesKindAndPerson)
{
    const Volume &v1934 = m_volumes[0];
    CatalogQuery query;
    query.volume = v1934.id;
    EXPECT_EQ(search(query).total, int(v1934.documents.size()));
    query = {};
    for (const Volume &volume : m_volumes) {
        if (!volume.subseries.isEmpty())
            query.subseries = volume.subseries;
    }
    ASSERT_FALSE(query.subseries.isEmpty());
    int inSubseries = 0;
    for (const Volume &volume : m_volumes)
        inSubseries += volume.subseries == query.subseries ? int(volume.documents.size()) : 0;
    EXPECT_EQ(search(query).total, inSubseries);
    query = {};
    query.kind = QStringLiteral("document");
    query.volume = m_volumes[2].id;
    EXPECT_EQ(search(query).total, 3);
    query.kind = QStringLiteral("editorial-note");
    EXPECT_EQ(search(query).total, 0);

    // Every document that names the person, and no other.
    query = {};
    query.person = QStringLiteral("p_RD3");
    QSet<QString> expected;
    for (const Volume &volume : m_volumes) {
        for (const Document &doc : volume.documents) {
            for (const EntityRef &e : doc.entities) {
                if (e.kind == EntityRef::Person && e.id == query.person)
                    expected.insert(volume.id + QLatin1Char('#') + doc.id);
            }
        }
    }
    ASSERT_FALSE(expected.isEmpty());
    EXPECT_EQ(keysOf(search(query)), expected);
    query.text = QStringLiteral("Zelaya");
    EXPECT_EQ(search(query).total, 0);
}

TEST_F(CatalogSearch, Issue10TotalCountsEveryMatchAndLimitAndOffsetPage)
{
    CatalogQuery query;
    query.text = QStringLiteral("Tegucigalpa");
    query.limit = 100000;
    const CatalogSearchResults all = search(query);
    ASSERT_GT(all.total, 12);
    query.limit = 5;
    query.offset = 5;
    auto page = m_catalog->search(query);
    ASSERT_TRUE(page);
    EXPECT_EQ(page->total, all.total);
    ASSERT_EQ(page->results.size(), 5u);
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(page->results[std::size_t(i)].id, all.results[std::size_t(i + 5)].id);
    query.offset = all.total;
    EXPECT_TRUE(m_catalog->search(query)->results.empty());
}

TEST_F(CatalogSearch, Issue10AQueryTheSyntaxDoesNotAllowGetsAPlainMessage)
{
    for (const QString &text : {QStringLiteral("\"Cuba"), QStringLiteral("Cuba NOT"), QStringLiteral("(Cuba"),
                                QStringLiteral("NEAR(Cuba, x)"), QStringLiteral("AND")}) {
        CatalogQuery query;
        query.text = text;
        auto found = m_catalog->search(query);
        ASSERT_FALSE(found) << text.toStdString();
        const QString message = found.error().toString();
        EXPECT_FALSE(message.contains(QStringLiteral("fts5"), Qt::CaseInsensitive)) << message.toStdString();
        EXPECT_FALSE(message.contains(QStringLiteral("syntax error"), Qt::CaseInsensitive)) << message.toStdString();
        EXPECT_FALSE(message.isEmpty());
    }
    // FTS5's own syntax typed by the user is only words.
    EXPECT_TRUE(keysFor(QStringLiteral("title:Cuba")).size() >= 0);
    EXPECT_EQ(keysFor(QStringLiteral("^Zelaya")), scanFor(QStringLiteral("zelaya")));
}

TEST_F(CatalogSearch, Issue10CitedByListsExactlyTheCitingDocuments)
{
    const Volume &volume = m_volumes[2];
    for (const Document &cited : volume.documents) {
        QSet<QString> expected;
        for (const Document &doc : volume.documents) {
            if (doc.id == cited.id)
                continue;
            for (const CrossReference &ref : doc.crossReferences) {
                QString target = ref.target;
                if (ref.kind == ReferenceKind::Footnote && volume.ids.contains(ref.target))
                    target = volume.documents[std::size_t(volume.ids.value(ref.target).document)].id;
                else if (ref.kind != ReferenceKind::Document)
                    continue;
                if (ref.volume.isEmpty() && target == cited.id)
                    expected.insert(doc.id);
            }
        }
        auto citing = m_catalog->citedBy(volume.id, cited.id);
        ASSERT_TRUE(citing);
        QSet<QString> found;
        for (const CitingDocument &c : *citing) {
            EXPECT_EQ(c.volume, volume.id);
            EXPECT_FALSE(c.sentence.isEmpty());
            found.insert(c.id);
        }
        EXPECT_EQ(found, expected) << cited.id.toStdString();
    }
    auto d316 = m_catalog->citedBy(volume.id, QStringLiteral("d316"));
    ASSERT_EQ(d316->size(), 1u);
    EXPECT_EQ(d316->front().id, QStringLiteral("d317"));
    EXPECT_EQ(d316->front().number, QStringLiteral("317"));
    EXPECT_TRUE(d316->front().inNote);
    // The note says only "Document 316."; the sentence is the one its marker ends.
    EXPECT_TRUE(d316->front().sentence.contains(QStringLiteral("code of fair practices"))) << d316->front().sentence.toStdString();
    EXPECT_TRUE(m_catalog->citedBy(QStringLiteral("frus1999none"), QStringLiteral("d1"))->empty());
}

TEST_F(CatalogSearch, Issue10AVolumesDocumentsAndGlossariesAreListedAsTheFileHasThem)
{
    for (const Volume &volume : m_volumes) {
        auto documents = m_catalog->documents(volume.id);
        ASSERT_TRUE(documents);
        ASSERT_EQ(documents->size(), volume.documents.size()) << volume.id.toStdString();
        for (std::size_t i = 0; i < volume.documents.size(); ++i) {
            const Document &doc = volume.documents[i];
            const CatalogDocumentInfo &info = (*documents)[i];
            EXPECT_EQ(info.id, doc.id);
            EXPECT_EQ(info.number, doc.number);
            EXPECT_EQ(info.title, doc.title);
            EXPECT_EQ(info.place, doc.place);
            EXPECT_EQ(info.firstPage, doc.firstPage);
            EXPECT_EQ(info.footnotes, int(doc.footnotes.size()));
            EXPECT_EQ(info.division, doc.division >= 0 ? volume.divisions[std::size_t(doc.division)].title : QString());
            EXPECT_EQ(info.dateFrom, (doc.dateFrom.isEmpty() ? doc.date : doc.dateFrom).left(10)) << doc.id.toStdString();
        }
        auto persons = m_catalog->persons(volume.id);
        ASSERT_TRUE(persons);
        ASSERT_EQ(persons->size(), std::size_t(volume.persons.size()));
        for (const CatalogGlossaryEntry &entry : *persons) {
            ASSERT_TRUE(volume.persons.contains(entry.id));
            EXPECT_EQ(entry.name, volume.persons.value(entry.id).name);
            EXPECT_EQ(entry.description, volume.persons.value(entry.id).description);
        }
        EXPECT_EQ(m_catalog->terms(volume.id)->size(), std::size_t(volume.terms.size()));
    }
    EXPECT_TRUE(m_catalog->documents(QStringLiteral("frus1999none"))->empty());
}

TEST_F(CatalogSearch, Issue10TheOutlineAndPathOfAVolumeAreKept)
{
    auto path = m_catalog->volumePath(QStringLiteral("frus1894Nicaragua"));
    ASSERT_TRUE(path);
    EXPECT_EQ(*path, QDir(volumesPath()).filePath(QStringLiteral("frus1894Nicaragua.xml")));
    EXPECT_TRUE(m_catalog->volumeOutline(QStringLiteral("frus1894Nicaragua")));
    EXPECT_FALSE(m_catalog->volumeOutline(QStringLiteral("frus1999none")));
    EXPECT_FALSE(m_catalog->volumePath(QStringLiteral("frus1999none")));
}

// Above CatalogQuery::rankAtMost matches, the ranking scores a spread sample of that many: every result
// is a match, in score order, the total still counts every match, and the sample reaches beyond the
// volumes indexed first.
TEST_F(CatalogSearch, Issue10ManyMatchesAreRankedFromASampleSpreadOverTheLibrary)
{
    CatalogQuery query;
    query.text = QStringLiteral("government");
    const CatalogSearchResults every = search(query);
    ASSERT_GT(every.total, 200);
    const QSet<QString> matching = keysOf(every);
    query.rankAtMost = 100;
    query.limit = 30;
    auto sampled = m_catalog->search(query);
    ASSERT_TRUE(sampled) << sampled.error().toString().toStdString();
    EXPECT_EQ(sampled->total, every.total);
    ASSERT_EQ(sampled->results.size(), 30u);
    QSet<QString> volumes;
    for (std::size_t i = 0; i < sampled->results.size(); ++i) {
        const CatalogHit &hit = sampled->results[i];
        EXPECT_TRUE(matching.contains(hit.volume + QLatin1Char('#') + hit.id)) << hit.id.toStdString();
        if (i > 0) {
            EXPECT_LE(sampled->results[i - 1].score, hit.score);
        }
        EXPECT_FALSE(hit.snippet.isEmpty());
        volumes.insert(hit.volume);
    }
    EXPECT_GE(volumes.size(), 2) << "the sample is not only the first volume's";
    // At or below the limit, the ranking is the exact one.
    query.rankAtMost = every.total;
    auto exact = m_catalog->search(query);
    ASSERT_TRUE(exact);
    for (std::size_t i = 0; i < exact->results.size(); ++i)
        EXPECT_EQ(exact->results[i].id, every.results[i].id);
}

// A common word sorted by date walks the documents in date order (the plan for many matches): the
// first page is the one sorting every match gives, undated documents last.
TEST_F(CatalogSearch, Issue10ACommonWordByDateListsTheSameFirstPageAsSortingEveryMatch)
{
    CatalogQuery query;
    query.text = QStringLiteral("the");
    query.sort = CatalogQuery::Sort::Date;
    const CatalogSearchResults every = search(query);
    ASSERT_GT(every.total * 50, 1000) << "a word in over 2 % of the documents";
    EXPECT_EQ(keysOf(every), scanFor(QStringLiteral("the"))) << "every match, no more";
    std::vector<const CatalogHit *> expected;
    for (const CatalogHit &hit : every.results)
        expected.push_back(&hit);
    // Independently: by date (ISO text), undated last, then by volume id, keeping file order within.
    std::stable_sort(expected.begin(), expected.end(), [](const CatalogHit *a, const CatalogHit *b) {
        if (a->date.isEmpty() != b->date.isEmpty())
            return b->date.isEmpty();
        const QString da = a->date.section(QLatin1Char('/'), 0, 0), db = b->date.section(QLatin1Char('/'), 0, 0);
        return da != db ? da < db : a->volume < b->volume;
    });
    for (int offset : {0, 37}) {
        query.limit = 50;
        query.offset = offset;
        auto page = m_catalog->search(query);
        ASSERT_TRUE(page) << page.error().toString().toStdString();
        ASSERT_EQ(page->results.size(), 50u);
        for (std::size_t i = 0; i < 50; ++i) {
            EXPECT_EQ(page->results[i].volume + page->results[i].id,
                      expected[i + std::size_t(offset)]->volume + expected[i + std::size_t(offset)]->id)
                << "at " << i + std::size_t(offset);
        }
    }
}

} // namespace
} // namespace marginalia::test

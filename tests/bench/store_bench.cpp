// The annotation store's speed goals from issue 4, with 100,000 annotations in the store: loading one
// document's annotations <= 5 ms, adding one durably (synchronous=FULL) <= 1 ms, and an FTS query over a
// whole volume (frus1934v05, 639 documents) plus 10,000 notes <= 5 ms. The stores are built once per
// run in a temporary folder, in large transactions (merge), which is not what is being measured.
#include "model/annotation.h"
#include "model/readingtext.h"
#include "model/richtext.h"
#include "parse/volumeloader.h"
#include "store/annotationstore.h"
#include "store/annotationschema.h"
#include "store/catalogschema.h"
#include "store/database.h"
#include "store/documenttextstore.h"
#include "store/syncledger.h"

#include <QRandomGenerator>
#include <QStringList>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <memory>

namespace marginalia {
namespace {

constexpr int AnnotationCount = 100000;
constexpr int PerDocument = 150;
constexpr int DocumentCount = AnnotationCount / PerDocument;

const QStringList &vocabulary()
{
    static const QStringList words = QStringLiteral(
        "ambassador minister embassy silver exchange tariff treaty boundary dispute Chaco Leticia Paraguay "
        "Bolivia Colombia Peru recognition loan bonds debt default claims petroleum concession arbitration "
        "league commission neutral mediation cable telegram memorandum conversation secretary president "
        "note check source compare earlier draft later revision missing enclosure footnote citation")
                                          .split(QLatin1Char(' '));
    return words;
}

QString randomNote(QRandomGenerator &random, int words)
{
    QStringList note;
    for (int i = 0; i < words; ++i)
        note << vocabulary().at(int(random.bounded(vocabulary().size())));
    return note.join(QLatin1Char(' '));
}

Annotation benchAnnotation(QRandomGenerator &random, const QString &document, int start)
{
    Annotation a;
    a.id = newAnnotationId();
    a.document = document;
    a.selector = TextSelector{QString(), randomNote(random, 4), randomNote(random, 5), randomNote(random, 5), start,
                              start + 30};
    a.color = QStringLiteral("#F6D55C");
    a.note = randomNote(random, 12);
    a.tags = {QStringLiteral("Tag %1").arg(random.bounded(40)), QStringLiteral("Topic %1").arg(random.bounded(15))};
    a.author = QStringLiteral("bench");
    a.created = a.modified = QDateTime::currentDateTimeUtc();
    return a;
}

// Adds in chunks, each one transaction.
bool fill(AnnotationStore &store, std::vector<Annotation> &batch)
{
    const bool ok = store.merge(batch).has_value();
    batch.clear();
    return ok;
}

struct BigStore {
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    std::unique_ptr<AnnotationStore> store;
    QString error;

    BigStore()
    {
        auto opened = Database::open(annotationSchema(), dir.filePath(QStringLiteral("big.sqlite")));
        if (!opened) {
            error = opened.error().toString();
            return;
        }
        db = std::move(*opened);
        store = std::make_unique<AnnotationStore>(*db);
        QRandomGenerator random(1934);
        std::vector<Annotation> batch;
        for (int i = 0; i < AnnotationCount; ++i) {
            // Documents interleaved, as annotations made over months would be.
            batch.push_back(benchAnnotation(random, QStringLiteral("frus1934v05/d%1").arg(i % DocumentCount),
                                            int(random.bounded(60000))));
            if (batch.size() == 10000 && !fill(*store, batch))
                error = QStringLiteral("filling the store failed");
        }
        if (!batch.empty() && !fill(*store, batch))
            error = QStringLiteral("filling the store failed");
    }

    static BigStore &instance()
    {
        static BigStore big;
        return big;
    }
};

struct SearchStore {
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    std::unique_ptr<AnnotationStore> store;
    std::unique_ptr<Database> catalog;
    std::unique_ptr<DocumentTextStore> documents;
    QString error;

    SearchStore()
    {
        Result<Volume> volume = loadVolume(QStringLiteral(MARGINALIA_TEST_DATA "/frus1934v05.xml"));
        auto opened = Database::open(annotationSchema(), dir.filePath(QStringLiteral("search.sqlite")));
        if (!volume || !opened) {
            error = !volume ? volume.error().toString() : opened.error().toString();
            return;
        }
        db = std::move(*opened);
        store = std::make_unique<AnnotationStore>(*db);
        auto catalogOpened = Database::open(catalogSchema(), dir.filePath(QStringLiteral("catalog.sqlite")));
        if (!catalogOpened) {
            error = catalogOpened.error().toString();
            return;
        }
        catalog = std::move(*catalogOpened);
        documents = std::make_unique<DocumentTextStore>(*catalog);
        for (const Document &document : volume->documents) {
            QString text = ReadingText(document.body).text();
            for (const Footnote &footnote : document.footnotes)
                text += QStringLiteral("\n\n") + plainText(footnote.content);
            const QString key = volume->id + QLatin1Char('/') + document.id;
            if (!documents->indexDocument(key, document.title, text))
                error = QStringLiteral("indexing failed");
        }
        QRandomGenerator random(1961);
        std::vector<Annotation> batch;
        for (int i = 0; i < 10000; ++i)
            batch.push_back(benchAnnotation(random, QStringLiteral("frus1934v05/d%1").arg(i % 639 + 1), i));
        if (!fill(*store, batch))
            error = QStringLiteral("adding notes failed");
    }

    static SearchStore &instance()
    {
        static SearchStore search;
        return search;
    }
};

void BM_LoadDocumentAnnotations(benchmark::State &state)
{
    BigStore &big = BigStore::instance();
    if (!big.error.isEmpty()) {
        state.SkipWithError(qPrintable(big.error));
        return;
    }
    QRandomGenerator random(317);
    std::size_t loaded = 0;
    for (auto _ : state) {
        const QString key = QStringLiteral("frus1934v05/d%1").arg(random.bounded(DocumentCount));
        auto annotations = big.store->forDocument(key);
        loaded = annotations ? annotations->size() : 0;
        benchmark::DoNotOptimize(loaded);
    }
    state.counters["annotations"] = double(loaded);
}
BENCHMARK(BM_LoadDocumentAnnotations)->Unit(benchmark::kMillisecond);

void BM_AddAnnotationDurable(benchmark::State &state)
{
    BigStore &big = BigStore::instance();
    if (!big.error.isEmpty()) {
        state.SkipWithError(qPrintable(big.error));
        return;
    }
    QRandomGenerator random(704);
    for (auto _ : state) {
        state.PauseTiming();
        const Annotation a = benchAnnotation(random, QStringLiteral("frus1934v05/d%1").arg(random.bounded(DocumentCount)),
                                             int(random.bounded(60000)));
        state.ResumeTiming();
        if (!big.store->add(a)) {
            state.SkipWithError("add failed");
            return;
        }
    }
}
BENCHMARK(BM_AddAnnotationDurable)->Unit(benchmark::kMillisecond);

// Issue 14: the local half of a new machine's first sync of a 100,000-annotation team (scripts/bench-team.sh
// measures the whole, server included): the pulled rows written into an empty annotation database.
void BM_ApplyFirstPull(benchmark::State &state)
{
    QRandomGenerator random(14);
    std::vector<TeamRow> rows;
    rows.reserve(AnnotationCount);
    for (int i = 0; i < AnnotationCount; ++i) {
        TeamRow row{benchAnnotation(random, QStringLiteral("frus1934v05/d%1").arg(i / PerDocument), (i % PerDocument) * 40),
                    false, i + 1};
        // Most of a team's annotations carry no tag; one in ten here does.
        if (i % 10 != 0)
            row.annotation.tags.clear();
        rows.push_back(std::move(row));
    }
    int applied = 0;
    for (auto _ : state) {
        state.PauseTiming();
        QTemporaryDir dir;
        auto db = Database::open(annotationSchema(), dir.filePath(QStringLiteral("fresh.sqlite")));
        if (!db) {
            state.SkipWithError(qPrintable(db.error().toString()));
            return;
        }
        SyncLedger ledger(**db);
        state.ResumeTiming();
        Result<LedgerCounts> counts = ledger.applyPulled(rows, 0, AnnotationCount);
        if (!counts) {
            state.SkipWithError(qPrintable(counts.error().toString()));
            return;
        }
        applied = counts->applied;
    }
    state.counters["annotations"] = double(applied);
}
BENCHMARK(BM_ApplyFirstPull)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_OpenBigDatabase(benchmark::State &state)
{
    BigStore &big = BigStore::instance();
    if (!big.error.isEmpty()) {
        state.SkipWithError(qPrintable(big.error));
        return;
    }
    for (auto _ : state) {
        auto db = Database::open(annotationSchema(), big.db->path()); // includes PRAGMA quick_check
        if (!db) {
            state.SkipWithError(qPrintable(db.error().toString()));
            return;
        }
    }
}
BENCHMARK(BM_OpenBigDatabase)->Unit(benchmark::kMillisecond);

void BM_SearchVolumePlusNotes(benchmark::State &state, const char *query)
{
    SearchStore &search = SearchStore::instance();
    if (!search.error.isEmpty()) {
        state.SkipWithError(qPrintable(search.error));
        return;
    }
    const QString text = QString::fromUtf8(query);
    std::size_t hits = 0;
    std::size_t documents = 0;
    for (auto _ : state) {
        auto found = search.store->search(text, 200, search.documents.get());
        if (!found) {
            state.SkipWithError(qPrintable(found.error().toString()));
            return;
        }
        hits = found->size();
        documents = std::size_t(std::count_if(found->begin(), found->end(), [](const StoreSearchHit &hit) {
            return hit.kind == StoreSearchHit::DocumentHit;
        }));
    }
    state.counters["hits"] = double(hits);
    state.counters["documents"] = double(documents);
}
// A common word in the volume (117 documents) and the notes (about 3,000): the best 200 of them.
BENCHMARK_CAPTURE(BM_SearchVolumePlusNotes, exchange, "exchange")->Unit(benchmark::kMillisecond);
// Only in the volume, in a few documents.
BENCHMARK_CAPTURE(BM_SearchVolumePlusNotes, rare, "Sevier")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SearchVolumePlusNotes, two_words, "exchange control")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SearchVolumePlusNotes, phrase, "\"most favored nation\"")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SearchVolumePlusNotes, prefix, "arbitr")->Unit(benchmark::kMillisecond);

} // namespace
} // namespace marginalia

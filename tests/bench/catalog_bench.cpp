// Issue 10: the library index's speed and size. Indexing copies of frus1934v05.xml with distinct volume
// ids (goal: >= 40 MB/s of TEI on 2 cores, index <= 0.6 x the TEI), and searching them with the first 50
// results and their snippets (goal: median <= 10 ms). The copies and, for the searches, the index are made
// once per run in a temporary folder.
#include "catalog/catalog.h"
#include "catalog/catalogindexer.h"
#include "support/testdata.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <memory>

namespace marginalia {
namespace {

constexpr int Copies = 12;

struct Corpus {
    QTemporaryDir dir;
    QString volumes;
    qint64 bytes = 0;

    Corpus()
    {
        volumes = dir.filePath(QStringLiteral("volumes"));
        QDir().mkpath(volumes);
        const QByteArray original = test::readData(QStringLiteral("frus1934v05.xml"));
        for (int i = 0; i < Copies; ++i) {
            QByteArray data = original;
            const QString id = QStringLiteral("frus1934v%1").arg(50 + i);
            data.replace("frus1934v05", id.toUtf8());
            QFile file(QDir(volumes).filePath(id + QStringLiteral(".xml")));
            if (file.open(QIODevice::WriteOnly))
                bytes += file.write(data);
        }
    }
    static Corpus &shared()
    {
        static Corpus corpus;
        return corpus;
    }
};

bool buildIndex(const QString &library, const Corpus &corpus, int threads)
{
    (void)Catalog::discard(library);
    {
        auto catalog = Catalog::open(library, DatabaseAccess::Write);
        if (!catalog || !(*catalog)->addSources({corpus.volumes}))
            return false;
    }
    IndexOptions options;
    options.threads = threads;
    auto report = indexCatalog(library, options);
    return report && report->indexed == Copies;
}

void BM_CatalogIndex(benchmark::State &state)
{
    Corpus &corpus = Corpus::shared();
    const QString library = corpus.dir.filePath(QStringLiteral("index-bench.sqlite"));
    for (auto _ : state) {
        if (!buildIndex(library, corpus, int(state.range(0)))) {
            state.SkipWithError("indexing failed");
            return;
        }
    }
    state.SetBytesProcessed(state.iterations() * corpus.bytes);
    state.counters["index_per_tei"] = double(QFileInfo(library).size()) / double(corpus.bytes);
}
BENCHMARK(BM_CatalogIndex)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

// The searches run on $MARGINALIA_BENCH_LIBRARY when set (an index built beforehand, of any size),
// else on an index of the copies.
const Catalog *searchCatalog()
{
    static std::unique_ptr<Catalog> catalog = [] {
        const QString given = qEnvironmentVariable("MARGINALIA_BENCH_LIBRARY");
        if (!given.isEmpty()) {
            auto opened = Catalog::open(given, DatabaseAccess::Read);
            return opened ? std::move(opened).value() : std::unique_ptr<Catalog>();
        }
        Corpus &corpus = Corpus::shared();
        const QString library = corpus.dir.filePath(QStringLiteral("search-bench.sqlite"));
        std::unique_ptr<Catalog> opened;
        if (buildIndex(library, corpus, 2)) {
            if (auto c = Catalog::open(library, DatabaseAccess::Read))
                opened = std::move(c).value();
        }
        return opened;
    }();
    return catalog.get();
}

void runSearch(benchmark::State &state, const QString &text, const QString &from = {}, const QString &to = {})
{
    if (!searchCatalog()) {
        state.SkipWithError("no library index");
        return;
    }
    const Catalog &catalog = *searchCatalog();
    CatalogQuery query;
    query.text = text;
    query.from = from;
    query.to = to;
    int total = 0;
    for (auto _ : state) {
        auto found = catalog.search(query);
        if (!found) {
            state.SkipWithError(found.error().toString().toStdString().c_str());
            return;
        }
        total = found->total;
        benchmark::DoNotOptimize(found->results.data());
    }
    state.counters["total"] = total;
}

void BM_CatalogSearchCommonWord(benchmark::State &state) { runSearch(state, QStringLiteral("government")); }
void BM_CatalogSearchRareWord(benchmark::State &state) { runSearch(state, QStringLiteral("Tegucigalpa")); }
void BM_CatalogSearchPhrase(benchmark::State &state) { runSearch(state, QStringLiteral("\"trade agreement\"")); }
void BM_CatalogSearchPrefix(benchmark::State &state) { runSearch(state, QStringLiteral("negotiat*")); }
void BM_CatalogSearchCommonWordInAMonth(benchmark::State &state)
{
    runSearch(state, QStringLiteral("government"), QStringLiteral("1934-05"), QStringLiteral("1934-05"));
}
BENCHMARK(BM_CatalogSearchCommonWord)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CatalogSearchRareWord)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CatalogSearchPhrase)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CatalogSearchPrefix)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CatalogSearchCommonWordInAMonth)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace marginalia

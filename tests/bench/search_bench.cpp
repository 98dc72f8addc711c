// Library search over a whole modern-size volume (frus1934v05, 3.5 MB): issue 3 asks for well under
// 100 ms for a common word. Each run folds every text afresh, as a real search does (nothing is cached).
#include "library/library.h"
#include "parse/teiparser.h"
#include "search/librarysearch.h"

#include <QFile>
#include <QString>

#include <benchmark/benchmark.h>

#include <memory>

namespace marginalia {
namespace {

std::shared_ptr<const Volume> loadFrus1934v05()
{
    QFile file(QStringLiteral(MARGINALIA_TEST_DATA "/frus1934v05.xml"));
    if (!file.open(QIODevice::ReadOnly))
        return nullptr;
    Result<Volume> volume = TeiParser::parse(file.readAll(), file.fileName());
    return volume ? std::make_shared<const Volume>(std::move(*volume)) : nullptr;
}

void BM_SearchFrus1934v05(benchmark::State &state, const char *query, bool wholeWords)
{
    static const std::shared_ptr<const Volume> volume = loadFrus1934v05();
    if (!volume) {
        state.SkipWithError("frus1934v05.xml missing or unreadable");
        return;
    }
    Library library;
    library.add(volume);
    SearchOptions options;
    options.wholeWords = wholeWords;
    const QString text = QString::fromUtf8(query);
    std::size_t hits = 0;
    for (auto _ : state) {
        const std::vector<SearchHit> found = searchLibrary(library, text, options);
        hits = found.size();
        benchmark::DoNotOptimize(found.data());
    }
    state.counters["hits"] = double(hits);
}

// A common word: 506 hits, all of them with context.
BENCHMARK_CAPTURE(BM_SearchFrus1934v05, exchange, "exchange", false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SearchFrus1934v05, exchange_wholeWords, "exchange", true)
    ->Unit(benchmark::kMillisecond);
// A rare word: the cost is folding and scanning the whole volume.
BENCHMARK_CAPTURE(BM_SearchFrus1934v05, rare, "Leticia", false)->Unit(benchmark::kMillisecond);
// A very common word hits maxHits (2000) early: the search stops there.
BENCHMARK_CAPTURE(BM_SearchFrus1934v05, the_maxHits, "the", false)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace marginalia

// Issue 10 in the window: what the search pane and "Cited by" cost on the library index of the three test
// volumes. CitedBy is the lookup the window runs on the UI thread at every document change (kept there
// while it stays far below a frame); OpenForReading is what each CatalogSearchJob run adds to its search
// by opening its own connection; SearchPane is one pane search (200 results with snippets) with that open.
#include "catalog/catalog.h"
#include "catalog/catalogindexer.h"
#include "support/testdata.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <memory>

namespace marginalia {
namespace {

struct TestLibrary {
    QTemporaryDir dir;
    QString path;
    bool ok = false;

    TestLibrary()
    {
        const QString volumes = dir.filePath(QStringLiteral("volumes"));
        QDir().mkpath(volumes);
        for (const char *name : {"frus1934v05.xml", "frus1894Nicaragua.xml", "frus1961-63v09-d316-d318.xml"}) {
            QFile file(QDir(volumes).filePath(QString::fromLatin1(name)));
            if (file.open(QIODevice::WriteOnly))
                file.write(test::readData(QString::fromLatin1(name)));
        }
        path = dir.filePath(QStringLiteral("library.sqlite"));
        {
            auto catalog = Catalog::open(path, DatabaseAccess::Write);
            if (!catalog || !(*catalog)->addSources({volumes}))
                return;
        }
        auto report = indexCatalog(path, {});
        ok = report && report->indexed == 3;
    }
    static TestLibrary &shared()
    {
        static TestLibrary library;
        return library;
    }
};

void BM_LibraryPaneCitedBy(benchmark::State &state)
{
    TestLibrary &library = TestLibrary::shared();
    auto catalog = Catalog::open(library.path, DatabaseAccess::Read);
    if (!library.ok || !catalog) {
        state.SkipWithError("no index");
        return;
    }
    std::size_t found = 0;
    for (auto _ : state) {
        auto citing = (*catalog)->citedBy(QStringLiteral("frus1961-63v09"), QStringLiteral("d316"));
        found = citing ? citing->size() : 0;
        benchmark::DoNotOptimize(found);
    }
    state.counters["citing"] = double(found);
}
BENCHMARK(BM_LibraryPaneCitedBy)->Unit(benchmark::kMicrosecond);

void BM_LibraryPaneOpenForReading(benchmark::State &state)
{
    TestLibrary &library = TestLibrary::shared();
    for (auto _ : state) {
        auto catalog = Catalog::open(library.path, DatabaseAccess::Read);
        if (!catalog) {
            state.SkipWithError("cannot open the index");
            return;
        }
        benchmark::DoNotOptimize(catalog->get());
    }
}
BENCHMARK(BM_LibraryPaneOpenForReading)->Unit(benchmark::kMicrosecond);

void BM_LibraryPaneSearchWithOpen(benchmark::State &state)
{
    TestLibrary &library = TestLibrary::shared();
    CatalogQuery query;
    query.text = QStringLiteral("trade");
    query.limit = 200;
    int total = 0;
    for (auto _ : state) {
        auto catalog = Catalog::open(library.path, DatabaseAccess::Read);
        auto found = catalog ? (*catalog)->search(query) : Result<CatalogSearchResults>(fail({}, 0, 0, QString()));
        if (!found) {
            state.SkipWithError("search failed");
            return;
        }
        total = found->total;
    }
    state.counters["total"] = total;
}
BENCHMARK(BM_LibraryPaneSearchWithOpen)->Unit(benchmark::kMillisecond);

// The same search on a connection kept open, for the difference.
void BM_LibraryPaneSearchOnly(benchmark::State &state)
{
    TestLibrary &library = TestLibrary::shared();
    auto catalog = Catalog::open(library.path, DatabaseAccess::Read);
    if (!catalog) {
        state.SkipWithError("no index");
        return;
    }
    CatalogQuery query;
    query.text = QStringLiteral("trade");
    query.limit = 200;
    for (auto _ : state)
        benchmark::DoNotOptimize((*catalog)->search(query));
}
BENCHMARK(BM_LibraryPaneSearchOnly)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace marginalia

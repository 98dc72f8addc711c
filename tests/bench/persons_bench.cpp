// Issue 10, item 4: reading the persons of the whole series' glossaries for the window's person filter
// (CatalogPersonsJob's work, off the UI thread): opening the index and CatalogStore::persons.
#include "personsindex.h"

#include "catalog/catalog.h"

#include <benchmark/benchmark.h>

namespace marginalia {
namespace {

void BM_CatalogPersonsOfTheSeries(benchmark::State &state)
{
    const QString path = bench::personsIndex();
    if (path.isEmpty()) {
        state.SkipWithError("the index could not be made");
        return;
    }
    std::size_t persons = 0;
    for (auto _ : state) {
        auto catalog = Catalog::open(path, DatabaseAccess::Read);
        auto found = catalog ? (*catalog)->allPersons() : Result<std::vector<CatalogPerson>>(fail(path, 0, 0, QString()));
        if (!found) {
            state.SkipWithError("the persons could not be read");
            return;
        }
        persons = found->size();
        benchmark::DoNotOptimize(found->data());
    }
    state.counters["persons"] = double(persons);
}
BENCHMARK(BM_CatalogPersonsOfTheSeries)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace marginalia

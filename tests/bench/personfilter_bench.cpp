// Issue 10, item 4: what the person filter does on the UI thread with the whole series' persons (28,250
// ids): taking the list the job read, and completing a part of a name at a keystroke.
#include "catalogfilterbar.h"
#include "personsindex.h"

#include "catalog/catalog.h"

#include <QCompleter>

#include <benchmark/benchmark.h>

namespace marginalia {
namespace {

std::vector<CatalogPerson> seriesPersons()
{
    auto catalog = Catalog::open(bench::personsIndex(), DatabaseAccess::Read);
    auto persons = catalog ? (*catalog)->allPersons() : Result<std::vector<CatalogPerson>>(fail(QString(), 0, 0, QString()));
    return persons ? *persons : std::vector<CatalogPerson>{};
}

void BM_PersonFilterTakesTheSeriesPersons(benchmark::State &state)
{
    const std::vector<CatalogPerson> persons = seriesPersons();
    CatalogFilterBar bar;
    for (auto _ : state)
        bar.setPersons(persons);
    state.counters["persons"] = double(persons.size());
}
BENCHMARK(BM_PersonFilterTakesTheSeriesPersons)->Unit(benchmark::kMillisecond);

// A keystroke in the field: the completer's MatchContains filter over every name. The completer keeps
// what it filtered for the shorter prefix; changing the case sensitivity there and back makes it start
// afresh, so each run is a first keystroke. "u" is in every name (the worst case), "Surname123" in 111.
void completeAfresh(benchmark::State &state, const QString &typed)
{
    CatalogFilterBar bar;
    bar.setPersons(seriesPersons());
    QCompleter *completer = bar.personCompleter();
    int n = 0;
    for (auto _ : state) {
        completer->setCaseSensitivity(Qt::CaseSensitive);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setCompletionPrefix(typed);
        n = completer->completionCount();
    }
    state.counters["offered"] = n;
}
void BM_PersonFilterCompletesALetterOfEveryName(benchmark::State &state) { completeAfresh(state, QStringLiteral("u")); }
void BM_PersonFilterCompletesAPartOfAName(benchmark::State &state) { completeAfresh(state, QStringLiteral("Surname123")); }
BENCHMARK(BM_PersonFilterCompletesALetterOfEveryName)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PersonFilterCompletesAPartOfAName)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace marginalia

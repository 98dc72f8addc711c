// Issue 8: the citations of every footnote of a document, as the reader window asks for them when it
// shows the notes pane, for a text copy of d317 grown to 1,000 / 3,000 / 10,000 notes. (Before issue 8
// the window called Library::citation() once per note, each call walking the whole document: the
// "before" figures of this row are that loop.)
#include "library/library.h"
#include "parse/textcopyparser.h"
#include "support/generatedinputs.h"

#include <benchmark/benchmark.h>

namespace marginalia {
namespace {

void BM_CitationsOfAllNotes(benchmark::State &state)
{
    const int notes = int(state.range(0));
    Result<Volume> volume = TextCopyParser::parse(test::textCopyWithNotes(notes), QStringLiteral("d317-grown.txt"));
    if (!volume || int(volume->documents.front().footnotes.size()) != notes) {
        state.SkipWithError("the generated text copy did not parse to the expected notes");
        return;
    }
    Library library;
    const int v = library.add(std::make_shared<const Volume>(std::move(volume).value()));
    for (auto _ : state) {
        const std::vector<QString> citations = library.citations(v, 0);
        benchmark::DoNotOptimize(citations.data());
    }
    state.counters["notes"] = double(notes);
}
BENCHMARK(BM_CitationsOfAllNotes)->Arg(1000)->Arg(3000)->Arg(10000)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace marginalia

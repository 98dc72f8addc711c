// Issue 8, "no quadratic corner": inputs built to be hostile, from the real files in tests/data.
// - re-anchoring 3 annotations whose stored prefix and suffix are 200,000 characters long, against d317;
// - a TEI volume with one element carrying 10,000 / 100,000 / 1,000,000 attributes;
// - a TEI volume with 10,000 / 100,000 notes nested one inside the other: the import, and the import
//   followed by `show --format json`'s documentJson() and its serialisation.
#include "anchor/anchoring.h"
#include "export/documentjson.h"
#include "library/library.h"
#include "model/readingtext.h"
#include "parse/teiparser.h"
#include "parse/teisplitter.h"
#include "support/generatedinputs.h"
#include "support/testdata.h"

#include <QJsonDocument>

#include <benchmark/benchmark.h>

namespace marginalia {
namespace {

constexpr int HostileContextLength = 200000;

// `length` characters of `text` over and over, ending (prefix) or starting (suffix) with `real`.
QString longContext(const QString &text, const QString &real, int length, bool prefix)
{
    QString filler;
    while (filler.size() < length - real.size())
        filler += text;
    filler.truncate(length - real.size());
    return prefix ? filler + real : real + filler;
}

// Three passages of d317, each with a word changed (so only an approximate match finds them) and with
// context far longer than any selector of ours stores.
std::vector<TextSelector> hostileSelectors(const QString &text)
{
    std::vector<TextSelector> out;
    for (const double at : {0.2, 0.5, 0.8}) {
        const int start = int(text.size() * at);
        TextSelector s = makeSelector(text, start, start + 80);
        s.exact.replace(40, 3, QStringLiteral("xyz"));
        s.prefix = longContext(text, s.prefix, HostileContextLength, true);
        s.suffix = longContext(text, s.suffix, HostileContextLength, false);
        out.push_back(std::move(s));
    }
    return out;
}

void BM_ReanchorThreeHostileContexts_d317(benchmark::State &state)
{
    const Result<Volume> volume =
        TeiParser::parse(test::readData(QStringLiteral("frus1961-63v09-d316-d318.xml")), QStringLiteral("d316-d318.xml"));
    const Document *doc = volume ? volume->document(QStringLiteral("d317")) : nullptr;
    if (!doc) {
        state.SkipWithError("d317 missing");
        return;
    }
    const QString text = ReadingText(doc->body).text();
    const std::vector<TextSelector> selectors = hostileSelectors(text);
    int found = 0;
    for (auto _ : state) {
        found = 0;
        for (const TextSelector &s : selectors)
            found += reanchor(text, s).found() ? 1 : 0;
    }
    state.counters["found"] = found;
}
BENCHMARK(BM_ReanchorThreeHostileContexts_d317)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_TeiImportManyAttributes_d316_d318(benchmark::State &state)
{
    const QByteArray original = test::readData(QStringLiteral("frus1961-63v09-d316-d318.xml"));
    qsizetype at = 0;
    const QByteArray data = test::withManyAttributes(original, "p", original.indexOf("xml:id=\"d317\""),
                                                     int(state.range(0)), at);
    bool refused = false;
    for (auto _ : state) {
        const Result<Volume> volume = TeiParser::parse(data, QStringLiteral("attributes.xml"));
        refused = !volume;
    }
    state.counters["refused"] = refused ? 1 : 0;
    state.counters["file_bytes"] = double(data.size());
}
BENCHMARK(BM_TeiImportManyAttributes_d316_d318)
    ->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(1);

// What the check costs a normal import: the byte scan alone (files read sequentially run it before the
// reader; the parallel path counts in its splitter instead).
void BM_CrowdedTagScan(benchmark::State &state, const char *name)
{
    const QByteArray data = test::readData(QString::fromUtf8(name));
    for (auto _ : state)
        benchmark::DoNotOptimize(findCrowdedStartTag(data));
    state.SetBytesProcessed(std::int64_t(state.iterations()) * data.size());
}
BENCHMARK_CAPTURE(BM_CrowdedTagScan, d316_d318, "frus1961-63v09-d316-d318.xml")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_CrowdedTagScan, frus1934v05, "frus1934v05.xml")->Unit(benchmark::kMicrosecond);

void BM_TeiImportNestedNotes_d316_d318(benchmark::State &state)
{
    const QByteArray data = test::teiWithNestedNotes(int(state.range(0)));
    std::size_t notes = 0;
    for (auto _ : state) {
        const Result<Volume> volume = TeiParser::parse(data, QStringLiteral("nested.xml"));
        notes = volume ? volume->document(QStringLiteral("d317"))->footnotes.size() : 0;
    }
    state.counters["d317_notes"] = double(notes);
}
BENCHMARK(BM_TeiImportNestedNotes_d316_d318)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(1);

// What `show --format json --doc d317` does after the import: the document's JSON, then its text.
void BM_ShowJsonNestedNotes_d317(benchmark::State &state)
{
    Result<Volume> volume = TeiParser::parse(test::teiWithNestedNotes(int(state.range(0))), QStringLiteral("nested.xml"));
    if (!volume) {
        state.SkipWithError(qPrintable(volume.error().toString()));
        return;
    }
    const int d317 = volume->documentIndex(QStringLiteral("d317"));
    Library library;
    const int v = library.add(std::make_shared<const Volume>(std::move(volume).value()));
    qsizetype bytes = 0;
    for (auto _ : state)
        bytes = QJsonDocument(documentJson(library, v, d317)).toJson(QJsonDocument::Compact).size();
    state.counters["json_bytes"] = double(bytes);
}
BENCHMARK(BM_ShowJsonNestedNotes_d317)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(1);

} // namespace
} // namespace marginalia

// Issue 10 item 3: opening one document of an indexed volume from its outline (core/catalog) against
// reading the whole file as today, and what the outline costs: its size beside the TEI's, encoding it
// (once per volume while indexing) and decoding it (once per volume opened from the library).
#include "catalog/volumeoutline.h"
#include "parse/volumeloader.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <benchmark/benchmark.h>

namespace marginalia {
namespace {

QString dataPath(const char *name)
{
    return QStringLiteral(MARGINALIA_TEST_DATA "/") + QString::fromUtf8(name);
}

struct Indexed {
    QByteArray data;
    Volume whole;
    QByteArray encoded;
    VolumeOutline outline;
};

// Read once per benchmark, outside the timed loop. Null (and the benchmark skipped) on any failure.
std::unique_ptr<Indexed> indexed(benchmark::State &state, const char *name)
{
    auto out = std::make_unique<Indexed>();
    QFile file(dataPath(name));
    if (!file.open(QIODevice::ReadOnly)) {
        state.SkipWithError("test data missing");
        return nullptr;
    }
    out->data = file.readAll();
    Result<Volume> whole = loadVolume(out->data, dataPath(name));
    if (!whole) {
        state.SkipWithError(qPrintable(whole.error().toString()));
        return nullptr;
    }
    out->whole = std::move(whole).value();
    out->encoded = encodeVolumeOutline(out->whole, out->data);
    Result<VolumeOutline> outline = decodeVolumeOutline(out->encoded, dataPath(name));
    if (!outline || !outline->readableByParts()) {
        state.SkipWithError("the outline cannot be read by parts");
        return nullptr;
    }
    out->outline = std::move(outline).value();
    state.counters["tei_bytes"] = double(out->data.size());
    state.counters["outline_bytes"] = double(out->encoded.size());
    state.counters["outline_per_tei"] = double(out->encoded.size()) / double(out->data.size());
    return out;
}

void BM_EncodeVolumeOutline(benchmark::State &state, const char *name)
{
    const auto v = indexed(state, name);
    if (!v)
        return;
    for (auto _ : state)
        benchmark::DoNotOptimize(encodeVolumeOutline(v->whole, v->data).size());
    state.SetBytesProcessed(std::int64_t(state.iterations()) * v->data.size());
}

void BM_DecodeVolumeOutline(benchmark::State &state, const char *name)
{
    const auto v = indexed(state, name);
    if (!v)
        return;
    for (auto _ : state) {
        Result<VolumeOutline> o = decodeVolumeOutline(v->encoded, v->outline.volume.sourcePath);
        benchmark::DoNotOptimize(o.has_value());
    }
}

// Document `which` of the volume: 0 the first, 1 the middle one, 2 the largest (the worst case).
std::size_t documentFor(const VolumeOutline &o, int which)
{
    if (which == 0)
        return 0;
    if (which == 1)
        return o.spans.size() / 2;
    std::size_t largest = 0;
    for (std::size_t i = 0; i < o.spans.size(); ++i) {
        if (o.spans[i].end - o.spans[i].begin > o.spans[largest].end - o.spans[largest].begin)
            largest = i;
    }
    return largest;
}

// Open, seek, read the span, parse it: what opening a document from the library costs.
void BM_ReadOutlinedDocument(benchmark::State &state, const char *name)
{
    const auto v = indexed(state, name);
    if (!v)
        return;
    const std::size_t index = documentFor(v->outline, int(state.range(0)));
    for (auto _ : state) {
        Result<Document> d = readOutlinedDocument(v->outline, int(index));
        if (!d) {
            state.SkipWithError(qPrintable(d.error().toString()));
            return;
        }
        benchmark::DoNotOptimize(d->body.data());
    }
    state.counters["span_bytes"] = double(v->outline.spans[index].end - v->outline.spans[index].begin);
}

// Today's way to the same document: read and parse the whole file.
void BM_LoadVolume(benchmark::State &state, const char *name)
{
    for (auto _ : state) {
        Result<Volume> volume = loadVolume(dataPath(name));
        if (!volume) {
            state.SkipWithError(qPrintable(volume.error().toString()));
            return;
        }
        benchmark::DoNotOptimize(volume->documents.data());
    }
}

BENCHMARK_CAPTURE(BM_EncodeVolumeOutline, frus1934v05, "frus1934v05.xml")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_EncodeVolumeOutline, frus1894Nicaragua, "frus1894Nicaragua.xml")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_DecodeVolumeOutline, frus1934v05, "frus1934v05.xml")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_DecodeVolumeOutline, frus1894Nicaragua, "frus1894Nicaragua.xml")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ReadOutlinedDocument, frus1934v05, "frus1934v05.xml")->Arg(0)->Arg(1)->Arg(2)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_ReadOutlinedDocument, frus1894Nicaragua, "frus1894Nicaragua.xml")->Arg(0)->Arg(1)->Arg(2)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_LoadVolume, frus1934v05, "frus1934v05.xml")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_LoadVolume, frus1894Nicaragua, "frus1894Nicaragua.xml")->Unit(benchmark::kMillisecond);

} // namespace
} // namespace marginalia

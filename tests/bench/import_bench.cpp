// Import speed (MB/s, in process, file already in memory) and the memory the model of a whole volume
// takes compared with the file's size. Targets from issue 2: >= 100 MB/s, <= 4x the file size.
#include "parse/teiparser.h"
#include "parse/teireader.h"
#include "parse/textcopyparser.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <benchmark/benchmark.h>
#include <malloc.h>

#include <optional>

namespace marginalia {
namespace {

QByteArray readData(const char *name)
{
    QFile file(QStringLiteral(MARGINALIA_TEST_DATA "/") + QString::fromUtf8(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

template <typename Parser>
void importBenchmark(benchmark::State &state, const char *name)
{
    const QByteArray data = readData(name);
    const QString fileName = QString::fromUtf8(name);
    if (data.isEmpty()) {
        state.SkipWithError("test data missing");
        return;
    }
    for (auto _ : state) {
        Result<Volume> volume = Parser::parse(data, fileName);
        if (!volume) {
            state.SkipWithError(qPrintable(volume.error().toString()));
            return;
        }
        benchmark::DoNotOptimize(volume->documents.data());
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * data.size());
    state.counters["file_bytes"] = double(data.size());
}

void BM_TeiImport_frus1934v05(benchmark::State &state)
{
    importBenchmark<TeiParser>(state, "frus1934v05.xml");
}
BENCHMARK(BM_TeiImport_frus1934v05)->Unit(benchmark::kMillisecond);

// Issue 10: one thread reading the whole volume (what each thread of the parallel read does to its
// part), the share of the import the XML tokenizer sets.
void BM_TeiImportOneThread_frus1934v05(benchmark::State &state)
{
    const QByteArray data = readData("frus1934v05.xml");
    if (data.isEmpty()) {
        state.SkipWithError("test data missing");
        return;
    }
    for (auto _ : state) {
        TeiReader reader(data, QStringLiteral("frus1934v05.xml"), {});
        Result<Volume> volume = reader.read();
        if (!volume) {
            state.SkipWithError(qPrintable(volume.error().toString()));
            return;
        }
        benchmark::DoNotOptimize(volume->documents.data());
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * data.size());
}
BENCHMARK(BM_TeiImportOneThread_frus1934v05)->Unit(benchmark::kMillisecond);

void BM_TeiImport_d316_d318(benchmark::State &state)
{
    importBenchmark<TeiParser>(state, "frus1961-63v09-d316-d318.xml");
}
BENCHMARK(BM_TeiImport_d316_d318)->Unit(benchmark::kMicrosecond);

void BM_TextCopyImport_d317(benchmark::State &state)
{
    importBenchmark<TextCopyParser>(state, "frus1961-63v09-d317.txt");
}
BENCHMARK(BM_TextCopyImport_d317)->Unit(benchmark::kMicrosecond);

// Issue 11: an old volume's page, whose markers (38, 39, 38, 38, 40) are paired with the list by order.
void BM_TextCopyImport_frus1934v05_d122(benchmark::State &state)
{
    importBenchmark<TextCopyParser>(state, "textcopies/frus1934v05-d122.txt");
}
BENCHMARK(BM_TextCopyImport_frus1934v05_d122)->Unit(benchmark::kMicrosecond);

// Bytes the heap holds right now: small blocks plus mmap-ed large ones.
std::size_t heapInUse()
{
    const struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
}

// Heap growth from parsing a whole volume while the Volume is still held, so transient parser
// buffers that were freed do not count but everything the model keeps does.
void BM_TeiModelMemory_frus1934v05(benchmark::State &state)
{
    const QByteArray data = readData("frus1934v05.xml");
    if (data.isEmpty()) {
        state.SkipWithError("test data missing");
        return;
    }
    double modelBytes = 0;
    for (auto _ : state) {
        std::optional<Result<Volume>> volume;
        malloc_trim(0);
        const std::size_t before = heapInUse();
        volume.emplace(TeiParser::parse(data, QStringLiteral("frus1934v05.xml")));
        const std::size_t after = heapInUse();
        if (!*volume) {
            state.SkipWithError(qPrintable((*volume).error().toString()));
            return;
        }
        modelBytes = double(after) - double(before);
        state.PauseTiming();
        volume.reset(); // freeing is not part of what is measured
        state.ResumeTiming();
    }
    state.counters["file_bytes"] = double(data.size());
    state.counters["model_bytes"] = modelBytes;
    state.counters["ratio_to_file"] = modelBytes / double(data.size());
}
BENCHMARK(BM_TeiModelMemory_frus1934v05)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace
} // namespace marginalia

// The runner's main is in bench_main.cpp (it needs a QCoreApplication).

// From a click on a document to its first paint, less the painting: renderDocument() and the first
// layout at a reading width. Targets from issue 3: <= 16 ms for a letter like d317, <= 100 ms for the
// longest document of frus1934v05.
#include "model/readingtext.h"
#include "model/volume.h"
#include "parse/volumeloader.h"
#include "render/documentrenderer.h"

#include <QAbstractTextDocumentLayout>
#include <QGuiApplication>
#include <QString>
#include <QTextDocument>

#include <benchmark/benchmark.h>

#include <algorithm>

namespace marginalia {
namespace {

std::optional<Volume> loadData(benchmark::State &state, const char *name)
{
    Result<Volume> volume = loadVolume(QStringLiteral(MARGINALIA_TEST_DATA "/") + QString::fromUtf8(name));
    if (!volume) {
        state.SkipWithError(qPrintable(volume.error().toString()));
        return std::nullopt;
    }
    return std::move(*volume);
}

void renderBenchmark(benchmark::State &state, const Volume &volume, const Document &doc)
{
    // Layout needs the fonts of a QGuiApplication; a QCoreApplication main cannot measure this.
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        state.SkipWithError("needs a QGuiApplication (QT_QPA_PLATFORM=offscreen)");
        return;
    }
    const RenderStyle style = RenderStyle::light();
    for (auto _ : state) {
        RenderedText rendered = renderDocument(volume, doc, style);
        rendered.document->setTextWidth(700);
        benchmark::DoNotOptimize(rendered.document->documentLayout()->documentSize());
    }
    state.counters["reading_chars"] = double(ReadingText(doc.body).text().size());
    state.counters["blocks"] = double(doc.body.size());
}

void BM_RenderD317(benchmark::State &state)
{
    const std::optional<Volume> volume = loadData(state, "frus1961-63v09-d316-d318.xml");
    const Document *doc = volume ? volume->document(QStringLiteral("d317")) : nullptr;
    if (!doc) {
        state.SkipWithError("d317 missing");
        return;
    }
    renderBenchmark(state, *volume, *doc);
}
BENCHMARK(BM_RenderD317)->Unit(benchmark::kMillisecond);

void BM_RenderLongestDocumentOf1934v05(benchmark::State &state)
{
    const std::optional<Volume> volume = loadData(state, "frus1934v05.xml");
    if (!volume || volume->documents.empty()) {
        state.SkipWithError("frus1934v05 missing or empty");
        return;
    }
    const auto longest = std::max_element(volume->documents.begin(), volume->documents.end(),
                                          [](const Document &a, const Document &b) {
                                              return ReadingText(a.body).text().size() < ReadingText(b.body).text().size();
                                          });
    state.SetLabel(longest->id.toStdString());
    renderBenchmark(state, *volume, *longest);
}
BENCHMARK(BM_RenderLongestDocumentOf1934v05)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace marginalia

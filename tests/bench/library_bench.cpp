// Search and open latency on a library index built by scripts/bench-library.sh: prints one line per
// figure (median and 95th percentile), read by the script. Not Google Benchmark: the figures wanted are
// percentiles over many different queries and documents, not the mean of one repeated call.
//
//   marginalia_library_bench CATALOG [--scan FILE...]
//
// --scan also loads the FILEs whole and times today's search of open volumes (searchLibrary) on the
// same queries, the cost the index saves.
#include "catalog/catalog.h"
#include "catalog/volumeoutline.h"
#include "library/library.h"
#include "parse/volumeloader.h"
#include "search/librarysearch.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace marginalia;

namespace {

struct Percentiles {
    double median = 0;
    double p95 = 0;
    double max = 0;
};

Percentiles percentiles(std::vector<double> ms)
{
    if (ms.empty())
        return {};
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) { return ms[std::min(ms.size() - 1, std::size_t(q * double(ms.size() - 1) + 0.5))]; };
    return {at(0.5), at(0.95), ms.back()};
}

void print(const char *what, const Percentiles &p, std::size_t n)
{
    std::printf("%-34s median %8.2f ms   p95 %8.2f ms   max %8.2f ms   (n = %zu)\n", what, p.median, p.p95, p.max, n);
}

struct Query {
    const char *kind;
    const char *text;
};

// A common word, a rare one, a phrase, a prefix and two words; each with and without a date filter.
const Query queries[] = {{"common word", "government"},
                         {"rare word", "Sevier"},
                         {"phrase", "\"Secretary of State\""},
                         {"prefix", "negotiat*"},
                         {"two words", "exchange control"}};

// exact: with the total counted (what marginalia-cli prints); else the first page as the window shows it
// first, the total estimated (the window counts it after).
int searchBench(const Catalog &catalog, bool exact)
{
    std::vector<double> all;
    for (const Query &q : queries) {
        for (const bool dated : {false, true}) {
            std::vector<double> times;
            int total = 0;
            for (int run = 0; run < 10; ++run) {
                CatalogQuery query;
                query.text = QString::fromUtf8(q.text);
                query.limit = 50;
                query.exactTotal = exact;
                if (qEnvironmentVariableIsSet("RANK_AT_MOST")) // to weigh the sample's size against its cost
                    query.rankAtMost = qEnvironmentVariableIntValue("RANK_AT_MOST");
                if (dated) {
                    query.from = QStringLiteral("1934-01-01");
                    query.to = QStringLiteral("1934-06-30");
                }
                QElapsedTimer timer;
                timer.start();
                Result<CatalogSearchResults> found = catalog.search(query);
                times.push_back(double(timer.nsecsElapsed()) / 1e6);
                if (!found) {
                    std::fprintf(stderr, "%s\n", qPrintable(found.error().toString()));
                    return 1;
                }
                total = found->total;
            }
            all.insert(all.end(), times.begin(), times.end());
            const QByteArray label = QByteArray(exact ? "counted " : "search ") + q.kind + (dated ? " +date" : "")
                + " (" + QByteArray::number(total) + " docs)";
            print(label.constData(), percentiles(times), times.size());
        }
    }
    print(exact ? "search, total counted: all 100" : "search, first page: all 100", percentiles(all), all.size());
    return 0;
}

// Opening documents at random: the volume's outline from the index, then the document from its span.
int openBench(const Catalog &catalog)
{
    Result<std::vector<CatalogVolumeInfo>> volumes = catalog.volumes();
    if (!volumes || volumes->empty())
        return 1;
    QRandomGenerator random(1934);
    std::vector<double> cold, warm;
    for (int i = 0; i < 200; ++i) {
        const CatalogVolumeInfo &v = (*volumes)[random.bounded(int(volumes->size()))];
        QElapsedTimer timer;
        timer.start();
        Result<QByteArray> encoded = catalog.volumeOutline(v.id);
        Result<VolumeOutline> outline = encoded ? decodeVolumeOutline(*encoded, v.path) : Result<VolumeOutline>(fail(encoded.error()));
        if (!outline || outline->volume.documents.empty())
            continue;
        const qint64 outlined = timer.nsecsElapsed();
        const int d = random.bounded(int(outline->volume.documents.size()));
        Result<Document> doc = readOutlinedDocument(*outline, d);
        const qint64 done = timer.nsecsElapsed();
        if (!doc) {
            std::fprintf(stderr, "%s\n", qPrintable(doc.error().toString()));
            return 1;
        }
        cold.push_back(double(done) / 1e6);
        warm.push_back(double(done - outlined) / 1e6);
    }
    print("open: outline + document", percentiles(cold), cold.size());
    print("open: document (outline cached)", percentiles(warm), warm.size());
    return 0;
}

int scanBench(const QStringList &files)
{
    Library library;
    for (const QString &file : files) {
        Result<Volume> volume = loadVolume(file);
        if (volume)
            library.add(std::make_shared<const Volume>(std::move(volume).value()));
    }
    for (const Query &q : queries) {
        std::vector<double> times;
        for (int run = 0; run < 3; ++run) {
            QElapsedTimer timer;
            timer.start();
            SearchOptions options;
            options.maxHits = 2000;
            const auto hits = searchLibrary(library, QString::fromUtf8(q.text).remove(QLatin1Char('"')).remove(QLatin1Char('*')),
                                            options);
            times.push_back(double(timer.nsecsElapsed()) / 1e6);
            (void)hits;
        }
        const QByteArray label = QByteArray("scan of open volumes: ") + q.kind;
        print(label.constData(), percentiles(times), times.size());
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() < 2) {
        std::fprintf(stderr, "usage: marginalia_library_bench CATALOG [--scan FILE...]\n");
        return 2;
    }
    Result<std::unique_ptr<Catalog>> catalog = Catalog::open(arguments.at(1), DatabaseAccess::Read);
    if (!catalog) {
        std::fprintf(stderr, "%s\n", qPrintable(catalog.error().toString()));
        return 1;
    }
    if (int failed = searchBench(**catalog, false) + searchBench(**catalog, true) + openBench(**catalog))
        return failed;
    const qsizetype scan = arguments.indexOf(QStringLiteral("--scan"));
    return scan > 0 ? scanBench(arguments.mid(scan + 1)) : 0;
}

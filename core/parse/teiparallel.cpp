#include "teiparallel.h"

#include "teidocumentfixups.h"
#include "teireader.h"
#include "teisplitter.h"

#include <QThread>

#include <atomic>
#include <thread>

namespace marginalia {

namespace {

// Below this a second thread costs more than it saves.
constexpr qsizetype kMinParallelBytes = 256 * 1024;
constexpr std::size_t kMinDocuments = 8;

using Part = std::optional<Result<Volume>>;

struct SharedWork {
    const QByteArray &data;
    const TeiSplit &split;
    const QString &fileName;
    std::vector<Part> parts;
    std::atomic<std::size_t> next{0};
    std::atomic<qint64> bytesDone{0};
    std::atomic<bool> stop{false}; // cancelled, or a part failed
};

// Takes documents off the shared queue until it is empty; returns false if a part failed.
void readDocuments(SharedWork &work, const TeiParser::Progress *progress, std::atomic<bool> *cancelled)
{
    const std::size_t count = work.split.documents.size();
    for (std::size_t i = work.next++; i < count && !work.stop; i = work.next++) {
        const QByteArray part = wrapDocument(work.data, work.split, i);
        TeiReader reader(part, work.fileName, {});
        work.parts[i].emplace(reader.read());
        if (!work.parts[i]->has_value() || work.parts[i]->value().documents.size() != 1)
            work.stop = true;
        const TeiSplit::Span &span = work.split.documents[i];
        work.bytesDone += span.end - span.begin;
        if (progress && *progress && !(*progress)(work.bytesDone, work.data.size())) {
            *cancelled = true;
            work.stop = true;
        }
    }
}

void mergeDocument(Volume &out, Volume &part, const TeiReader::DocumentSlot &slot, QString &lastPage)
{
    Document doc = std::move(part.documents.front());
    doc.division = slot.division;
    if (doc.firstPage.isEmpty())
        doc.firstPage = lastPage;
    const int docIndex = int(out.documents.size());
    const int pageBase = int(out.pages.size());
    for (VolumePage &page : part.pages) {
        page.document = docIndex;
        lastPage = page.n;
        out.pages.push_back(std::move(page));
    }
    for (auto it = part.ids.cbegin(); it != part.ids.cend(); ++it) {
        IdTarget t = it.value();
        if (t.document == 0)
            t.document = docIndex;
        if (t.kind == IdTarget::Page)
            t.index += pageBase;
        out.ids.insert(it.key(), t);
    }
    VolumeStats &s = out.stats;
    s.documents += 1;
    s.footnotes += part.stats.footnotes;
    s.pageBreaks += part.stats.pageBreaks;
    s.references += part.stats.references;
    s.internalReferences += part.stats.internalReferences;
    out.documents.push_back(std::move(doc));
}

// Puts each document where its slot stands, renumbering pages so that they stay in file order.
Volume merge(Volume skeleton, const std::vector<TeiReader::DocumentSlot> &documentSlots, std::vector<Part> &parts)
{
    std::vector<VolumePage> skeletonPages = std::move(skeleton.pages);
    Volume out = std::move(skeleton);
    out.pages.clear();
    out.pages.reserve(skeletonPages.size() + std::size_t(out.stats.pageBreaks));
    out.documents.reserve(documentSlots.size());
    std::vector<int> pageMap(skeletonPages.size());
    QString lastPage;
    std::size_t next = 0;
    auto takeSkeletonPages = [&](std::size_t upTo) {
        for (; next < upTo && next < skeletonPages.size(); ++next) {
            pageMap[next] = int(out.pages.size());
            lastPage = skeletonPages[next].n;
            out.pages.push_back(std::move(skeletonPages[next]));
        }
    };
    // Pages first: the documents' ids must not be remapped.
    for (std::size_t k = 0; k < documentSlots.size(); ++k) {
        takeSkeletonPages(std::size_t(documentSlots[k].pagesBefore));
        mergeDocument(out, parts[k]->value(), documentSlots[k], lastPage);
    }
    takeSkeletonPages(skeletonPages.size());
    // Skeleton page ids still hold skeleton indices (documents' ids were inserted already renumbered,
    // but they share the hash): remap only ids that name a skeleton page, i.e. lie outside documents.
    for (auto it = out.ids.begin(); it != out.ids.end(); ++it) {
        if (it->kind == IdTarget::Page && it->document < 0 && it->index >= 0
            && std::size_t(it->index) < pageMap.size())
            it->index = pageMap[std::size_t(it->index)];
    }
    finishVolume(out);
    return out;
}

} // namespace

std::optional<Result<Volume>> parseTeiInParallel(const QByteArray &data, const QString &fileName,
                                                 const TeiParser::Progress &progress)
{
    if (data.size() < kMinParallelBytes || QThread::idealThreadCount() < 2)
        return std::nullopt;
    const std::optional<TeiSplit> split = splitTeiDocuments(data);
    if (!split || split->documents.size() < kMinDocuments)
        return std::nullopt;

    SharedWork work{data, *split, fileName, {}, {}, {}, {}};
    work.parts.resize(split->documents.size());
    std::atomic<bool> cancelled{false};
    std::thread helper([&work] { readDocuments(work, nullptr, nullptr); });

    // This thread reads the skeleton, then helps with the documents.
    const QByteArray skeletonData = skeletonOf(data, *split);
    std::vector<TeiReader::DocumentSlot> documentSlots;
    TeiReader skeletonReader(skeletonData, fileName, {});
    skeletonReader.readAsSkeleton(&documentSlots);
    Result<Volume> skeleton = skeletonReader.read();
    if (!skeleton)
        work.stop = true;
    readDocuments(work, &progress, &cancelled);
    helper.join();

    if (cancelled)
        return Result<Volume>(fail(fileName, 0, 0, TeiParser::cancelledMessage()));
    if (work.stop || documentSlots.size() != work.parts.size())
        return std::nullopt;
    return Result<Volume>(merge(std::move(skeleton).value(), documentSlots, work.parts));
}

} // namespace marginalia

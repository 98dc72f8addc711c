#include "teiparallel.h"

#include "teidocumentfixups.h"
#include "teireader.h"
#include "teisplitter.h"

#include <QThread>

#include <atomic>
#include <thread>

namespace marginalia {

namespace {

struct Run {
    std::size_t first = 0; // documents [first, last) of the split
    std::size_t last = 0;
    qsizetype bytes = 0;
    std::optional<Result<Volume>> result;
};

std::vector<Run> makeRuns(const TeiSplit &split, qsizetype runBytes)
{
    std::vector<Run> runs;
    Run run;
    for (std::size_t i = 0; i < split.documents.size(); ++i) {
        run.bytes += split.documents[i].end - split.documents[i].begin;
        run.last = i + 1;
        if (run.bytes >= runBytes) {
            runs.push_back(std::move(run));
            run = Run{i + 1, i + 1, 0, {}};
        }
    }
    if (run.last > run.first)
        runs.push_back(std::move(run));
    return runs;
}

struct SharedWork {
    const QByteArray &data;
    const TeiSplit &split;
    const QString &fileName;
    std::vector<Run> runs;
    std::atomic<std::size_t> next{0};
    std::atomic<qint64> bytesDone{0};
    std::atomic<bool> stop{false}; // cancelled, or a run failed
};

// Takes runs off the shared queue until it is empty or the work stops.
void readRuns(SharedWork &work, const TeiParser::Progress *progress, std::atomic<bool> *cancelled)
{
    for (std::size_t i = work.next++; i < work.runs.size() && !work.stop; i = work.next++) {
        Run &run = work.runs[i];
        const QByteArray part = wrapDocuments(work.data, work.split, run.first, run.last);
        TeiReader reader(part, work.fileName, {});
        reader.readAsDocumentRun();
        run.result.emplace(reader.read());
        if (!run.result->has_value() || run.result->value().documents.size() != run.last - run.first)
            work.stop = true;
        work.bytesDone += run.bytes;
        if (progress && *progress && !(*progress)(work.bytesDone, work.data.size())) {
            *cancelled = true;
            work.stop = true;
        }
    }
}

// Merges the runs into the skeleton's volume: each document where its slot stands, pages in file order
// (the skeleton's between the documents'), ids renumbered to the merged documents and pages.
class Merger {
public:
    // idsInRuns sizes the merged id table once: growing a hash of tens of thousands of ids step by
    // step costs more than the rest of the merge.
    Merger(Volume skeleton, const std::vector<TeiReader::DocumentSlot> &documentSlots, qsizetype idsInRuns)
        : m_slots(documentSlots), m_skeletonPages(std::move(skeleton.pages)),
          m_skeletonIds(std::move(skeleton.ids)), m_out(std::move(skeleton))
    {
        m_out.pages.clear();
        m_out.ids.clear();
        m_out.ids.reserve(idsInRuns + m_skeletonIds.size());
        m_out.pages.reserve(m_skeletonPages.size() + std::size_t(m_out.stats.pageBreaks));
        m_out.documents.reserve(documentSlots.size());
        m_skeletonPageMap.resize(m_skeletonPages.size());
    }

    void add(Volume &run)
    {
        const int documentBase = int(m_out.documents.size());
        std::vector<int> pageMap(run.pages.size());
        std::size_t page = 0;
        for (std::size_t j = 0; j < run.documents.size(); ++j) {
            const TeiReader::DocumentSlot &slot = m_slots[m_out.documents.size()];
            takeSkeletonPages(std::size_t(slot.pagesBefore));
            Document doc = std::move(run.documents[j]);
            doc.division = slot.division;
            if (doc.firstPage.isEmpty())
                doc.firstPage = m_lastPage;
            for (; page < run.pages.size() && run.pages[page].document == int(j); ++page) {
                pageMap[page] = int(m_out.pages.size());
                m_lastPage = run.pages[page].n;
                m_out.pages.push_back(std::move(run.pages[page]));
                m_out.pages.back().document = documentBase + int(j);
            }
            m_out.documents.push_back(std::move(doc));
        }
        for (auto it = run.ids.cbegin(); it != run.ids.cend(); ++it) {
            IdTarget t = it.value();
            if (t.document >= 0)
                t.document += documentBase;
            if (t.kind == IdTarget::Page && t.index >= 0 && std::size_t(t.index) < pageMap.size())
                t.index = pageMap[std::size_t(t.index)];
            m_out.ids.insert(it.key(), t);
        }
        VolumeStats &s = m_out.stats;
        s.documents += run.stats.documents;
        s.footnotes += run.stats.footnotes;
        s.pageBreaks += run.stats.pageBreaks;
        s.references += run.stats.references;
        s.internalReferences += run.stats.internalReferences;
    }

    // The merged volume, or nothing when the file gives an id both inside a document and between
    // documents: which of the two the sequential reader keeps depends on their order in the file, which
    // the merge does not know, so such a file is left to the sequential reader.
    std::optional<Volume> finish()
    {
        takeSkeletonPages(m_skeletonPages.size());
        // The skeleton names its pages by skeleton index.
        for (auto it = m_skeletonIds.begin(); it != m_skeletonIds.end(); ++it) {
            IdTarget t = it.value();
            if (t.kind == IdTarget::Page && t.index >= 0 && std::size_t(t.index) < m_skeletonPageMap.size())
                t.index = m_skeletonPageMap[std::size_t(t.index)];
            if (m_out.ids.contains(it.key()))
                return std::nullopt;
            m_out.ids.insert(it.key(), t);
        }
        finishVolume(m_out);
        return std::move(m_out);
    }

private:
    void takeSkeletonPages(std::size_t upTo)
    {
        for (; m_nextSkeletonPage < upTo && m_nextSkeletonPage < m_skeletonPages.size(); ++m_nextSkeletonPage) {
            m_skeletonPageMap[m_nextSkeletonPage] = int(m_out.pages.size());
            m_lastPage = m_skeletonPages[m_nextSkeletonPage].n;
            m_out.pages.push_back(std::move(m_skeletonPages[m_nextSkeletonPage]));
        }
    }

    const std::vector<TeiReader::DocumentSlot> &m_slots;
    std::vector<VolumePage> m_skeletonPages;
    QHash<QString, IdTarget> m_skeletonIds;
    std::vector<int> m_skeletonPageMap;
    std::size_t m_nextSkeletonPage = 0;
    Volume m_out;
    QString m_lastPage;
};

} // namespace

std::optional<Result<Volume>> parseTeiInParallel(const QByteArray &data, const QString &fileName,
                                                 const TeiParser::Progress &progress)
{
    const TeiParallelLimits limits;
    if (data.size() < limits.minBytes || QThread::idealThreadCount() < 2)
        return std::nullopt;
    return parseTeiInParallel(data, fileName, progress, limits);
}

std::optional<Result<Volume>> parseTeiInParallel(const QByteArray &data, const QString &fileName,
                                                 const TeiParser::Progress &progress,
                                                 const TeiParallelLimits &limits)
{
    if (data.size() < limits.minBytes)
        return std::nullopt;
    const std::optional<TeiSplit> split = splitTeiDocuments(data);
    if (split && split->crowdedTag >= 0)
        return Result<Volume>(fail(crowdedTagError(data, split->crowdedTag, fileName)));
    if (!split || split->documents.size() < limits.minDocuments)
        return std::nullopt;

    SharedWork work{data, *split, fileName, makeRuns(*split, limits.runBytes), {}, {}, {}};
    std::atomic<bool> cancelled{false};
    std::thread helper([&work] { readRuns(work, nullptr, nullptr); });

    // This thread reads the skeleton, then helps with the documents.
    const QByteArray skeletonData = skeletonOf(data, *split);
    std::vector<TeiReader::DocumentSlot> documentSlots;
    TeiReader skeletonReader(skeletonData, fileName, {});
    skeletonReader.readAsSkeleton(&documentSlots);
    Result<Volume> skeleton = skeletonReader.read();
    if (!skeleton)
        work.stop = true;
    readRuns(work, &progress, &cancelled);
    helper.join();

    if (cancelled)
        return Result<Volume>(fail(fileName, 0, 0, TeiParser::cancelledMessage()));
    if (work.stop || documentSlots.size() != split->documents.size())
        return std::nullopt;
    qsizetype idsInRuns = 0;
    for (const Run &run : work.runs)
        idsInRuns += run.result->value().ids.size();
    Merger merger(std::move(skeleton).value(), documentSlots, idsInRuns);
    for (Run &run : work.runs)
        merger.add(run.result->value());
    std::optional<Volume> merged = merger.finish();
    if (!merged)
        return std::nullopt;
    return Result<Volume>(std::move(*merged));
}

} // namespace marginalia

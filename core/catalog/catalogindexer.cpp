#include "catalogindexer.h"

#include "catalogrows.h"
#include "catalogsources.h"
#include "fileio/inputfile.h"
#include "parse/volumeloader.h"
#include "store/catalogschema.h"
#include "store/catalogstore.h"
#include "store/database.h"
#include "store/ftstokens.h"
#include "store/statement.h"
#include "util/translate.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QLockFile>
#include <QSet>
#include <QThread>

#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

namespace marginalia {

namespace {

using State = CatalogVolumeInfo::State;

struct FileJob {
    CatalogFileStamp stamp; // size and mtime as found before reading
    QString knownHash;      // what the index holds for the file, if it was indexed by this version
};

struct Outcome {
    enum Kind { Parsed, SameContent, Failed } kind = Failed;
    CatalogFileStamp stamp;
    CatalogVolumeRecord record;
    Error error; // Failed: where and why (the file, with a line and column when the parser gave them)
};

CatalogFileStamp stampOf(const QString &path)
{
    const QFileInfo info(path);
    return {path, info.size(), info.lastModified().toMSecsSinceEpoch(), {}, CatalogIndexVersion};
}

// On a worker thread: reads, hashes and parses one file. Touches nothing shared; `tokenizer` is the
// thread's own, or null.
Outcome readFile(const FileJob &job, FtsTokenizer *tokenizer)
{
    Outcome out;
    out.stamp = job.stamp;
    Result<QByteArray> data = readInputFile(job.stamp.path);
    if (!data) {
        out.error = data.error();
        return out;
    }
    // A file being written while we read it is indexed as read, and read again next run.
    const CatalogFileStamp after = stampOf(job.stamp.path);
    if (after.size != job.stamp.size || after.mtime != job.stamp.mtime)
        out.stamp.mtime = -1;
    out.stamp.hash = QString::fromLatin1(QCryptographicHash::hash(*data, QCryptographicHash::Md5).toHex());
    if (!job.knownHash.isEmpty() && out.stamp.hash == job.knownHash) {
        out.kind = Outcome::SameContent;
        return out;
    }
    // The pipeline reads files side by side already.
    Result<Volume> volume = loadVolume(*data, job.stamp.path, {}, TeiParser::Threads::One);
    if (!volume) {
        out.error = volume.error();
        return out;
    }
    if (volume->format != SourceFormat::Tei) {
        out.error = Error{job.stamp.path, 0, 0, Tr::tr("not a TEI volume")};
        return out;
    }
    out.record = catalogRecord(*volume, *data, tokenizer);
    out.kind = Outcome::Parsed;
    return out;
}

// N workers read files ahead of one writer, which takes their outcomes in job order. A worker starts a
// file while fewer than N + 1 outcomes wait, or while the files read ahead come to less than
// ReadAheadBytes: the writer's work comes in bursts (an FTS5 merge can take a second), and the readers
// go on through one instead of waiting for it. Memory stays bounded whatever the corpus.
class Pipeline {
public:
    Pipeline(const std::vector<FileJob> &jobs, int threads, bool tokenize)
        : m_jobs(jobs), m_window(std::size_t(threads) + 1), m_tokenize(tokenize)
    {
        for (int i = 0; i < threads; ++i)
            m_workers.emplace_back([this] { work(); });
    }
    ~Pipeline()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_canStart.notify_all();
        for (std::thread &worker : m_workers)
            worker.join();
    }

    // Outcome `index`, waiting at most `wait` for it.
    std::optional<Outcome> take(std::size_t index, std::chrono::milliseconds wait)
    {
        std::unique_lock lock(m_mutex);
        if (!m_ready.wait_for(lock, wait, [&] { return m_done.count(index) > 0; }))
            return std::nullopt;
        Outcome out = std::move(m_done[index]);
        m_done.erase(index);
        m_taken = index + 1;
        m_aheadBytes -= m_jobs[index].stamp.size;
        lock.unlock();
        m_canStart.notify_all();
        return out;
    }

private:
    void work()
    {
        // Without one (no FTS5 in this SQLite: the index cannot be opened either) the writer tokenizes.
        std::unique_ptr<FtsTokenizer> tokenizer;
        if (m_tokenize) {
            if (Result<std::unique_ptr<FtsTokenizer>> made = FtsTokenizer::create())
                tokenizer = std::move(*made);
        }
        for (;;) {
            std::size_t index = 0;
            {
                std::unique_lock lock(m_mutex);
                m_canStart.wait(lock, [&] {
                    return m_stop || m_next >= m_jobs.size() || m_next < m_taken + m_window
                        || m_aheadBytes + m_jobs[m_next].stamp.size <= ReadAheadBytes;
                });
                if (m_stop || m_next >= m_jobs.size())
                    return;
                index = m_next++;
                m_aheadBytes += m_jobs[index].stamp.size;
            }
            Outcome out = readFile(m_jobs[index], tokenizer.get());
            {
                std::lock_guard lock(m_mutex);
                m_done.emplace(index, std::move(out));
            }
            m_ready.notify_all();
        }
    }

    const std::vector<FileJob> &m_jobs;
    const std::size_t m_window;
    const bool m_tokenize;
    std::mutex m_mutex;
    std::condition_variable m_canStart, m_ready;
    std::map<std::size_t, Outcome> m_done;
    std::size_t m_next = 0, m_taken = 0;
    qint64 m_aheadBytes = 0; // of the files started and not yet taken
    // About seven volumes of the series' average size (6 MB).
    static constexpr qint64 ReadAheadBytes = 40LL << 20;
    bool m_stop = false;
    std::vector<std::thread> m_workers;
};

struct Plan {
    std::vector<FileJob> jobs;
    qint64 bytes = 0;
};

// Decides, without reading, which files need reading; restores Missing files that are back unchanged and
// marks Missing those the sources no longer hold.
Result<Plan> plan(CatalogStore &store, const SourceScan &scan, const IndexOptions &options, IndexReport &report)
{
    Result<std::vector<CatalogFileState>> states = store.fileStates();
    if (!states)
        return fail(states.error());
    QHash<QString, const CatalogFileState *> known;
    for (const CatalogFileState &state : *states)
        known.insert(state.stamp.path, &state);
    Plan plan;
    QSet<QString> found;
    for (const QString &path : scan.files) {
        found.insert(path);
        const CatalogFileStamp stamp = stampOf(path);
        const CatalogFileState *state = known.value(path);
        const bool current = state && state->stamp.indexVersion == CatalogIndexVersion && !options.force;
        // A failed file is read again every run: its failure may have been another file's (a duplicate id).
        if (current && state->state != State::Failed && state->stamp.size == stamp.size
            && state->stamp.mtime == stamp.mtime) {
            if (state->state == State::Missing) {
                CatalogFileStamp back = stamp;
                back.hash = state->stamp.hash;
                if (auto done = store.updateStamp(back); !done)
                    return fail(done.error());
            }
            ++report.unchanged;
            continue;
        }
        plan.jobs.push_back({stamp, current && state->state != State::Failed ? state->stamp.hash : QString()});
        plan.bytes += stamp.size;
    }
    for (const QString &path : scan.unreadableFiles)
        found.insert(path);
    for (const CatalogFileState &state : *states) {
        if (found.contains(state.stamp.path))
            continue;
        if (state.state != State::Missing) {
            if (auto done = store.markMissing(state.stamp.path); !done)
                return fail(done.error());
        }
        ++report.missing;
    }
    return plan;
}

// The writer's side of one outcome. Two files with one volume id: the file that holds it in the index
// keeps it (of two new ones, the first in the scan's order), the other fails naming it. So which copy the library shows never flips from one run to the
// next (annotations and links keep going to the file they were made on), and a copy that moved takes
// the id over once the old path is gone (Missing).
Result<void> commit(CatalogStore &store, Outcome &out, IndexReport &report)
{
    if (out.kind == Outcome::SameContent) {
        ++report.unchanged;
        return store.updateStamp(out.stamp);
    }
    if (out.kind == Outcome::Parsed) {
        Result<std::optional<CatalogFileState>> holder = store.fileOfVolume(out.record.id);
        if (!holder)
            return fail(holder.error());
        if (*holder && (*holder)->stamp.path != out.stamp.path && (*holder)->state != State::Missing) {
            out.kind = Outcome::Failed;
            out.error = Error{out.stamp.path, 0, 0,
                              Tr::tr("same volume id %1 as %2, which the library already holds; this copy is "
                                     "left out").arg(out.record.id, (*holder)->stamp.path)};
        } else {
            ++report.indexed;
            return store.writeVolume(out.stamp, out.record);
        }
    }
    ++report.failed;
    // Kept whole: the report (and `library add --json`) gives the file, line and column apart, and the
    // index stores the FILE:LINE:COLUMN text that `library list` shows.
    report.errors.push_back(out.error);
    return store.writeFailure(out.stamp, out.error.toString());
}

Result<void> recordUnreadable(CatalogStore &store, const SourceScan &scan, IndexReport &report)
{
    for (const Error &error : scan.unreadable) {
        report.errors.push_back(error);
        if (!scan.unreadableFiles.contains(error.file))
            continue;
        ++report.failed;
        if (auto done = store.writeFailure(stampOf(error.file), error.toString()); !done)
            return done;
    }
    return {};
}

void updateRate(IndexProgress &progress, const QElapsedTimer &clock)
{
    const double seconds = clock.elapsed() / 1000.0;
    if (seconds <= 0.2 || progress.bytesDone <= 0)
        return;
    progress.bytesPerSecond = progress.bytesDone / seconds;
    progress.secondsLeft = (progress.bytesTotal - progress.bytesDone) / progress.bytesPerSecond;
}

// Reads the planned files on `threads` threads and commits them one by one, in plan order.
Result<void> run(CatalogStore &store, const Plan &plan, int threads, bool tokenize, IndexReport &report,
                 const std::function<bool(const IndexProgress &)> &onProgress)
{
    IndexProgress progress;
    progress.volumesTotal = int(plan.jobs.size());
    progress.bytesTotal = plan.bytes;
    QElapsedTimer clock;
    clock.start();
    const auto keepGoing = [&] { return !onProgress || onProgress(progress); };
    if (!keepGoing()) {
        report.cancelled = true;
        return {};
    }
    Pipeline pipeline(plan.jobs, std::max(1, std::min(threads, int(plan.jobs.size()))), tokenize);
    for (std::size_t i = 0; i < plan.jobs.size(); ++i) {
        std::optional<Outcome> out;
        while (!(out = pipeline.take(i, std::chrono::milliseconds(250)))) {
            updateRate(progress, clock);
            if (!keepGoing()) {
                report.cancelled = true;
                return {};
            }
        }
        ++report.read;
        if (auto done = commit(store, *out, report); !done)
            return done;
        ++progress.volumesDone;
        progress.bytesDone += plan.jobs[i].stamp.size;
        progress.currentFile = plan.jobs[i].stamp.path;
        updateRate(progress, clock);
        if (!keepGoing()) {
            report.cancelled = i + 1 < plan.jobs.size();
            return {};
        }
    }
    return {};
}

} // namespace

Result<IndexReport> indexCatalog(const QString &catalogPath, const IndexOptions &options,
                                 const std::function<bool(const IndexProgress &)> &progress)
{
    const QString absolute = QFileInfo(catalogPath).absoluteFilePath();
    QLockFile lock(absolute + QStringLiteral(".lock"));
    lock.setStaleLockTime(LockStaleAfterMs);
    if (!lock.tryLock(std::max(0, options.lockWaitMs))) {
        qint64 pid = 0;
        QString host, application;
        lock.getLockInfo(&pid, &host, &application);
        return fail(absolute, 0, 0, lock.error() == QLockFile::LockFailedError
                                        ? Tr::tr("the library is already being indexed (process %1 holds %2.lock); "
                                                 "wait for it to finish").arg(pid).arg(absolute)
                                        : Tr::tr("cannot create %1.lock beside the library index").arg(absolute));
    }
    Result<std::unique_ptr<Database>> db = Database::open(catalogSchema(), absolute);
    if (!db)
        return fail(db.error());
    if ((*db)->isReadOnly())
        return fail(absolute, 0, 0, Tr::tr("the library index is read-only (%1)").arg((*db)->readOnlyReason()));
    // Every volume is one transaction, and a lost one (a power cut) is only read again: the index is
    // derived, so the commits need not wait for the disk.
    // A larger page cache keeps FTS5's segment merges in memory. No memory map: the merges read the
    // whole index over a run, and every mapped page would count as the indexer's own (1 GB over 1,400
    // volumes, against 140 MB read through the cache).
    for (const char *pragma : {"PRAGMA synchronous = NORMAL", "PRAGMA cache_size = -65536", "PRAGMA mmap_size = 0"}) {
        if (auto done = Statement::run(**db, QString::fromLatin1(pragma)); !done)
            return fail(done.error());
    }
    CatalogStore store(**db);
    Result<std::vector<CatalogSource>> sources = store.sourceEntries();
    if (!sources)
        return fail(sources.error());
    const SourceScan scan = scanSources(*sources);
    IndexReport report;
    Result<Plan> planned = plan(store, scan, options, report);
    if (!planned)
        return fail(planned.error());
    if (auto done = recordUnreadable(store, scan, report); !done)
        return fail(done.error());
    const int threads = options.threads > 0 ? options.threads : std::max(1, QThread::idealThreadCount());
    if (auto done = run(store, *planned, threads, options.tokenizeWhileReading, report, progress); !done)
        return fail(done.error());
    return report;
}

} // namespace marginalia

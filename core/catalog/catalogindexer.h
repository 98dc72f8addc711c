#pragma once

#include "util/result.h"

#include <QString>

#include <functional>
#include <vector>

namespace marginalia {

// What the index was made with: a newer version makes indexCatalog() re-read every volume once.
// 2: list labels are part of the reading text, and outlines keep what Ibid. needs from earlier documents.
// 3: outlines keep the volume's header (editors, publication date…), which citations of its documents need.
constexpr int CatalogIndexVersion = 3;

// QLockFile takes a lock for stale when its process is gone, or when it is older than this: a week, so
// that a long run is never taken for a dead one.
constexpr int LockStaleAfterMs = 7 * 24 * 3600 * 1000;

struct IndexProgress {
    int volumesDone = 0, volumesTotal = 0; // of the files to read (unchanged ones are not counted)
    qint64 bytesDone = 0, bytesTotal = 0;
    double bytesPerSecond = 0;
    double secondsLeft = -1; // -1 until there is a rate to go by
    QString currentFile;     // the last file committed
};

struct IndexReport {
    int indexed = 0;   // volumes (re)written
    int unchanged = 0; // files skipped: same size and time, or read and found the same
    int missing = 0;   // volumes whose file is gone (all of them, not only those gone since the last run)
    int failed = 0;    // files that gave no volume this run
    int read = 0;      // files read whole
    std::vector<Error> errors; // one per failed file, and unreadable folders
    bool cancelled = false;
};

struct IndexOptions {
    bool force = false; // re-read every file
    int threads = 0;    // 0: every core
    int lockWaitMs = 0; // how long to wait for another run to end before failing (a run being cancelled)
    // Whether the threads that read the files tokenize their text for the full-text index (ftstokens.h),
    // or leave it to the writer. The index is the same; false is for tests that check so.
    bool tokenizeWhileReading = true;
};

// Scans every source, skips unchanged files, reads the changed and new ones on `threads` threads, commits
// each volume in its own transaction (in the order of the scan, so that a run gives the same index
// however its threads are scheduled). `progress` is called on the calling thread; returning false
// cancels (what is committed stays). Holds CATALOG.lock while it runs: a second run at the same time
// fails at once. Failures of single files are in the report; the function itself fails only when the
// index cannot be opened or written (a damaged file, a full disk), with what was committed kept.
Result<IndexReport> indexCatalog(const QString &catalogPath, const IndexOptions &options,
                                 const std::function<bool(const IndexProgress &)> &progress = {});

} // namespace marginalia

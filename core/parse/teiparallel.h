#pragma once

#include "model/volume.h"
#include "teiparser.h"
#include "util/result.h"

#include <optional>

namespace marginalia {

// Reads a large TEI file on two threads: one reads the documents, the other the rest (front matter,
// chapter heads, index) as a skeleton and then helps with the documents; the parts are merged into the
// Volume a sequential read gives. Returns nothing when the file is small, the machine has one core, any
// part fails to read, or an id stands both in a document and between documents: the caller then reads
// the file sequentially, which also gives exact error positions and keeps the id the file gives last.
std::optional<Result<Volume>> parseTeiInParallel(const QByteArray &data, const QString &fileName,
                                                 const TeiParser::Progress &progress);

// When the parallel read is worth it, and how the documents are shared out among the threads.
struct TeiParallelLimits {
    qsizetype minBytes = 256 * 1024; // below this a second thread costs more than it saves
    std::size_t minDocuments = 8;
    // Documents are read in runs of about this many bytes: large enough that setting up a reader is
    // nothing beside the reading, small enough that the threads finish together.
    qsizetype runBytes = 128 * 1024;
};

// The same with the given limits, whatever the machine's core count: lets the differential tests and the fuzzer
// take the parallel path (split, skeleton, several runs, merge) with small inputs.
std::optional<Result<Volume>> parseTeiInParallel(const QByteArray &data, const QString &fileName,
                                                 const TeiParser::Progress &progress,
                                                 const TeiParallelLimits &limits);

} // namespace marginalia

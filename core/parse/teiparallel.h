#pragma once

#include "model/volume.h"
#include "teiparser.h"
#include "util/result.h"

#include <optional>

namespace marginalia {

// Reads a large TEI file on every core: the documents side by side, the rest (front matter, chapter
// heads, index) as a skeleton, then merges them into the Volume a sequential read gives. Returns
// nothing when the file is small, the machine has one core, or any part fails to read: the caller
// then reads the file sequentially, which also gives exact error positions.
std::optional<Result<Volume>> parseTeiInParallel(const QByteArray &data, const QString &fileName,
                                                 const TeiParser::Progress &progress);

} // namespace marginalia

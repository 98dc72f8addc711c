#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace marginalia {

// The most a file read into memory may hold: far above any FRUS volume (the largest are tens of MB) and
// far below what would exhaust memory once the model (up to 4× the file) is built from it.
constexpr qint64 kMaxInputFileBytes = qint64(512) * 1024 * 1024;

// What a path names, in words for a message ("a FIFO", "a folder"); empty for a regular file.
QString nonRegularKind(const QString &path);

// The whole of a regular file at `path` (a symbolic link is followed). Anything else is refused before
// it is opened — opening a FIFO for reading blocks until a writer comes, /dev/zero never ends — with a
// message naming the file: "FILE: not a regular file (a FIFO)". A file over `limit` bytes is refused
// too, and the read itself stops there, should the file grow meanwhile.
Result<QByteArray> readInputFile(const QString &path, qint64 limit = kMaxInputFileBytes);

} // namespace marginalia

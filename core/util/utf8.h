#pragma once

#include <QByteArray>

namespace marginalia {

// Where the first byte that is not valid UTF-8 sits (1-based line and column in characters), so an
// importer can say exactly where a file is damaged.
struct Utf8Problem {
    qsizetype offset = -1; // -1 when the data is valid
    qsizetype line = 0;
    qsizetype column = 0;
    bool valid() const { return offset < 0; }
};

Utf8Problem findInvalidUtf8(const QByteArray &data);

// The 1-based line and column (in characters) of byte `offset` of UTF-8 `data`, as findInvalidUtf8 gives
// them; the offset is left as given.
Utf8Problem positionOfByte(const QByteArray &data, qsizetype offset);

} // namespace marginalia

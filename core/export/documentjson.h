#pragma once

#include <QJsonObject>

namespace marginalia {

class Library;

// The JSON of `marginalia-cli show --format json` for document `documentIndex` of library volume
// `volumeIndex`: {"volume", "id", "number", "title", "date", "text", "footnotes", "crossReferences",
// "pageBreaks"}. Offsets are QString indexes into "text" (ReadingText of the body), each the index
// right after which a marker or page break stands. Cross-references are listed in reading order, a
// note's ones where its marker stands. The indexes must be valid.
QJsonObject documentJson(const Library &library, int volumeIndex, int documentIndex);

} // namespace marginalia

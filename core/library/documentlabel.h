#pragma once

#include <QString>

namespace marginalia {

struct Document;

// What the library tree, the index-backed tree, the window title and the PDF contents call a document:
// "2. Memorandum From …", "2" for a document whose head is its number alone, the title alone when it has
// no number. It reads the number and title as stored, so a library index made before titles lost their
// number ("2. 2. Memorandum", "11.. Memorandum") shows the same label without a re-index.
QString documentLabel(const Document &doc);

// The document's title without its own number in front, however the file or an older index wrote it.
QString documentTitle(const Document &doc);

} // namespace marginalia

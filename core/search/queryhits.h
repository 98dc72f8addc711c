#pragma once

#include <QString>

#include <utility>
#include <vector>

namespace marginalia {

// Where a library search's words are in `text` (a document's reading text), as [start, end) offsets in
// order: the same terms, marked the same way, as the search's snippets (parseCatalogQuery's highlight
// terms, stemmed words as prefixes, phrases whole, nothing after NOT). A query the syntax does not allow
// falls back to its plain words, so that a document still shows what the user typed.
std::vector<std::pair<int, int>> libraryQueryHits(const QString &query, const QString &text);

} // namespace marginalia

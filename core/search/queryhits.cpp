#include "queryhits.h"

#include "store/catalogquery.h"
#include "store/ftsquery.h"

namespace marginalia {

std::vector<std::pair<int, int>> libraryQueryHits(const QString &query, const QString &text)
{
    Result<CatalogMatch> parsed = parseCatalogQuery(query);
    const SnippetMaker marker(parsed ? parsed->highlight : searchTerms(query));
    std::vector<std::pair<int, int>> hits;
    for (const auto &[start, end] : marker.matches(text))
        hits.emplace_back(int(start), int(end));
    return hits;
}

} // namespace marginalia

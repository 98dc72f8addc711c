#include "documentlookup.h"

#include "documentkey.h"
#include "library/library.h"

namespace marginalia {

std::optional<std::pair<int, int>> findDocumentByKey(const Library &library, const QString &key)
{
    const qsizetype slash = key.lastIndexOf(u'/');
    const QString docId = slash < 0 ? key : key.mid(slash + 1);
    std::optional<std::pair<int, int>> found;
    for (int v = 0; v < library.size(); ++v) {
        const int d = library.volume(v).documentIndex(docId);
        if (d < 0 || documentKey(library, v, d) != key)
            continue;
        if (library.volume(v).format == SourceFormat::Tei)
            return std::pair(v, d);
        if (!found)
            found = std::pair(v, d);
    }
    return found;
}

} // namespace marginalia

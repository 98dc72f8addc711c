#include "documentlookup.h"

#include "documentkey.h"
#include "library/citationlabel.h"
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

const Document &KeyedDocument::doc(const Library &library) const
{
    return library.volume(volume).documents.at(std::size_t(document));
}

std::optional<KeyedDocument> keyedDocument(const Library &library, const QString &key)
{
    const std::optional<std::pair<int, int>> at = findDocumentByKey(library, key);
    if (!at)
        return std::nullopt;
    const int home = library.homeVolume(at->first);
    KeyedDocument open{at->first, at->second, library.volumeIdOf(at->first),
                       library.volume(home >= 0 ? home : at->first).title};
    if (open.volumeId.isEmpty() && !key.startsWith(QLatin1String("local/")))
        open.volumeId = key.section(QLatin1Char('/'), 0, 0);
    return open;
}

QString shortCitationOfKey(const Library &library, const QString &key)
{
    const std::optional<KeyedDocument> open = keyedDocument(library, key);
    if (!open)
        return key;
    const QString label = citationLabel(open->volumeId, open->volumeTitle, open->doc(library), {});
    return label.isEmpty() ? key : label;
}

} // namespace marginalia

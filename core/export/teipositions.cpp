#include "teipositions.h"

#include "annotation/documentlookup.h"
#include "library/library.h"
#include "model/readingtext.h"

namespace marginalia {

TeiFlowText teiFlowTextIn(const Library &library)
{
    return [&library](const QString &documentKey, const QString &footnote) -> std::optional<QString> {
        const std::optional<std::pair<int, int>> found = findDocumentByKey(library, documentKey);
        if (!found)
            return std::nullopt;
        const Volume &volume = library.volume(found->first);
        if (volume.format != SourceFormat::Tei)
            return std::nullopt;
        const Document &doc = volume.documents.at(std::size_t(found->second));
        if (footnote.isEmpty())
            return ReadingText(doc.body).text();
        const Footnote *note = doc.footnoteById(footnote);
        if (!note)
            return std::nullopt;
        return plainText(note->content);
    };
}

} // namespace marginalia

#include "citationitems.h"

#include "annotation/annotationservice.h"
#include "library/citationlabel.h"
#include "library/library.h"
#include "model/volume.h"

namespace marginalia {

namespace {

void addAnnotation(CitationItem &item, const Annotation &a)
{
    if (!a.note.trimmed().isEmpty()) {
        const QString quote = a.selector.exact.simplified();
        item.notes << (quote.isEmpty() ? a.note : QStringLiteral("\u201C%1\u201D\n\n%2").arg(quote, a.note));
    }
    for (const QString &tag : a.tags) {
        if (!item.tags.contains(tag, Qt::CaseInsensitive))
            item.tags << tag;
    }
}

} // namespace

std::vector<CitationItem> citationItems(const Library &library, const std::vector<DocumentAt> &documents,
                                        const std::vector<Annotation> &annotations)
{
    std::vector<CitationItem> items;
    items.reserve(documents.size());
    for (const DocumentAt &at : documents) {
        CitationItem item{citationSource(library, at.volume, at.document), {}, {}};
        for (const Annotation &a : annotations) {
            if (a.document == item.source.key)
                addAnnotation(item, a);
        }
        items.push_back(std::move(item));
    }
    return items;
}

std::optional<QString> pagesOfQuote(const Library &library, DocumentAt at, const QString &quote)
{
    const Document &doc = library.volume(at.volume).documents.at(std::size_t(at.document));
    const AnnotationService::QuoteMatch match = AnnotationService::draftOnQuote(doc, QString(), quote, 1);
    if (!match.draft)
        return std::nullopt;
    const TextSelector &where = match.draft->selector;
    const int footnote = where.footnote.isEmpty() ? -1 : doc.footnoteIndex(where.footnote);
    return pagesOf(library, at.volume, at.document, footnote, where.start, where.end);
}

} // namespace marginalia

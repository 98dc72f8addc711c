#include "searchresultsmodel.h"

#include "library/openlibrary.h"
#include "store/annotationstore.h"
#include "util/plaintext.h"

namespace marginalia {

SearchResultsModel::SearchResultsModel(const OpenLibrary *library, QObject *parent)
    : QAbstractListModel(parent), m_library(library)
{
    // A reopened volume may have other documents: its hits go at once, before the search run anew for
    // it (LibrarySearchJob) brings the new ones, so no row ever points into a document that is not there.
    connect(library, &OpenLibrary::volumeReplaced, this, [this](int volume) {
        beginResetModel();
        std::erase_if(m_hits, [volume](const SearchHit &hit) { return hit.volume == volume; });
        endResetModel();
    });
}

const Document *SearchResultsModel::documentOf(const SearchHit &hit) const
{
    const Library &library = m_library->library();
    if (hit.volume < 0 || hit.volume >= library.size())
        return nullptr;
    const std::vector<Document> &documents = library.volume(hit.volume).documents;
    return hit.document >= 0 && std::size_t(hit.document) < documents.size() ? &documents[std::size_t(hit.document)]
                                                                              : nullptr;
}

int SearchResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_annotationHits.size() + m_hits.size());
}

QVariant SearchResultsModel::annotationData(const AnnotationRow &row, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return tr("Annotation, %1 — %2").arg(row.document, row.snippet);
    case ContextHtmlRole: {
        QString html = row.snippet.toHtmlEscaped();
        html.replace(QStringLiteral("«"), QStringLiteral("<b>")).replace(QStringLiteral("»"), QStringLiteral("</b>"));
        return QStringLiteral("<span style='color:gray'>%1</span> %2").arg(tr("Annotation, %1").arg(row.document).toHtmlEscaped(), html);
    }
    case AnnotationIdRole:
        return row.id;
    case DocumentKeyRole:
        return row.document;
    case VolumeRole:
    case DocumentRole:
    case FootnoteRole:
        return -1;
    default:
        return {};
    }
}

QString SearchResultsModel::placeOf(const SearchHit &hit) const
{
    const Document *doc = documentOf(hit);
    if (!doc)
        return {};
    const QString document = doc->number.isEmpty() ? doc->title : tr("Doc. %1").arg(doc->number);
    if (hit.footnote < 0 || std::size_t(hit.footnote) >= doc->footnotes.size())
        return document;
    const QString &label = doc->footnotes[std::size_t(hit.footnote)].label;
    return label == QLatin1String("0") ? tr("%1, source note").arg(document) : tr("%1, note %2").arg(document, label);
}

QVariant SearchResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    if (index.row() < int(m_annotationHits.size()))
        return annotationData(m_annotationHits[std::size_t(index.row())], role);
    const SearchHit &hit = m_hits[std::size_t(index.row()) - m_annotationHits.size()];
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1 — %2").arg(placeOf(hit), hit.context);
    case Qt::ToolTipRole:
        if (const Document *doc = documentOf(hit))
            return plainTooltip(doc->title);
        return {};
    case ContextHtmlRole: {
        const QString &c = hit.context;
        return QStringLiteral("<span style='color:gray'>%1</span> %2<b>%3</b>%4")
            .arg(placeOf(hit).toHtmlEscaped(), c.left(hit.contextStart).toHtmlEscaped(),
                 c.mid(hit.contextStart, hit.length).toHtmlEscaped(), c.mid(hit.contextStart + hit.length).toHtmlEscaped());
    }
    case VolumeRole:
        return hit.volume;
    case DocumentRole:
        return hit.document;
    case FootnoteRole:
        return hit.footnote;
    case OffsetRole:
        return hit.readingOffset;
    case LengthRole:
        return hit.length;
    default:
        return {};
    }
}

void SearchResultsModel::setResults(const LibrarySearchResults &results)
{
    beginResetModel();
    m_query = results.query;
    m_hits = results.hits;
    m_annotationHits.clear();
    for (const StoreSearchHit &h : results.annotationHits)
        m_annotationHits.push_back({h.annotationId, h.document, h.snippet});
    endResetModel();
}

void SearchResultsModel::clear()
{
    beginResetModel();
    m_hits.clear();
    m_annotationHits.clear();
    m_query.clear();
    endResetModel();
}

} // namespace marginalia

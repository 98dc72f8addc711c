#include "searchresultsmodel.h"

#include "library/citationlabel.h"
#include "library/openlibrary.h"
#include "store/annotationstore.h"
#include "util/plaintext.h"

#include <QFileInfo>

#include <algorithm>

namespace marginalia {

SearchResultsModel::SearchResultsModel(const OpenLibrary *library, QObject *parent)
    : QAbstractListModel(parent), m_library(library)
{
    // A reopened volume may have other documents: its hits go at once, before the search run anew for
    // it (LibrarySearchJob) brings the new ones, so no row ever points into a document that is not there.
    connect(library, &OpenLibrary::volumeReplaced, this, [this](int volume) { dropHitsOf(volume, false); });
    // A closed volume's hits go; the later volumes' hits follow their volume to its new index.
    connect(library, &OpenLibrary::volumeRemoved, this, [this](int volume) { dropHitsOf(volume, true); });
}

void SearchResultsModel::dropHitsOf(int volume, bool renumber)
{
    beginResetModel();
    const auto gone = std::erase_if(m_hits, [volume](const SearchHit &hit) { return hit.volume == volume; });
    for (SearchHit &hit : m_hits) {
        if (renumber && hit.volume > volume)
            --hit.volume;
    }
    m_totalHits = std::max(int(m_hits.size()), m_totalHits - int(gone));
    endResetModel();
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

QString SearchResultsModel::volumeNameOf(const SearchHit &hit) const
{
    const Library &library = m_library->library();
    if (hit.volume < 0 || hit.volume >= library.size())
        return {};
    const int home = library.homeVolume(hit.volume); // a text copy is cited as its volume
    const Volume &volume = library.volume(home >= 0 ? home : hit.volume);
    const QString name = shortVolumeName(library.volumeIdOf(hit.volume), volume.title);
    return name.isEmpty() ? QFileInfo(library.volume(hit.volume).sourcePath).fileName() : name;
}

QString SearchResultsModel::documentNameOf(const SearchHit &hit) const
{
    const Document *doc = documentOf(hit);
    if (!doc)
        return {};
    return doc->number.isEmpty() ? doc->title : tr("Doc. %1").arg(doc->number);
}

// "note 2", "source note", or empty for the document's text.
QString SearchResultsModel::noteOf(const SearchHit &hit) const
{
    const Document *doc = documentOf(hit);
    if (!doc || hit.footnote < 0 || std::size_t(hit.footnote) >= doc->footnotes.size())
        return {};
    const QString &label = doc->footnotes[std::size_t(hit.footnote)].label;
    return label == QLatin1String("0") ? tr("source note") : tr("note %1").arg(label);
}

// "FRUS 1934, vol. V, Doc. 1, note 2": the volume too, as two volumes each have a "Doc. 1".
QString SearchResultsModel::placeOf(const SearchHit &hit) const
{
    if (!documentOf(hit))
        return {};
    QStringList parts;
    for (const QString &part : {volumeNameOf(hit), documentNameOf(hit), noteOf(hit)}) {
        if (!part.isEmpty())
            parts << part;
    }
    return parts.join(QStringLiteral(", "));
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
    case InDocumentHtmlRole: {
        const QString &c = hit.context;
        const QString note = noteOf(hit);
        return QStringLiteral("%1%2<b>%3</b>%4")
            .arg(note.isEmpty() ? QString() : QStringLiteral("<span style='color:gray'>%1</span> ").arg(note.toHtmlEscaped()),
                 c.left(hit.contextStart).toHtmlEscaped(), c.mid(hit.contextStart, hit.length).toHtmlEscaped(),
                 c.mid(hit.contextStart + hit.length).toHtmlEscaped());
    }
    case VolumeNameRole:
        return volumeNameOf(hit);
    case DocumentNameRole:
        return documentNameOf(hit);
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
    m_totalHits = std::max(results.totalHits, int(results.hits.size()));
    m_annotationHits.clear();
    for (const StoreSearchHit &h : results.annotationHits)
        m_annotationHits.push_back({h.annotationId, h.document, h.snippet});
    endResetModel();
}

void SearchResultsModel::clear()
{
    beginResetModel();
    m_hits.clear();
    m_totalHits = 0;
    m_annotationHits.clear();
    m_query.clear();
    endResetModel();
}

} // namespace marginalia

#pragma once

#include "search/librarysearchjob.h"

#include <QAbstractListModel>

#include <vector>

namespace marginalia {

class OpenLibrary;
struct Document;

// The hits of the last library search, one row each: first the annotations whose note, quote or tags
// match (from the annotation database's full-text index), then the passages of the open documents, each
// with where it is ("FRUS 1961–63, vol. IX, Doc. 317, note 2") and the words around it, the hit marked for the view in bold.
// It runs no search: it receives the results (LibrarySearchJob finds them off the GUI thread).
class SearchResultsModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        VolumeRole = Qt::UserRole + 1,
        DocumentRole,
        FootnoteRole,  // -1 for the body
        OffsetRole,    // reading offset of the hit
        LengthRole,
        ContextHtmlRole, // the context, escaped, with the hit in <b>
        AnnotationIdRole, // annotation rows only; empty for text rows
        DocumentKeyRole,  // annotation rows only
        VolumeNameRole,   // "FRUS 1934, vol. V" (text rows)
        DocumentNameRole, // "Doc. 1" or the title when it has no number (text rows)
        InDocumentHtmlRole, // ContextHtmlRole without the volume and document ("note 2 — …"), under their heading
    };

    explicit SearchResultsModel(const OpenLibrary *library, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    int annotationRowCount() const { return int(m_annotationHits.size()); }
    // Passages that match, all of them: more than the rows list when the search cut its list.
    int totalTextHits() const { return m_totalHits; }
    int textRowCount() const { return int(m_hits.size()); }
    const QString &query() const { return m_query; }

public Q_SLOTS:
    void setResults(const marginalia::LibrarySearchResults &results);
    void clear();

private:
    struct AnnotationRow {
        QString id;
        QString document;
        QString snippet; // the match between « and »
    };
    // The document a hit is in; null when the hit points past the library (never shown as such).
    const Document *documentOf(const SearchHit &hit) const;
    QString volumeNameOf(const SearchHit &hit) const;
    void dropHitsOf(int volume, bool renumber);
    QString documentNameOf(const SearchHit &hit) const;
    QString noteOf(const SearchHit &hit) const;
    QString placeOf(const SearchHit &hit) const;
    QVariant annotationData(const AnnotationRow &row, int role) const;

    const OpenLibrary *m_library;
    std::vector<AnnotationRow> m_annotationHits;
    std::vector<SearchHit> m_hits;
    int m_totalHits = 0;
    QString m_query;
};

} // namespace marginalia

Q_DECLARE_METATYPE(marginalia::SearchOptions)

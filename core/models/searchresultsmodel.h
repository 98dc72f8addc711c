#pragma once

#include "search/librarysearch.h"

#include <QAbstractListModel>

#include <vector>

namespace marginalia {

class OpenLibrary;

// The hits of the last library search, one row each: where it is ("Doc. 317, note 2") and the words
// around it, with the hit marked for the view to show in bold.
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
    };

    explicit SearchResultsModel(const OpenLibrary *library, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    const SearchHit &hit(int row) const { return m_hits.at(std::size_t(row)); }
    const QString &query() const { return m_query; }

public Q_SLOTS:
    void search(const QString &query, const marginalia::SearchOptions &options);
    void clear();

private:
    QString placeOf(const SearchHit &hit) const;

    const OpenLibrary *m_library;
    std::vector<SearchHit> m_hits;
    QString m_query;
};

} // namespace marginalia

Q_DECLARE_METATYPE(marginalia::SearchOptions)

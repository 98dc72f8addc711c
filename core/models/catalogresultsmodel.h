#pragma once

#include "store/catalogrecords.h"

#include <QAbstractItemModel>
#include <QHash>

#include <vector>

namespace marginalia {

// The answer of the last search of the library index, grouped by volume: a row per volume (in the order
// of its best hit), under it a row per document found (number, title, date, the snippet with its hits in
// bold). It runs no search (CatalogSearchJob does) and holds the true total beside the rows shown, and the
// plain message of a query that failed.
class CatalogResultsModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Role {
        VolumeIdRole = Qt::UserRole + 1,
        DocumentIdRole,   // empty on a volume row
        IsVolumeRole,
        HtmlRole,         // the row as the view draws it: escaped text, the hits in <b>
        DateRole,
        KindRole,
        NumberRole,
    };

    explicit CatalogResultsModel(QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // Volume titles by id, for the group rows (the short name is made from the id when there is none).
    void setVolumeTitles(const QHash<QString, QString> &titles);
    const QString &query() const { return m_query; }
    int total() const { return m_total; }
    bool totalCounted() const { return m_totalExact; } // false: estimated, the count still to come
    int shown() const { return m_shown; }
    int volumeCount() const { return int(m_groups.size()); }
    const QString &error() const { return m_error; }
    // "2,341 documents — the best 200 shown, from 17 volumes"; empty before a search.
    QString summary() const;

public Q_SLOTS:
    void setResults(const marginalia::CatalogQuery &query, const marginalia::CatalogSearchResults &results);
    // The counted total of the query shown, which its results only estimated.
    void setTotal(const marginalia::CatalogQuery &query, int total);
    void setError(const marginalia::CatalogQuery &query, const QString &message);
    void clear();

Q_SIGNALS:
    // summary() changed without the rows changing (the total counted).
    void summaryChanged();

private:
    struct Group {
        QString volume;
        std::vector<CatalogHit> hits;
    };
    QVariant volumeData(const Group &group, int role) const;
    QVariant hitData(const CatalogHit &hit, int role) const;

    std::vector<Group> m_groups;
    QHash<QString, QString> m_titles;
    QString m_query;
    QString m_error;
    int m_total = 0;
    int m_shown = 0;
    bool m_totalExact = true;
};

} // namespace marginalia

#pragma once

#include "store/catalogrecords.h"

#include <QAbstractListModel>

#include <vector>

namespace marginalia {

// The documents of the library that cite the one on screen (Catalog::citedBy), one row each: its volume,
// number and title, and the sentence that cites, in the order the index gives them.
class CitedByModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        VolumeIdRole = Qt::UserRole + 1,
        DocumentIdRole,
        SentenceRole,
        InNoteRole,
        HtmlRole, // escaped text, the place in bold
    };

    explicit CitedByModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // The document whose citations these are.
    const QString &volumeId() const { return m_volume; }
    const QString &documentId() const { return m_document; }

public Q_SLOTS:
    void setCitations(const QString &volumeId, const QString &documentId, const std::vector<marginalia::CitingDocument> &citing);
    void clear();

private:
    QString placeOf(const CitingDocument &citing) const;

    QString m_volume, m_document;
    std::vector<CitingDocument> m_citing;
};

} // namespace marginalia

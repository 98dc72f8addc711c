#pragma once

#include "annotation/anchoredannotation.h"

#include <QAbstractListModel>

#include <vector>

namespace marginalia {

// A list of annotations: those of the document on screen (anchored), or a tag's across the library.
// Each row shows the quote, the note and the tags, and who wrote it when that is someone else (a team
// member); orphans say so.
class AnnotationsModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        QuoteRole,
        NoteRole,
        TagsRole,     // QStringList
        ColorRole,    // QColor to paint with
        OrphanRole,   // bool
        DocumentRole, // the document key
        StartRole,    // anchored start (reading offset in its flow), -1 for orphans
        EndRole,
        FootnoteRole, // index of its note, -1 for the body
        AuthorRole,   // who wrote it (in a team, the member the server names)
    };

    explicit AnnotationsModel(QObject *parent = nullptr);

    void setAnnotations(std::vector<AnchoredAnnotation> annotations);
    const std::vector<AnchoredAnnotation> &annotations() const { return m_rows; }
    const AnchoredAnnotation &at(int row) const { return m_rows.at(std::size_t(row)); }
    int rowOf(const QString &id) const;
    int orphanCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    std::vector<AnchoredAnnotation> m_rows;
};

} // namespace marginalia

#pragma once

#include "glossary/glossarymentions.h"

#include <QAbstractItemModel>

#include <vector>

namespace marginalia {

// A volume's persons or terms for the Persons and Terms panes: each entry (name, and how many times the
// volume names it) with its mentions under it ("Doc. 317: …the words around it…"). A search narrows the
// entries to those whose name or description holds it, case and accents ignored.
class GlossaryModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1, // QString: the entry's xml:id (entries and mentions)
        DescriptionRole,           // QString: the entry's description
        VolumeRole,                // int: the volume's index in the library
        DocumentRole,              // int, mentions only (else -1): the document's index in the volume
        FootnoteRole,              // int: -1 in the body, else the note's index
        OffsetRole,                // int: in the body's reading text or the note's plain text
        LengthRole,                // int
    };
    enum Column { NameColumn, MentionsColumn, ColumnCount };

    explicit GlossaryModel(EntityRef::Kind kind, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The glossary of volume `volumeIndex` (`volume`, read now); none when `volume` is null.
    void setVolume(int volumeIndex, const Volume *volume);
    int volumeIndex() const { return m_volume; }
    // Documents of the volume whose mentions are not counted, not being read yet.
    int documentsNotRead() const { return m_notRead; }
    void setFilter(const QString &text);
    // The row of the entry `id` among those shown, or an invalid index.
    QModelIndex indexOfEntry(const QString &id) const;

private:
    void applyFilter();
    QString mentionLabel(const GlossaryMention &mention) const;

    EntityRef::Kind m_kind;
    int m_volume = -1;
    int m_notRead = 0;
    std::vector<GlossaryItem> m_items;
    std::vector<QString> m_documentLabels; // "Doc. 317" per document of the volume
    std::vector<int> m_shown;              // indices into m_items that pass the filter
    QString m_filter;                      // folded
};

} // namespace marginalia

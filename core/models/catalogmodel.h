#pragma once

#include "store/catalogrecords.h"

#include <QAbstractItemModel>
#include <QStringList>

#include <memory>
#include <vector>

namespace marginalia {

class CatalogVolumes;

// The library index as a tree: volumes → divisions (chapters, compilations) → documents (number, title,
// date). It lists the volumes from the index alone and decodes a volume's outline only when the volume is
// expanded (canFetchMore / fetchMore), so a library of 1,400 volumes lists without reading one. Volumes
// whose file is missing or did not parse are listed as such, with no children. Column 0 is the title,
// column 1 the date (documents) or the state (volumes).
class CatalogModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Role {
        VolumeIdRole = Qt::UserRole + 1, // QString: "frus1961-63v09"
        DocumentRole,                    // int: index of the document in its volume, -1 for other rows
        DocumentIdRole,                  // QString: "d317"
        KindRole,                        // int: NodeKind
        StateRole,                       // int: CatalogVolumeInfo::State of the row's volume
    };
    enum NodeKind { VolumeNode, DivisionNode, DocumentNode };

    explicit CatalogModel(CatalogVolumes *volumes, QObject *parent = nullptr);
    ~CatalogModel() override;

    // Reads the list of volumes from the index again (after indexing committed some). Volumes whose
    // file did not change keep their decoded outline. Returns false, with problem() set, when the
    // index cannot be read.
    bool reload();
    const QString &problem() const { return m_problem; }
    int volumeCount() const { return int(m_volumes.size()); }
    // Whether the volume's outline has been decoded (for tests: nothing is read until it is expanded).
    bool isFetched(const QString &volumeId) const;

    QModelIndex indexOfVolume(const QString &volumeId) const;
    QModelIndex indexOfDocument(const QString &volumeId, const QString &documentId);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node;
    Node *nodeOf(const QModelIndex &index) const;
    bool insertNewVolumes(std::vector<CatalogVolumeInfo> &listed);
    QVariant volumeData(const Node &node, int column, int role) const;

    CatalogVolumes *m_cache;
    std::vector<std::unique_ptr<Node>> m_volumes;
    QString m_problem;
};

} // namespace marginalia

#pragma once

#include <QAbstractItemModel>

#include <vector>

namespace marginalia {

class OpenLibrary;

// The open library as a tree: volumes → divisions (compilations, chapters) → documents. Column 0 is
// "317. Letter From …" (number and title), column 1 the date. Documents a division does not hold sit
// directly under their volume; empty divisions are left out.
class LibraryModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Role {
        VolumeRole = Qt::UserRole + 1, // int: index of the volume in the library
        DocumentRole,                  // int: index of the document in its volume, -1 for other rows
        DocumentIdRole,                // QString: "d317"
        KindRole,                      // int: NodeKind
        FilterTextRole,                // QString: number, title, date, place, for the filter box
    };
    enum NodeKind { VolumeNode, DivisionNode, DocumentNode };

    explicit LibraryModel(const OpenLibrary *library, QObject *parent = nullptr);
    ~LibraryModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QModelIndex indexOfDocument(int volume, int document) const;

private:
    struct Node;
    void addVolume(int volume);
    void rebuildVolume(int volume);
    void removeVolume(int volume);
    std::unique_ptr<Node> buildVolume(int volume) const;
    Node *nodeOf(const QModelIndex &index) const;

    const OpenLibrary *m_library;
    std::vector<std::unique_ptr<Node>> m_volumes;
};

} // namespace marginalia

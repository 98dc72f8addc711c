#pragma once

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace marginalia {

class SearchResultsModel;

// The rows of a SearchResultsModel grouped as a tree, as the search pane shows them: the annotations
// that match, then each volume ("FRUS 1934, vol. V — 36 hits"), under it each document ("Doc. 1 — 3
// hits"), under that its hits. Hit rows give the source model's roles (SourceRowRole says which row);
// group rows say what they hold. It follows the source's resets; it runs no search.
class SearchHitGroupsModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Role {
        IsGroupRole = Qt::UserRole + 100,
        SourceRowRole, // the hit's row in the source model; -1 for a group
        HitCountRole,  // hits under a group
    };

    explicit SearchHitGroupsModel(SearchResultsModel *source, QObject *parent = nullptr);
    ~SearchHitGroupsModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // The row of a hit of the source (for tests and for keeping a choice across resets).
    QModelIndex indexOfSourceRow(int sourceRow) const;

private:
    struct Node {
        Node *parent = nullptr;
        int row = 0;
        int sourceRow = -1; // a hit; -1 for a group
        QString label;      // a group's
        int hits = 0;       // a group's
        std::vector<std::unique_ptr<Node>> children;
    };
    void rebuild();
    Node *nodeOf(const QModelIndex &index) const;
    static Node *addChild(std::vector<std::unique_ptr<Node>> &rows, Node *parent);

    SearchResultsModel *m_source;
    std::vector<std::unique_ptr<Node>> m_roots;
    std::vector<const Node *> m_bySourceRow;
};

} // namespace marginalia

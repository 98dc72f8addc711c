#pragma once

#include <QModelIndex>

#include <memory>
#include <vector>

namespace marginalia {

// The QAbstractItemModel plumbing of a tree whose nodes own their children, shared by the tree models:
// a Node has `Node *parent` (null for a root), `int row` (its place among its parent's children) and
// `std::vector<std::unique_ptr<Node>> children`. `make(row, column, node)` is the model's createIndex.

template <typename Node, typename Make>
QModelIndex treeIndex(const std::vector<std::unique_ptr<Node>> &roots, const Node *parentNode, int row, int column,
                      int columns, const QModelIndex &parent, Make make)
{
    if (row < 0 || column < 0 || column >= columns || parent.column() > 0)
        return {};
    const std::vector<std::unique_ptr<Node>> &rows = parentNode ? parentNode->children : roots;
    if (std::size_t(row) >= rows.size())
        return {};
    return make(row, column, rows[std::size_t(row)].get());
}

template <typename Node, typename Make>
QModelIndex treeParent(const Node *child, Make make)
{
    if (!child || !child->parent)
        return {};
    return make(child->parent->row, 0, child->parent);
}

template <typename Node>
int treeRowCount(const std::vector<std::unique_ptr<Node>> &roots, const Node *parentNode, const QModelIndex &parent)
{
    if (parent.column() > 0)
        return 0;
    return int(parentNode ? parentNode->children.size() : roots.size());
}

} // namespace marginalia

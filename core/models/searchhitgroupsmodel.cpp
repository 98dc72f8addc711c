#include "searchhitgroupsmodel.h"

#include "nodetree.h"
#include "searchresultsmodel.h"

#include <QLocale>

namespace marginalia {

namespace {

QString hitCount(int n)
{
    return n == 1 ? SearchHitGroupsModel::tr("1 hit") : SearchHitGroupsModel::tr("%1 hits").arg(QLocale().toString(n));
}

} // namespace

SearchHitGroupsModel::SearchHitGroupsModel(SearchResultsModel *source, QObject *parent)
    : QAbstractItemModel(parent), m_source(source)
{
    connect(source, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); });
    connect(source, &QAbstractItemModel::modelReset, this, [this] {
        rebuild();
        endResetModel();
    });
    rebuild();
}

SearchHitGroupsModel::~SearchHitGroupsModel() = default;

SearchHitGroupsModel::Node *SearchHitGroupsModel::addChild(std::vector<std::unique_ptr<Node>> &rows, Node *parent)
{
    auto node = std::make_unique<Node>();
    node->parent = parent;
    node->row = int(rows.size());
    rows.push_back(std::move(node));
    return rows.back().get();
}

// The source lists annotations first, then the passages in library order: a new volume or document
// starts a new group wherever the one before differs.
void SearchHitGroupsModel::rebuild()
{
    m_roots.clear();
    m_bySourceRow.assign(std::size_t(m_source->rowCount()), nullptr);
    Node *annotations = nullptr;
    Node *volume = nullptr;
    Node *document = nullptr;
    int lastVolume = -1;
    int lastDocument = -1;
    for (int row = 0; row < m_source->rowCount(); ++row) {
        const QModelIndex hit = m_source->index(row, 0);
        Node *group = nullptr;
        if (!hit.data(SearchResultsModel::AnnotationIdRole).toString().isEmpty()) {
            if (!annotations)
                annotations = addChild(m_roots, nullptr);
            group = annotations;
        } else {
            const int v = hit.data(SearchResultsModel::VolumeRole).toInt();
            const int d = hit.data(SearchResultsModel::DocumentRole).toInt();
            if (!volume || v != lastVolume) {
                volume = addChild(m_roots, nullptr);
                volume->label = hit.data(SearchResultsModel::VolumeNameRole).toString();
                document = nullptr;
                lastVolume = v;
            }
            if (!document || d != lastDocument) {
                document = addChild(volume->children, volume);
                document->label = hit.data(SearchResultsModel::DocumentNameRole).toString();
                lastDocument = d;
            }
            ++volume->hits;
            group = document;
        }
        ++group->hits;
        Node *leaf = addChild(group->children, group);
        leaf->sourceRow = row;
        m_bySourceRow[std::size_t(row)] = leaf;
    }
    if (annotations)
        annotations->label = tr("Annotations");
}

SearchHitGroupsModel::Node *SearchHitGroupsModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : nullptr;
}

QModelIndex SearchHitGroupsModel::index(int row, int column, const QModelIndex &parent) const
{
    return treeIndex(m_roots, nodeOf(parent), row, column, columnCount(), parent,
                     [this](int r, int c, Node *node) { return createIndex(r, c, node); });
}

QModelIndex SearchHitGroupsModel::parent(const QModelIndex &child) const
{
    return treeParent(nodeOf(child), [this](int r, int c, Node *node) { return createIndex(r, c, node); });
}

int SearchHitGroupsModel::rowCount(const QModelIndex &parent) const
{
    return treeRowCount(m_roots, nodeOf(parent), parent);
}

int SearchHitGroupsModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QModelIndex SearchHitGroupsModel::indexOfSourceRow(int sourceRow) const
{
    if (sourceRow < 0 || std::size_t(sourceRow) >= m_bySourceRow.size() || !m_bySourceRow[std::size_t(sourceRow)])
        return {};
    const Node *node = m_bySourceRow[std::size_t(sourceRow)];
    return createIndex(node->row, 0, const_cast<Node *>(node));
}

QVariant SearchHitGroupsModel::data(const QModelIndex &index, int role) const
{
    const Node *node = nodeOf(index);
    if (!node)
        return {};
    if (node->sourceRow >= 0) {
        switch (role) {
        case IsGroupRole:
            return false;
        case SourceRowRole:
            return node->sourceRow;
        case SearchResultsModel::ContextHtmlRole: {
            // Under its volume and document, a passage says only where in the document it is.
            const QModelIndex hit = m_source->index(node->sourceRow, 0);
            const QVariant inDocument = hit.data(SearchResultsModel::InDocumentHtmlRole);
            return inDocument.isValid() && hit.data(SearchResultsModel::AnnotationIdRole).toString().isEmpty()
                       ? inDocument
                       : hit.data(role);
        }
        default:
            return m_source->index(node->sourceRow, 0).data(role);
        }
    }
    switch (role) {
    case IsGroupRole:
        return true;
    case SourceRowRole:
        return -1;
    case HitCountRole:
        return node->hits;
    case Qt::DisplayRole:
        return tr("%1 — %2").arg(node->label, hitCount(node->hits));
    case SearchResultsModel::ContextHtmlRole:
        return QStringLiteral("<b>%1</b> <span style='color:gray'>— %2</span>")
            .arg(node->label.toHtmlEscaped(), hitCount(node->hits).toHtmlEscaped());
    default:
        return {};
    }
}

Qt::ItemFlags SearchHitGroupsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

} // namespace marginalia

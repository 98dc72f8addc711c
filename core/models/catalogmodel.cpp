#include "catalogmodel.h"

#include "catalog/catalog.h"
#include "catalog/catalogvolumes.h"
#include "catalog/lazyvolume.h"
#include "library/citationlabel.h"
#include "library/documentlabel.h"
#include "nodetree.h"
#include "util/plaintext.h"

#include <QDate>
#include <QFileInfo>
#include <QHash>

namespace marginalia {

// One row of the tree. Volume nodes hold the index's record and, once fetched, the lazy volume whose
// outline their children point into (kept alive here, whatever the cache drops).
struct CatalogModel::Node {
    NodeKind kind = VolumeNode;
    int index = -1; // division or document index in the volume; -1 for a volume
    int row = 0;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;

    // Volume nodes only.
    CatalogVolumeInfo info;
    bool fetched = false;
    QString error; // why the outline could not be read
    std::shared_ptr<LazyVolume> lazy;

    Node *addChild(NodeKind childKind, int childIndex)
    {
        auto child = std::make_unique<Node>();
        child->kind = childKind;
        child->index = childIndex;
        child->row = int(children.size());
        child->parent = this;
        children.push_back(std::move(child));
        return children.back().get();
    }
    const Node *top() const
    {
        const Node *n = this;
        while (n->parent)
            n = n->parent;
        return n;
    }
    const Volume *volume() const
    {
        const Node *t = top();
        return t->lazy ? &t->lazy->outline().volume : nullptr;
    }
};

namespace {

QString shortDate(const QString &isoDate)
{
    const QDate date = QDate::fromString(isoDate.left(10), Qt::ISODate);
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

// The children of a volume node: divisions made when their first document shows up, so empty ones never
// appear and siblings keep the order of the file (as LibraryModel does for open files).
void buildChildren(CatalogModel::NodeKind divisionKind, CatalogModel::NodeKind documentKind,
                   const Volume &v, auto *root)
{
    using NodePtr = decltype(root);
    std::vector<NodePtr> divisionNodes(v.divisions.size(), nullptr);
    const auto nodeFor = [&](auto &self, int division) -> NodePtr {
        if (division < 0 || std::size_t(division) >= v.divisions.size())
            return root;
        NodePtr &node = divisionNodes[std::size_t(division)];
        if (!node) {
            const int parentDivision = v.divisions[std::size_t(division)].parent;
            // A parent always precedes its child in the file; anything else would loop.
            NodePtr parent = parentDivision < division ? self(self, parentDivision) : root;
            node = parent->addChild(divisionKind, division);
        }
        return node;
    };
    for (std::size_t d = 0; d < v.documents.size(); ++d)
        nodeFor(nodeFor, v.documents[d].division)->addChild(documentKind, int(d));
}

QString stateText(const CatalogVolumeInfo &info)
{
    switch (info.state) {
    case CatalogVolumeInfo::State::Missing:
        return CatalogModel::tr("missing");
    case CatalogVolumeInfo::State::Failed:
        return CatalogModel::tr("failed");
    case CatalogVolumeInfo::State::Indexed:
        break;
    }
    return CatalogModel::tr("%n document(s)", nullptr, info.documents);
}

} // namespace

CatalogModel::CatalogModel(CatalogVolumes *volumes, QObject *parent)
    : QAbstractItemModel(parent), m_cache(volumes)
{
    reload();
}

CatalogModel::~CatalogModel() = default;

bool CatalogModel::reload()
{
    const Catalog *catalog = m_cache ? m_cache->catalog() : nullptr;
    Result<std::vector<CatalogVolumeInfo>> listed = catalog ? catalog->volumes() : std::vector<CatalogVolumeInfo>{};
    if (!listed) {
        m_problem = listed.error().toString();
        return false;
    }
    m_problem.clear();
    if (insertNewVolumes(*listed))
        return true;
    // Outlines already decoded stay when their file is the same one.
    QHash<QString, Node *> previous;
    for (const auto &node : m_volumes)
        previous.insert(node->info.id, node.get());
    std::vector<std::unique_ptr<Node>> fresh;
    fresh.reserve(listed->size());
    for (CatalogVolumeInfo &info : *listed) {
        auto node = std::make_unique<Node>();
        Node *old = previous.value(info.id);
        if (old && old->fetched && old->info.hash == info.hash && old->info.state == info.state
            && old->info.path == info.path) {
            node->fetched = true;
            node->error = old->error;
            node->lazy = old->lazy;
            if (node->lazy)
                buildChildren(DivisionNode, DocumentNode, node->lazy->outline().volume, node.get());
        }
        node->info = std::move(info);
        node->row = int(fresh.size());
        fresh.push_back(std::move(node));
    }
    beginResetModel();
    m_volumes = std::move(fresh);
    endResetModel();
    return true;
}

namespace {

bool sameVolume(const CatalogVolumeInfo &a, const CatalogVolumeInfo &b)
{
    return a.id == b.id && a.path == b.path && a.hash == b.hash && a.state == b.state && a.error == b.error
        && a.documents == b.documents && a.title == b.title;
}

} // namespace

// While a folder is indexed only new volumes come: they are inserted where they sort, so that a view
// keeps what is expanded, selected and scrolled. False (nothing changed) when a listed volume changed or
// went: reload() then resets.
bool CatalogModel::insertNewVolumes(std::vector<CatalogVolumeInfo> &listed)
{
    std::vector<int> fresh; // positions in `listed` of the volumes not shown yet
    std::size_t old = 0;
    for (std::size_t i = 0; i < listed.size(); ++i) {
        if (old < m_volumes.size() && m_volumes[old]->info.id == listed[i].id && m_volumes[old]->info.path == listed[i].path) {
            if (!sameVolume(m_volumes[old]->info, listed[i]))
                return false;
            ++old;
        } else {
            fresh.push_back(int(i));
        }
    }
    if (old != m_volumes.size())
        return false;
    // Runs of new rows, each one insertion at its final position.
    for (std::size_t f = 0; f < fresh.size();) {
        std::size_t end = f + 1;
        while (end < fresh.size() && fresh[end] == fresh[end - 1] + 1)
            ++end;
        const int first = fresh[f], last = fresh[end - 1];
        beginInsertRows({}, first, last);
        for (int i = first; i <= last; ++i) {
            auto node = std::make_unique<Node>();
            node->info = std::move(listed[std::size_t(i)]);
            m_volumes.insert(m_volumes.begin() + i, std::move(node));
        }
        for (std::size_t r = std::size_t(first); r < m_volumes.size(); ++r)
            m_volumes[r]->row = int(r);
        endInsertRows();
        f = end;
    }
    return true;
}

bool CatalogModel::isFetched(const QString &volumeId) const
{
    const QModelIndex i = indexOfVolume(volumeId);
    return i.isValid() && nodeOf(i)->fetched;
}

CatalogModel::Node *CatalogModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : nullptr;
}

QModelIndex CatalogModel::indexOfVolume(const QString &volumeId) const
{
    for (const auto &node : m_volumes) {
        if (node->info.id == volumeId)
            return createIndex(node->row, 0, node.get());
    }
    return {};
}

QModelIndex CatalogModel::indexOfDocument(const QString &volumeId, const QString &documentId)
{
    const QModelIndex volumeIndex = indexOfVolume(volumeId);
    if (!volumeIndex.isValid())
        return {};
    if (canFetchMore(volumeIndex))
        fetchMore(volumeIndex);
    const Node *root = nodeOf(volumeIndex);
    const Volume *volume = root->volume();
    const int wanted = volume ? volume->documentIndex(documentId) : -1;
    if (wanted < 0)
        return {};
    // Depth first: documents sit at most a few divisions deep.
    std::vector<const Node *> stack{root};
    while (!stack.empty()) {
        const Node *n = stack.back();
        stack.pop_back();
        for (const auto &child : n->children) {
            if (child->kind == DocumentNode && child->index == wanted)
                return createIndex(child->row, 0, child.get());
            stack.push_back(child.get());
        }
    }
    return {};
}

QModelIndex CatalogModel::index(int row, int column, const QModelIndex &parent) const
{
    return treeIndex(m_volumes, nodeOf(parent), row, column, columnCount(), parent,
                     [this](int r, int c, Node *node) { return createIndex(r, c, node); });
}

QModelIndex CatalogModel::parent(const QModelIndex &child) const
{
    return treeParent(nodeOf(child), [this](int r, int c, Node *node) { return createIndex(r, c, node); });
}

int CatalogModel::rowCount(const QModelIndex &parent) const
{
    return treeRowCount(m_volumes, nodeOf(parent), parent);
}

int CatalogModel::columnCount(const QModelIndex &) const
{
    return 2;
}

bool CatalogModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return false;
    const Node *p = nodeOf(parent);
    if (!p)
        return !m_volumes.empty();
    if (p->kind == VolumeNode && !p->fetched)
        return p->info.state == CatalogVolumeInfo::State::Indexed && p->info.documents > 0;
    return !p->children.empty();
}

bool CatalogModel::canFetchMore(const QModelIndex &parent) const
{
    const Node *p = nodeOf(parent);
    return p && p->kind == VolumeNode && !p->fetched && p->info.state == CatalogVolumeInfo::State::Indexed;
}

void CatalogModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    Node *node = nodeOf(parent);
    node->fetched = true;
    Result<std::shared_ptr<LazyVolume>> lazy = m_cache->volume(node->info.id);
    if (!lazy) {
        node->error = lazy.error().toString();
        const QModelIndex first = createIndex(node->row, 0, node);
        Q_EMIT dataChanged(first, createIndex(node->row, columnCount() - 1, node));
        return;
    }
    Node staging; // built aside, then moved in between the insert notifications
    buildChildren(DivisionNode, DocumentNode, (*lazy)->outline().volume, &staging);
    if (staging.children.empty()) {
        node->lazy = *lazy;
        return;
    }
    beginInsertRows(createIndex(node->row, 0, node), 0, int(staging.children.size()) - 1);
    node->lazy = *lazy;
    node->children = std::move(staging.children);
    for (const auto &child : node->children)
        child->parent = node;
    endInsertRows();
}

QVariant CatalogModel::volumeData(const Node &node, int column, int role) const
{
    const CatalogVolumeInfo &info = node.info;
    const QString name = info.title.isEmpty() && info.id.isEmpty() ? QFileInfo(info.path).fileName()
                                                                  : shortVolumeName(info.id, info.title);
    switch (role) {
    case Qt::DisplayRole:
        return column == 0 ? (name.isEmpty() ? info.id : name) : stateText(info);
    case Qt::ToolTipRole: {
        QStringList lines;
        for (const QString &part : {info.title, info.id, info.path, info.error, node.error}) {
            if (!part.isEmpty())
                lines << part;
        }
        return plainTooltip(lines.join(QLatin1Char('\n')));
    }
    default:
        return {};
    }
}

QVariant CatalogModel::data(const QModelIndex &index, int role) const
{
    const Node *node = nodeOf(index);
    if (!node)
        return {};
    const Node *top = node->top();
    switch (role) {
    case VolumeIdRole:
        return top->info.id;
    case DocumentRole:
        return node->kind == DocumentNode ? node->index : -1;
    case KindRole:
        return int(node->kind);
    case StateRole:
        return int(top->info.state);
    default:
        break;
    }
    if (node->kind == VolumeNode)
        return volumeData(*node, index.column(), role);
    const Volume *volume = node->volume();
    if (!volume)
        return {};
    if (node->kind == DivisionNode) {
        const QString &title = volume->divisions[std::size_t(node->index)].title;
        if (role == Qt::ToolTipRole)
            return plainTooltip(title);
        return role == Qt::DisplayRole && index.column() == 0 ? QVariant(title) : QVariant();
    }
    const Document &doc = volume->documents[std::size_t(node->index)];
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == 1)
            return shortDate(doc.date);
        return documentLabel(doc);
    case Qt::ToolTipRole:
        return plainTooltip(QStringList{documentTitle(doc), doc.place, shortDate(doc.date)}.join(QLatin1Char('\n')).trimmed());
    case DocumentIdRole:
        return doc.id;
    default:
        return {};
    }
}

QVariant CatalogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == 0 ? tr("Volume / document") : section == 1 ? tr("Date") : QVariant();
}

} // namespace marginalia

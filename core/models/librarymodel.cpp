#include "librarymodel.h"

#include "library/citationlabel.h"
#include "library/documentlabel.h"
#include "nodetree.h"

#include "library/openlibrary.h"
#include "util/plaintext.h"

#include <QDate>
#include <QFileInfo>

#include <algorithm>

namespace marginalia {

// One row of the tree. Every node points at the volume it belongs to, kept alive by its volume node,
// so the model stays consistent on its own while the library changes under it (a replaced volume is
// swapped only between the remove and insert notifications).
struct LibraryModel::Node {
    NodeKind kind = VolumeNode;
    int index = -1;     // division or document index in the volume; -1 for a volume
    int row = 0;        // position among its parent's children (for volumes: the library index)
    Node *parent = nullptr;
    const Volume *volume = nullptr;
    std::vector<std::unique_ptr<Node>> children;

    // Volume nodes only.
    std::shared_ptr<const Volume> volumePtr;
    std::vector<Node *> documentNodes; // by document index

    Node *addChild(NodeKind childKind, int childIndex)
    {
        auto child = std::make_unique<Node>();
        child->kind = childKind;
        child->index = childIndex;
        child->row = int(children.size());
        child->parent = this;
        child->volume = volume;
        children.push_back(std::move(child));
        return children.back().get();
    }
};

namespace {

// "1961-03-14T00:00:00-05:00" → "1961-03-14", spelled the same in every locale; empty when unknown.
QString shortDate(const QString &isoDate)
{
    const QDate date = QDate::fromString(isoDate.left(10), Qt::ISODate);
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QString volumeTitle(const Volume &volume)
{
    if (volume.format == SourceFormat::TextCopy && volume.id.isEmpty())
        return LibraryModel::tr("%1 (text copy)").arg(QFileInfo(volume.sourcePath).fileName());
    // "FRUS 1961–63, vol. IX" reads better in a narrow tree than the full title, which is the tooltip.
    const QString shortName = shortVolumeName(volume.id, volume.title);
    if (!shortName.isEmpty())
        return shortName;
    return QFileInfo(volume.sourcePath).fileName();
}

QString documentToolTip(const Document &doc)
{
    QStringList lines;
    for (const QString &part : {documentTitle(doc), doc.place, shortDate(doc.date)}) {
        if (!part.isEmpty())
            lines.append(part);
    }
    return lines.join(QLatin1Char('\n'));
}

QVariant documentData(const Document &doc, int column, int role)
{
    switch (role) {
    case Qt::DisplayRole:
        return column == 0 ? documentLabel(doc) : shortDate(doc.date);
    case Qt::ToolTipRole:
        return plainTooltip(documentToolTip(doc));
    case LibraryModel::DocumentIdRole:
        return doc.id;
    case LibraryModel::FilterTextRole:
        return QStringList{doc.number, doc.title, shortDate(doc.date), doc.place}.join(QLatin1Char(' '));
    default:
        return {};
    }
}

} // namespace

LibraryModel::LibraryModel(const OpenLibrary *library, QObject *parent)
    : QAbstractItemModel(parent)
    , m_library(library)
{
    for (int v = 0; v < library->library().size(); ++v)
        m_volumes.push_back(buildVolume(v));
    connect(library, &OpenLibrary::volumeAdded, this, &LibraryModel::addVolume);
    connect(library, &OpenLibrary::volumeReplaced, this, &LibraryModel::rebuildVolume);
    connect(library, &OpenLibrary::volumeRemoved, this, &LibraryModel::removeVolume);
}

LibraryModel::~LibraryModel() = default;

std::unique_ptr<LibraryModel::Node> LibraryModel::buildVolume(int volume) const
{
    auto root = std::make_unique<Node>();
    root->kind = VolumeNode;
    root->row = volume;
    root->volumePtr = m_library->library().volumePtr(volume);
    root->volume = root->volumePtr.get();
    const Volume &v = *root->volume;

    // Division nodes are made when their first document shows up, so empty divisions never appear
    // and siblings keep the order of the file.
    std::vector<Node *> divisionNodes(v.divisions.size(), nullptr);
    const auto nodeFor = [&](auto &self, int division) -> Node * {
        if (division < 0 || std::size_t(division) >= v.divisions.size())
            return root.get();
        Node *&node = divisionNodes[std::size_t(division)];
        if (!node) {
            const int parentDivision = v.divisions[std::size_t(division)].parent;
            // A parent always precedes its child in the file; anything else would loop.
            Node *parent = parentDivision < division ? self(self, parentDivision) : root.get();
            node = parent->addChild(DivisionNode, division);
        }
        return node;
    };

    root->documentNodes.reserve(v.documents.size());
    for (std::size_t d = 0; d < v.documents.size(); ++d)
        root->documentNodes.push_back(nodeFor(nodeFor, v.documents[d].division)->addChild(DocumentNode, int(d)));
    return root;
}

void LibraryModel::addVolume(int volume)
{
    const int row = std::clamp(volume, 0, int(m_volumes.size()));
    beginInsertRows({}, row, row);
    m_volumes.insert(m_volumes.begin() + row, buildVolume(volume));
    for (std::size_t i = std::size_t(row); i < m_volumes.size(); ++i)
        m_volumes[i]->row = int(i);
    endInsertRows();
}

void LibraryModel::removeVolume(int volume)
{
    if (volume < 0 || std::size_t(volume) >= m_volumes.size())
        return;
    beginRemoveRows({}, volume, volume);
    m_volumes.erase(m_volumes.begin() + volume);
    for (std::size_t i = std::size_t(volume); i < m_volumes.size(); ++i)
        m_volumes[i]->row = int(i);
    endRemoveRows();
}

// The volume row stays (a view keeps it expanded and selected); only what is under it is swapped.
void LibraryModel::rebuildVolume(int volume)
{
    if (volume < 0 || std::size_t(volume) >= m_volumes.size())
        return;
    Node *old = m_volumes[std::size_t(volume)].get();
    std::unique_ptr<Node> fresh = buildVolume(volume);
    const QModelIndex volumeIndex = createIndex(volume, 0, old);

    if (!old->children.empty()) {
        beginRemoveRows(volumeIndex, 0, int(old->children.size()) - 1);
        old->children.clear();
        old->documentNodes.clear();
        endRemoveRows();
    }

    // Same node, new contents: indexes of the volume row stay valid.
    old->volumePtr = std::move(fresh->volumePtr);
    old->volume = old->volumePtr.get();
    if (!fresh->children.empty()) {
        beginInsertRows(volumeIndex, 0, int(fresh->children.size()) - 1);
        old->children = std::move(fresh->children);
        old->documentNodes = std::move(fresh->documentNodes);
        for (const auto &child : old->children)
            child->parent = old;
        endInsertRows();
    }
    Q_EMIT dataChanged(volumeIndex, createIndex(volume, columnCount() - 1, old));
}

LibraryModel::Node *LibraryModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : nullptr;
}

QModelIndex LibraryModel::index(int row, int column, const QModelIndex &parent) const
{
    return treeIndex(m_volumes, nodeOf(parent), row, column, columnCount(), parent,
                     [this](int r, int c, Node *node) { return createIndex(r, c, node); });
}

QModelIndex LibraryModel::parent(const QModelIndex &child) const
{
    return treeParent(nodeOf(child), [this](int r, int c, Node *node) { return createIndex(r, c, node); });
}

int LibraryModel::rowCount(const QModelIndex &parent) const
{
    return treeRowCount(m_volumes, nodeOf(parent), parent);
}

int LibraryModel::columnCount(const QModelIndex &) const
{
    return 2;
}

QVariant LibraryModel::data(const QModelIndex &index, int role) const
{
    const Node *node = nodeOf(index);
    if (!node)
        return {};
    const Volume &volume = *node->volume;
    switch (role) {
    case VolumeRole: {
        const Node *top = node;
        while (top->parent)
            top = top->parent;
        return top->row;
    }
    case DocumentRole:
        return node->kind == DocumentNode ? node->index : -1;
    case KindRole:
        return int(node->kind);
    default:
        break;
    }

    switch (node->kind) {
    case VolumeNode:
        if (role == Qt::ToolTipRole) {
            return plainTooltip(volume.title.isEmpty() ? volume.sourcePath
                                                       : volume.title + QLatin1Char('\n') + volume.sourcePath);
        }
        if (role == FilterTextRole)
            return QString(volumeTitle(volume) + QLatin1Char(' ') + volume.title + QLatin1Char(' ') + volume.id);
        if (role == Qt::DisplayRole && index.column() == 0)
            return volumeTitle(volume);
        return {};
    case DivisionNode: {
        const QString &title = volume.divisions[std::size_t(node->index)].title;
        if (role == Qt::ToolTipRole)
            return plainTooltip(title);
        if (role == FilterTextRole || (role == Qt::DisplayRole && index.column() == 0))
            return title;
        return {};
    }
    case DocumentNode:
        return documentData(volume.documents[std::size_t(node->index)], index.column(), role);
    }
    return {};
}

QVariant LibraryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case 0:
        return tr("Document");
    case 1:
        return tr("Date");
    default:
        return {};
    }
}

QModelIndex LibraryModel::indexOfDocument(int volume, int document) const
{
    if (volume < 0 || std::size_t(volume) >= m_volumes.size())
        return {};
    const Node *root = m_volumes[std::size_t(volume)].get();
    if (document < 0 || std::size_t(document) >= root->documentNodes.size())
        return {};
    Node *node = root->documentNodes[std::size_t(document)];
    return createIndex(node->row, 0, node);
}

} // namespace marginalia

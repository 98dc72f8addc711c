#include "glossarymodel.h"

#include "util/plaintext.h"
#include "util/textfold.h"

namespace marginalia {

namespace {

constexpr quintptr kEntry = 0; // internalId of an entry; a mention's is its entry's shown row + 1

} // namespace

GlossaryModel::GlossaryModel(EntityRef::Kind kind, QObject *parent) : QAbstractItemModel(parent), m_kind(kind) {}

QModelIndex GlossaryModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, parent.isValid() ? quintptr(parent.row()) + 1 : kEntry);
}

QModelIndex GlossaryModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kEntry)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kEntry);
}

int GlossaryModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_shown.size());
    if (parent.internalId() != kEntry || parent.column() != 0)
        return 0;
    return int(m_items.at(std::size_t(m_shown.at(std::size_t(parent.row())))).mentions.size());
}

int GlossaryModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant GlossaryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const bool entry = index.internalId() == kEntry;
    const int shownRow = entry ? index.row() : int(index.internalId() - 1);
    const GlossaryItem &item = m_items.at(std::size_t(m_shown.at(std::size_t(shownRow))));
    const GlossaryMention *mention = entry ? nullptr : &item.mentions.at(std::size_t(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == MentionsColumn)
            return entry ? QVariant(int(item.mentions.size())) : QVariant();
        return entry ? item.entry.name : mentionLabel(*mention);
    case Qt::ToolTipRole:
        // Text from the file, shown as text whatever it looks like.
        if (!entry)
            return plainTooltip(mention->context);
        return item.listed ? plainTooltip(item.entry.description)
                           : tr("Not in the volume's list; named as the text names it");
    case IdRole:
        return item.id;
    case DescriptionRole:
        return item.entry.description;
    case VolumeRole:
        return m_volume;
    case DocumentRole:
        return mention ? mention->document : -1;
    case FootnoteRole:
        return mention ? mention->footnote : -1;
    case OffsetRole:
        return mention ? mention->offset : 0;
    case LengthRole:
        return mention ? mention->length : 0;
    default:
        return {};
    }
}

QVariant GlossaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == NameColumn)
        return m_kind == EntityRef::Person ? tr("Person") : tr("Term");
    return section == MentionsColumn ? tr("Mentions") : QVariant();
}

QString GlossaryModel::mentionLabel(const GlossaryMention &mention) const
{
    const QString &document = m_documentLabels.at(std::size_t(mention.document));
    const QString where = mention.footnote >= 0 ? tr("%1, note").arg(document) : document;
    return tr("%1: %2").arg(where, mention.context);
}

void GlossaryModel::setVolume(int volumeIndex, const Volume *volume)
{
    beginResetModel();
    m_volume = volume ? volumeIndex : -1;
    m_items = volume ? glossaryWithMentions(*volume, m_kind) : std::vector<GlossaryItem>{};
    m_notRead = volume ? marginalia::documentsNotRead(*volume) : 0;
    m_documentLabels.clear();
    if (volume) {
        for (const Document &doc : volume->documents)
            m_documentLabels.push_back(doc.number.isEmpty() ? doc.title.left(40) : tr("Doc. %1").arg(doc.number));
    }
    applyFilter();
    endResetModel();
}

void GlossaryModel::setFilter(const QString &text)
{
    const QString folded = foldForSearch(text.simplified());
    if (folded == m_filter)
        return;
    beginResetModel();
    m_filter = folded;
    applyFilter();
    endResetModel();
}

void GlossaryModel::applyFilter()
{
    m_shown.clear();
    for (int i = 0; i < int(m_items.size()); ++i) {
        const GlossaryEntry &entry = m_items.at(std::size_t(i)).entry;
        if (m_filter.isEmpty() || foldForSearch(entry.name).contains(m_filter)
            || foldForSearch(entry.description).contains(m_filter))
            m_shown.push_back(i);
    }
}

QModelIndex GlossaryModel::indexOfEntry(const QString &id) const
{
    for (int row = 0; row < int(m_shown.size()); ++row) {
        if (m_items.at(std::size_t(m_shown.at(std::size_t(row)))).id == id)
            return index(row, 0);
    }
    return {};
}

} // namespace marginalia

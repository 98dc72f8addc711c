#include "shortcutsmodel.h"

#include <algorithm>

namespace marginalia {

ShortcutsModel::ShortcutsModel(QObject *parent) : QAbstractTableModel(parent) {}

int ShortcutsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ShortcutsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ShortcutsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ShortcutEntry &entry = m_entries.at(std::size_t(index.row()));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case CommandColumn:
        return entry.command;
    case KeysColumn:
        return entry.keys.join(QStringLiteral(", "));
    case MenuColumn:
        return entry.menu;
    default:
        return {};
    }
}

QVariant ShortcutsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CommandColumn:
        return tr("Command");
    case KeysColumn:
        return tr("Keys");
    case MenuColumn:
        return tr("Menu");
    default:
        return {};
    }
}

void ShortcutsModel::setEntries(const std::vector<ShortcutEntry> &entries)
{
    beginResetModel();
    m_entries.clear();
    for (const ShortcutEntry &entry : entries) {
        const bool listed = std::any_of(m_entries.begin(), m_entries.end(), [&](const ShortcutEntry &e) {
            return e.command == entry.command && e.keys == entry.keys;
        });
        if (!entry.keys.isEmpty() && !listed)
            m_entries.push_back(entry);
    }
    endResetModel();
}

QString withoutMnemonic(const QString &menuText)
{
    QString text;
    text.reserve(menuText.size());
    for (qsizetype i = 0; i < menuText.size(); ++i) {
        if (menuText.at(i) == u'&' && i + 1 < menuText.size())
            ++i; // "&&" is one '&'; "&x" is x
        text += menuText.at(i);
    }
    return text;
}

} // namespace marginalia

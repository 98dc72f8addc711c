#include "teammembersmodel.h"

#include "util/plaintext.h"

#include <QFont>
#include <QLocale>

namespace marginalia {

TeamMembersModel::TeamMembersModel(QObject *parent) : QAbstractTableModel(parent) {}

void TeamMembersModel::setMembers(std::vector<TeamMember> members, const QString &you)
{
    beginResetModel();
    m_members = std::move(members);
    m_you = you;
    endResetModel();
}

int TeamMembersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_members.size());
}

int TeamMembersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TeamMembersModel::memberText(const TeamMember &member) const
{
    if (member.role == m_you)
        return tr("%1 (you)").arg(member.role);
    if (!member.member)
        return tr("%1 (former member)").arg(member.role);
    return member.role;
}

QVariant TeamMembersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TeamMember &m = m_members[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case MemberColumn:
            return memberText(m);
        case AnnotationsColumn:
            return QLocale().toString(m.annotations);
        case LastChangeColumn:
            return m.lastChange.isValid() ? QLocale().toString(m.lastChange.toLocalTime(), QLocale::ShortFormat)
                                          : tr("never");
        }
        return {};
    case Qt::ToolTipRole:
        // Role names are the server's, not ours to trust as markup.
        return index.column() == MemberColumn ? plainTooltip(memberText(m)) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == AnnotationsColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::FontRole:
        if (!m.member) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    case RoleNameRole:
        return m.role;
    case IsMemberRole:
        return m.member;
    }
    return {};
}

QVariant TeamMembersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case MemberColumn:
        return tr("Member");
    case AnnotationsColumn:
        return tr("Annotations");
    case LastChangeColumn:
        return tr("Last change");
    }
    return {};
}

} // namespace marginalia

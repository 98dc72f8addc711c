#pragma once

#include "store/teamserver.h"

#include <QAbstractTableModel>
#include <QString>

#include <vector>

namespace marginalia {

// The Team › Members table: each member (and each former member whose annotations are still there) with
// how many annotations they keep on the team and when they last changed one. The user's own row says so.
class TeamMembersModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { MemberColumn, AnnotationsColumn, LastChangeColumn, ColumnCount };
    enum Role { RoleNameRole = Qt::UserRole + 1, IsMemberRole };

    explicit TeamMembersModel(QObject *parent = nullptr);

    // `you`: the role the server knows the user by.
    void setMembers(std::vector<TeamMember> members, const QString &you);
    const std::vector<TeamMember> &members() const { return m_members; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString memberText(const TeamMember &member) const;

    std::vector<TeamMember> m_members;
    QString m_you;
};

} // namespace marginalia

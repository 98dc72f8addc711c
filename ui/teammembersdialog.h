#pragma once

#include <QDialog>

class QLabel;
class QTableView;

namespace marginalia {

class TeamMembersModel;
class TeamSession;

// Team › Members: who is on the team, asked of the server each time it opens (the table says how many
// annotations each keeps there and when they last changed one). Show Their Annotations, or a double
// click, asks the window to show only that member's.
class TeamMembersDialog : public QDialog {
    Q_OBJECT

public:
    TeamMembersDialog(TeamSession *session, QWidget *parent = nullptr);

    TeamMembersModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLabel *statusLabel() const { return m_status; }
    // Asks the server again.
    void refresh();

Q_SIGNALS:
    void showMemberRequested(const QString &role);

private:
    void chooseCurrent();

    TeamSession *m_session;
    TeamMembersModel *m_model;
    QTableView *m_table;
    QLabel *m_status;
};

} // namespace marginalia

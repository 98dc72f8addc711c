#include "teammembersdialog.h"

#include "plaintext.h"

#include "models/teammembersmodel.h"
#include "team/teamsession.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTime>
#include <QVBoxLayout>

namespace marginalia {

TeamMembersDialog::TeamMembersDialog(TeamSession *session, QWidget *parent)
    : QDialog(parent),
      m_session(session),
      m_model(new TeamMembersModel(this)),
      m_table(new QTableView(this)),
      m_status(plainLabel(this))
{
    setObjectName(QStringLiteral("teamMembersDialog"));
    setWindowTitle(tr("Team Members"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(TeamMembersModel::MemberColumn, QHeaderView::Stretch);
    m_status->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *show = buttons->addButton(tr("Show Their Annotations"), QDialogButtonBox::ActionRole);
    show->setObjectName(QStringLiteral("showMemberButton"));
    QPushButton *again = buttons->addButton(tr("Refresh"), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(show, &QPushButton::clicked, this, &TeamMembersDialog::chooseCurrent);
    connect(again, &QPushButton::clicked, this, &TeamMembersDialog::refresh);
    connect(m_table, &QTableView::doubleClicked, this, &TeamMembersDialog::chooseCurrent);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(460, 320);
    refresh();
}

void TeamMembersDialog::refresh()
{
    m_status->setText(tr("Asking the team server…"));
    // The answer may come after the dialog is gone.
    QPointer<TeamMembersDialog> self(this);
    const QString you = m_session->lastReport().role;
    m_session->readMembers([self, you](Result<std::vector<TeamMember>> members) {
        if (!self)
            return;
        if (!members) {
            self->m_status->setText(tr("The members could not be read: %1").arg(members.error().toString()));
            return;
        }
        self->m_model->setMembers(std::move(*members), you);
        self->m_status->setText(tr("As the team server said at %1.")
                                    .arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
        self->m_table->resizeColumnsToContents();
    });
}

void TeamMembersDialog::chooseCurrent()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    Q_EMIT showMemberRequested(current.data(TeamMembersModel::RoleNameRole).toString());
    accept();
}

} // namespace marginalia

#include "citedbypane.h"

#include "htmlitemdelegate.h"
#include "plaintext.h"

#include "models/citedbymodel.h"

#include <QLabel>
#include <QListView>
#include <QStyle>
#include <QVBoxLayout>

namespace marginalia {

CitedByPane::CitedByPane(CitedByModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_heading(plainLabel(this)), m_view(new QListView(this))
{
    setObjectName(QStringLiteral("citedByPane"));
    m_heading->setObjectName(QStringLiteral("citedByHeading"));
    m_heading->setWordWrap(true);
    m_view->setObjectName(QStringLiteral("citedByList"));
    m_view->setModel(model);
    m_view->setItemDelegate(new HtmlItemDelegate(CitedByModel::HtmlRole, m_view));
    m_view->setWordWrap(true);
    m_view->setAlternatingRowColors(true);
    m_view->setResizeMode(QListView::Adjust);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_heading);
    layout->addWidget(m_view, 1);
    connect(model, &QAbstractItemModel::modelReset, this, &CitedByPane::update);
    // A click where the style does not activate on it; where it does, activated() alone, or one click
    // would ask for the document twice.
    connect(m_view, &QListView::activated, this, &CitedByPane::activate);
    if (!style()->styleHint(QStyle::SH_ItemView_ActivateItemOnSingleClick, nullptr, m_view))
        connect(m_view, &QListView::clicked, this, &CitedByPane::activate);
    update();
}

void CitedByPane::setProblem(const QString &message)
{
    m_problem = message;
    update();
}

void CitedByPane::update()
{
    const int n = m_model->rowCount();
    if (!m_problem.isEmpty())
        m_heading->setText(m_problem);
    else if (m_model->documentId().isEmpty())
        m_heading->setText(tr("Cited by: no library document on screen"));
    else
        m_heading->setText(n == 0 ? tr("Cited by no document of the library") : (n == 1 ? tr("%n document of the library cites this one:", nullptr, 1)
                         : tr("%n documents of the library cite this one:", nullptr, n)));
    const bool empty = n == 0 || !m_problem.isEmpty();
    m_view->setVisible(!empty);
    // Empty, the pane is one line high, so that the notes above keep the room.
    setMaximumHeight(empty ? m_heading->sizeHint().height() + 6 : QWIDGETSIZE_MAX);
    if (m_listShown != !empty) {
        m_listShown = !empty;
        Q_EMIT listShown(m_listShown);
    }
}

void CitedByPane::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    Q_EMIT documentRequested(index.data(CitedByModel::VolumeIdRole).toString(),
                             index.data(CitedByModel::DocumentIdRole).toString(), QString());
}

} // namespace marginalia

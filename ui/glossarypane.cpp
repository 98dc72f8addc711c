#include "glossarypane.h"

#include "plaintext.h"

#include "models/glossarymodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

namespace marginalia {

GlossaryPane::GlossaryPane(GlossaryModel *model, const QString &placeholder, QWidget *parent)
    : QWidget(parent), m_model(model), m_search(new QLineEdit(this)), m_view(new QTreeView(this)),
      m_note(plainLabel(this))
{
    m_search->setPlaceholderText(placeholder);
    m_search->setClearButtonEnabled(true);
    m_view->setModel(model);
    m_view->setUniformRowHeights(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_note->setWordWrap(true);
    m_note->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_search);
    layout->addWidget(m_note);
    layout->addWidget(m_view, 1);
    connect(m_search, &QLineEdit::textChanged, model, &GlossaryModel::setFilter);
    // As the search pane: a click where the style does not activate on it, else activated() alone.
    connect(m_view, &QTreeView::activated, this, &GlossaryPane::activate);
    if (!style()->styleHint(QStyle::SH_ItemView_ActivateItemOnSingleClick, nullptr, m_view))
        connect(m_view, &QTreeView::clicked, this, &GlossaryPane::activate);
    connect(model, &QAbstractItemModel::modelReset, this, &GlossaryPane::updateNote);
    // A mention's line takes the whole width: its count column is empty.
    connect(m_view, &QTreeView::expanded, this, [this](const QModelIndex &entry) {
        for (int row = 0; row < m_model->rowCount(entry); ++row)
            m_view->setFirstColumnSpanned(row, entry, true);
    });
}

void GlossaryPane::activate(const QModelIndex &index)
{
    const int document = index.data(GlossaryModel::DocumentRole).toInt();
    if (document < 0)
        return; // an entry: its mentions unfold under it
    Q_EMIT mentionActivated(index.data(GlossaryModel::VolumeRole).toInt(), document,
                            index.data(GlossaryModel::FootnoteRole).toInt(), index.data(GlossaryModel::OffsetRole).toInt(),
                            index.data(GlossaryModel::LengthRole).toInt());
}

void GlossaryPane::updateNote()
{
    const int notRead = m_model->documentsNotRead();
    m_note->setVisible(notRead > 0);
    m_note->setText(tr("Mentions in %n document(s) not read yet are not counted.", nullptr, notRead));
    if (m_model->volumeIndex() >= 0 && m_model->rowCount() == 0 && m_search->text().isEmpty()) {
        m_note->setText(tr("This volume has no such list."));
        m_note->show();
    }
}

} // namespace marginalia

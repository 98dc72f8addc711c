#include "librarypane.h"

#include "models/libraryfiltermodel.h"
#include "models/librarymodel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace marginalia {

namespace {

int countDocuments(const QAbstractItemModel *model, const QModelIndex &parent)
{
    int n = 0;
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex child = model->index(row, 0, parent);
        if (child.data(LibraryModel::KindRole).toInt() == LibraryModel::DocumentNode)
            ++n;
        n += countDocuments(model, child);
    }
    return n;
}

} // namespace

LibraryPane::LibraryPane(LibraryModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_proxy(new LibraryFilterModel(this)), m_filter(new QLineEdit(this)),
      m_tree(new QTreeView(this))
{
    setObjectName(QStringLiteral("libraryPane"));
    m_proxy->setSourceModel(model);
    m_filter->setPlaceholderText(tr("Filter documents (number, title, date, place)"));
    m_filter->setClearButtonEnabled(true);
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterWords(text);
        if (!text.isEmpty())
            m_tree->expandAll();
    });
    connect(m_tree, &QTreeView::activated, this, &LibraryPane::activate);
    connect(m_tree, &QTreeView::clicked, this, &LibraryPane::activate);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &insertedUnder, int first, int last) {
        if (insertedUnder.isValid())
            return;
        for (int row = first; row <= last; ++row)
            m_tree->expand(m_proxy->mapFromSource(m_model->index(row, 0)));
    });
}

void LibraryPane::activate(const QModelIndex &proxyIndex)
{
    const QModelIndex index = m_proxy->mapToSource(proxyIndex);
    if (index.data(LibraryModel::KindRole).toInt() != LibraryModel::DocumentNode)
        return;
    Q_EMIT documentActivated(index.data(LibraryModel::VolumeRole).toInt(), index.data(LibraryModel::DocumentRole).toInt());
}

void LibraryPane::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

void LibraryPane::showCurrent(int volume, int document)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexOfDocument(volume, document));
    if (!index.isValid())
        return;
    const QSignalBlocker blocker(m_tree->selectionModel());
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
}

std::vector<std::pair<int, int>> LibraryPane::selectedDocuments() const
{
    std::vector<std::pair<int, int>> out;
    for (const QModelIndex &proxyIndex : m_tree->selectionModel()->selectedRows()) {
        const QModelIndex index = m_proxy->mapToSource(proxyIndex);
        if (index.data(LibraryModel::KindRole).toInt() == LibraryModel::DocumentNode)
            out.emplace_back(index.data(LibraryModel::VolumeRole).toInt(), index.data(LibraryModel::DocumentRole).toInt());
    }
    std::sort(out.begin(), out.end());
    return out;
}

int LibraryPane::visibleDocumentCount() const
{
    return countDocuments(m_proxy, {});
}

} // namespace marginalia

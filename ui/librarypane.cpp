#include "librarypane.h"

#include "plaintext.h"

#include "models/catalogmodel.h"
#include "models/libraryfiltermodel.h"
#include "models/librarymodel.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QHeaderView>
#include <QLabel>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QTabWidget>
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

// Makes `index` the tree's current row, selected, as the document on screen. Said to the selection model
// outright: the view's setCurrentIndex() reads the keys held down, so Ctrl (of Ctrl+PgDown) toggled the
// row instead and Shift (of a Shift-click) cut a selected range down to it. A row already in the user's
// selection keeps that selection (documents 1–4 stay selected while 4 is read).
void markCurrent(QTreeView *tree, const QModelIndex &index)
{
    QItemSelectionModel *selection = tree->selectionModel();
    if (selection->isSelected(index))
        selection->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    else
        selection->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

} // namespace

LibraryPane::LibraryPane(LibraryModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_proxy(new LibraryFilterModel(this)), m_filter(new QLineEdit(this)),
      m_tree(new QTreeView(this)), m_tabs(new QTabWidget(this))
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
    auto *openFiles = new QWidget(this);
    auto *layout = new QVBoxLayout(openFiles);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabBarAutoHide(true); // no tab bar without a library
    m_tabs->addTab(openFiles, tr("Open Files"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_tabs);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterWords(text);
        if (!text.isEmpty())
            m_tree->expandAll();
    });
    connect(m_tree, &QTreeView::activated, this, &LibraryPane::activate);
    createVolumeMenu();
    connect(m_tree, &QTreeView::clicked, this, &LibraryPane::activate);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &insertedUnder, int first, int last) {
        if (insertedUnder.isValid())
            return;
        for (int row = first; row <= last; ++row)
            m_tree->expand(m_proxy->mapFromSource(m_model->index(row, 0)));
    });
}

// A volume's row (a text copy's is its file's) offers to close it; the pane only reports which.
void LibraryPane::createVolumeMenu()
{
    m_volumeMenu = new QMenu(this);
    m_volumeMenu->setObjectName(QStringLiteral("libraryVolumeMenu"));
    QAction *close = m_volumeMenu->addAction(tr("&Close Volume"));
    close->setObjectName(QStringLiteral("closeVolumeRowAction"));
    close->setToolTip(tr("Take this volume out of the open files; its annotations are kept"));
    connect(close, &QAction::triggered, this, [this, close] { Q_EMIT closeVolumeRequested(close->data().toInt()); });
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this, close](const QPoint &pos) {
        const QModelIndex index = m_proxy->mapToSource(m_tree->indexAt(pos));
        if (!index.isValid() || index.data(LibraryModel::KindRole).toInt() != LibraryModel::VolumeNode)
            return;
        close->setData(index.data(LibraryModel::VolumeRole));
        m_volumeMenu->popup(m_tree->viewport()->mapToGlobal(pos));
    });
}

void LibraryPane::setCatalogModel(CatalogModel *model)
{
    if (m_catalogModel || !model)
        return;
    m_catalogModel = model;
    m_catalogPage = new QWidget(this);
    m_catalogPage->setObjectName(QStringLiteral("libraryIndexPage"));
    m_catalogPage->setAcceptDrops(true);
    m_catalogPage->installEventFilter(this);
    m_catalogTree = new QTreeView(m_catalogPage);
    m_catalogTree->setObjectName(QStringLiteral("libraryIndexTree"));
    m_catalogTree->setModel(model);
    m_catalogTree->setUniformRowHeights(true);
    m_catalogTree->setAlternatingRowColors(true);
    m_catalogTree->header()->setStretchLastSection(false);
    m_catalogTree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_catalogTree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_catalogTree->viewport()->setAcceptDrops(true);
    m_catalogTree->viewport()->installEventFilter(this);
    QLabel *empty = plainLabel(m_catalogPage, tr("The library is empty. Add TEI volumes with File › Add Files to "
                                                 "Library or Add Folder to Library, or drop them here: they are "
                                                 "indexed once and then open at once."));
    empty->setObjectName(QStringLiteral("libraryEmptyHint"));
    empty->setWordWrap(true);
    empty->setMargin(8);
    auto *layout = new QVBoxLayout(m_catalogPage);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(empty);
    layout->addWidget(m_catalogTree);
    const auto updateHint = [this, empty] { empty->setVisible(m_catalogModel->rowCount() == 0); };
    connect(model, &QAbstractItemModel::modelReset, empty, updateHint);
    connect(model, &QAbstractItemModel::rowsInserted, empty, updateHint);
    updateHint();
    m_tabs->insertTab(0, m_catalogPage, tr("Library"));
    m_tabs->setCurrentIndex(model->volumeCount() > 0 ? 0 : 1);

    connect(m_catalogTree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (index.data(CatalogModel::KindRole).toInt() == CatalogModel::DocumentNode)
            Q_EMIT libraryDocumentActivated(index.data(CatalogModel::VolumeIdRole).toString(),
                                            index.data(CatalogModel::DocumentIdRole).toString());
    });
    // A reset (indexing committed volumes) would fold every volume: open again those that were open.
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_expandedVolumes.clear();
        for (int row = 0; row < m_catalogModel->rowCount(); ++row) {
            const QModelIndex index = m_catalogModel->index(row, 0);
            if (m_catalogTree->isExpanded(index))
                m_expandedVolumes << index.data(CatalogModel::VolumeIdRole).toString();
        }
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        for (const QString &id : std::as_const(m_expandedVolumes))
            m_catalogTree->expand(m_catalogModel->indexOfVolume(id));
    });
}

void LibraryPane::showLibraryTab()
{
    if (m_catalogPage)
        m_tabs->setCurrentWidget(m_catalogPage);
}

void LibraryPane::showCurrentInLibrary(const QString &volumeId, const QString &documentId)
{
    if (!m_catalogModel)
        return;
    const QModelIndex index = m_catalogModel->indexOfDocument(volumeId, documentId);
    if (!index.isValid())
        return;
    for (QModelIndex up = index.parent(); up.isValid(); up = up.parent())
        m_catalogTree->expand(up);
    markCurrent(m_catalogTree, index);
    // Its volume's row in sight too when they fit together, so that the document is seen where it is.
    QModelIndex volume = index;
    while (volume.parent().isValid())
        volume = volume.parent();
    m_catalogTree->scrollTo(volume, QAbstractItemView::PositionAtTop);
    m_catalogTree->scrollTo(index);
}

bool LibraryPane::eventFilter(QObject *watched, QEvent *event)
{
    const bool onLibrary = m_catalogPage && (watched == m_catalogPage || watched == m_catalogTree->viewport());
    if (onLibrary && (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove)) {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (drag->mimeData()->hasUrls()) {
            drag->acceptProposedAction();
            return true;
        }
    }
    if (onLibrary && event->type() == QEvent::Drop) {
        auto *drop = static_cast<QDropEvent *>(event);
        QStringList paths;
        for (const QUrl &url : drop->mimeData()->urls()) {
            if (url.isLocalFile())
                paths << url.toLocalFile();
        }
        if (!paths.isEmpty()) {
            drop->acceptProposedAction();
            Q_EMIT addToLibraryRequested(paths);
        }
        return true;
    }
    return QWidget::eventFilter(watched, event);
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
    markCurrent(m_tree, index);
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

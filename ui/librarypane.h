#pragma once

#include <QWidget>

#include <utility>
#include <vector>

class QLineEdit;
class QMenu;
class QTabWidget;
class QTreeView;
class QModelIndex;

namespace marginalia {

class CatalogModel;
class LibraryModel;
class LibraryFilterModel;

// The open volumes as a tree of chapters and documents, with a filter box ("Open Files"), and, when the
// window has a library index, the library's volumes beside it ("Library"). Choosing a document
// reports it; files or folders dropped on the library's tree are reported to be added. The pane itself
// opens nothing.
class LibraryPane : public QWidget {
    Q_OBJECT

public:
    explicit LibraryPane(LibraryModel *model, QWidget *parent = nullptr);

    // Adds the "Library" tab over `model` (once) and brings it to the front when the library holds
    // volumes.
    void setCatalogModel(CatalogModel *model);
    QTreeView *catalogTree() const { return m_catalogTree; }
    QTabWidget *tabs() const { return m_tabs; }
    void showLibraryTab();
    // Marks a document of the library on screen in the Library tab, without reporting it back.
    void showCurrentInLibrary(const QString &volumeId, const QString &documentId);

    void setFilterText(const QString &text);
    // Marks the document on screen in the tree, without reporting it back.
    void showCurrent(int volume, int document);
    // The documents selected in the tree (several with Ctrl or Shift), as (volume, document).
    std::vector<std::pair<int, int>> selectedDocuments() const;
    // Documents the filter leaves visible (for the status of the pane and for tests).
    int visibleDocumentCount() const;
    QTreeView *tree() const { return m_tree; }
    QLineEdit *filterBox() const { return m_filter; }
    QMenu *volumeMenu() const { return m_volumeMenu; }

Q_SIGNALS:
    void documentActivated(int volume, int document);
    void libraryDocumentActivated(const QString &volumeId, const QString &documentId);
    void addToLibraryRequested(const QStringList &paths);
    // Close Volume in the context menu of a volume's row.
    void closeVolumeRequested(int volume);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void activate(const QModelIndex &proxyIndex);
    void createVolumeMenu();

    LibraryModel *m_model;
    LibraryFilterModel *m_proxy;
    QLineEdit *m_filter;
    QTreeView *m_tree;
    QTabWidget *m_tabs;
    QMenu *m_volumeMenu = nullptr;
    QWidget *m_catalogPage = nullptr;
    QTreeView *m_catalogTree = nullptr;
    CatalogModel *m_catalogModel = nullptr;
    QStringList m_expandedVolumes; // across a reset of the library model
};

} // namespace marginalia

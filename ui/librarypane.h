#pragma once

#include <QWidget>

#include <utility>
#include <vector>

class QLineEdit;
class QTreeView;
class QModelIndex;

namespace marginalia {

class LibraryModel;
class LibraryFilterModel;

// The open volumes as a tree of chapters and documents, with a filter box. Choosing a document
// reports it; the pane itself opens nothing.
class LibraryPane : public QWidget {
    Q_OBJECT

public:
    explicit LibraryPane(LibraryModel *model, QWidget *parent = nullptr);

    void setFilterText(const QString &text);
    // Marks the document on screen in the tree, without reporting it back.
    void showCurrent(int volume, int document);
    // The documents selected in the tree (several with Ctrl or Shift), as (volume, document).
    std::vector<std::pair<int, int>> selectedDocuments() const;
    // Documents the filter leaves visible (for the status of the pane and for tests).
    int visibleDocumentCount() const;
    QTreeView *tree() const { return m_tree; }
    QLineEdit *filterBox() const { return m_filter; }

Q_SIGNALS:
    void documentActivated(int volume, int document);

private:
    void activate(const QModelIndex &proxyIndex);

    LibraryModel *m_model;
    LibraryFilterModel *m_proxy;
    QLineEdit *m_filter;
    QTreeView *m_tree;
};

} // namespace marginalia

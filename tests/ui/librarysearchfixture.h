#pragma once

#include "readerfixture.h"

#include "catalogfilterbar.h"
#include "searchpane.h"

#include "catalog/catalog.h"
#include "models/catalogresultsmodel.h"

#include <QByteArray>
#include <QModelIndex>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <utility>
#include <vector>

class QAbstractItemView;

namespace marginalia::test {

// A volume file to index: its name in the volumes folder and its content.
using VolumeFile = std::pair<QString, QByteArray>;

// Copies of the real volumes indexed in a temporary folder, made before the window that reads them.
struct IndexedLibrary {
    explicit IndexedLibrary(const std::vector<VolumeFile> &files);

    QTemporaryDir m_indexDir;
    QString m_indexPath;
    std::unique_ptr<Catalog> m_index; // the test's own reader of the index
};

// Names of files in tests/data, with their content.
std::vector<VolumeFile> testVolumes(const QStringList &names);
const QStringList &allTestVolumes();

// The window with the index of `files`, and the ways a user searches it.
class LibrarySearchWindow : public IndexedLibrary, public ReaderFixture {
protected:
    explicit LibrarySearchWindow(const QStringList &files = allTestVolumes());
    explicit LibrarySearchWindow(const std::vector<VolumeFile> &files);

    SearchPane *pane() const { return m_window.searchPane(); }
    CatalogResultsModel *results() const { return m_window.libraryResults(); }
    CatalogFilterBar *filters() const { return pane()->filterBar(); }

    // Types the query and presses Return, as the user does; waits for the index's answer.
    bool searchIndex(const QString &query);
    // Waits for the answer to what `change` asks (or for the message refusing it).
    bool waitForAnswer(const std::function<void()> &change);
    // The document ids listed under the volume, in order.
    QStringList listed(const QString &volumeId) const;
    // Every document listed, as "volume/id", in order.
    QStringList listedKeys() const;
    QModelIndex rowOf(const QString &volumeId, const QString &documentId) const;
    void click(QAbstractItemView *view, const QModelIndex &index);
    int independentTotal(const QString &text);
};

} // namespace marginalia::test

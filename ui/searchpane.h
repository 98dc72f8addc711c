#pragma once

#include "search/librarysearch.h"
#include "store/catalogrecords.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QModelIndex;
class QToolButton;
class QTreeView;

namespace marginalia {

class CatalogFilterBar;
class FlowLayout;
class CatalogResultsModel;
class SearchHitGroupsModel;
class SearchResultsModel;

// Search across the library: a query box, a few options, and the hits with their context. Choosing
// a hit reports it; running the search is the model's business.
// With a library index (setLibrary()), the query goes to the index too: a row of filters (dates,
// volume, kind, order; folded away until asked for), the index's documents grouped by volume with the
// true total, a query the index refuses as its plain message, and below them the hits in annotations
// and in open files the index does not hold, searched as before.
class SearchPane : public QWidget {
    Q_OBJECT

public:
    explicit SearchPane(SearchResultsModel *results, QWidget *parent = nullptr);

    void focusQuery();
    void setQuery(const QString &query);
    // The hits of annotations and open files, grouped by volume and document.
    QTreeView *resultsView() const { return m_view; }
    SearchHitGroupsModel *resultGroups() const { return m_groups; }

    // Searches the library index too, its answers shown from `results`; the pane does not own it.
    void setLibrary(CatalogResultsModel *results);
    // The indexed volumes: the volume filter's choices, and the open volumes the old search leaves out.
    void setLibraryVolumes(const std::vector<CatalogVolumeInfo> &volumes);
    QTreeView *libraryView() const { return m_libraryView; }
    CatalogFilterBar *filterBar() const { return m_filters; }
    QLabel *librarySummary() const { return m_librarySummary; }
    QLabel *summary() const { return m_summary; }
    QToolButton *filterButton() const { return m_filterButton; }

Q_SIGNALS:
    void searchRequested(const QString &query, const marginalia::SearchOptions &options);
    void hitActivated(int volume, int document, int footnote, int readingOffset, int length);
    void annotationActivated(const QString &documentKey, const QString &annotationId);
    void libraryQueryRequested(const marginalia::CatalogQuery &query);
    // A document of the library index was chosen; `query` is what found it (empty from elsewhere).
    void documentRequested(const QString &volumeId, const QString &documentId, const QString &query);

private:
    void activate(const QModelIndex &index);
    void activateLibraryHit(const QModelIndex &index);
    void updateSummary();
    void updateLibrarySummary();
    void requestLibrary();
    SearchOptions options() const;

    SearchResultsModel *m_results;
    QLineEdit *m_query;
    QCheckBox *m_caseSensitive;
    QCheckBox *m_wholeWords;
    QCheckBox *m_notes;
    QLabel *m_summary;
    SearchHitGroupsModel *m_groups;
    QTreeView *m_view;
    FlowLayout *m_optionsRow = nullptr;
    CatalogResultsModel *m_library = nullptr;
    CatalogFilterBar *m_filters = nullptr;
    QToolButton *m_filterButton = nullptr;
    QLabel *m_librarySummary = nullptr;
    QTreeView *m_libraryView = nullptr;
    QWidget *m_openFilesPart = nullptr;
    QStringList m_libraryVolumes;
};

} // namespace marginalia

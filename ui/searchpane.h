#pragma once

#include "search/librarysearch.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListView;
class QModelIndex;

namespace marginalia {

class SearchResultsModel;

// Search across the library: a query box, a few options, and the hits with their context. Choosing
// a hit reports it; running the search is the model's business.
class SearchPane : public QWidget {
    Q_OBJECT

public:
    explicit SearchPane(SearchResultsModel *results, QWidget *parent = nullptr);

    void focusQuery();
    void setQuery(const QString &query);
    QListView *resultsView() const { return m_view; }

Q_SIGNALS:
    void searchRequested(const QString &query, const marginalia::SearchOptions &options);
    void hitActivated(int volume, int document, int footnote, int readingOffset, int length);
    void annotationActivated(const QString &documentKey, const QString &annotationId);

private:
    void activate(const QModelIndex &index);
    void updateSummary();

    SearchResultsModel *m_results;
    QLineEdit *m_query;
    QCheckBox *m_caseSensitive;
    QCheckBox *m_wholeWords;
    QCheckBox *m_notes;
    QLabel *m_summary;
    QListView *m_view;
};

} // namespace marginalia

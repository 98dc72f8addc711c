#include "searchpane.h"

#include "catalogfilterbar.h"
#include "flowlayout.h"
#include "htmlitemdelegate.h"
#include "plaintext.h"

#include "models/catalogresultsmodel.h"
#include "models/searchhitgroupsmodel.h"
#include "models/searchresultsmodel.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSplitter>
#include <QToolButton>
#include <QTreeView>
#include <QStyle>
#include <QVBoxLayout>

namespace marginalia {


SearchPane::SearchPane(SearchResultsModel *results, QWidget *parent)
    : QWidget(parent), m_results(results), m_query(new QLineEdit(this)),
      m_caseSensitive(new QCheckBox(tr("Match case"), this)), m_wholeWords(new QCheckBox(tr("Whole words"), this)),
      m_notes(new QCheckBox(tr("Notes too"), this)), m_summary(plainLabel(this)),
      m_groups(new SearchHitGroupsModel(results, this)), m_view(new QTreeView(this))
{
    setObjectName(QStringLiteral("searchPane"));
    m_query->setPlaceholderText(tr("Search the library"));
    m_query->setClearButtonEnabled(true);
    m_notes->setChecked(true);
    m_summary->setObjectName(QStringLiteral("searchSummary"));
    m_summary->setWordWrap(true);
    m_view->setObjectName(QStringLiteral("searchResults"));
    m_view->setModel(m_groups);
    m_view->setHeaderHidden(true);
    m_view->setItemDelegate(new HtmlItemDelegate(SearchResultsModel::ContextHtmlRole, m_view));
    m_view->setUniformRowHeights(false);
    m_view->setWordWrap(true);
    m_view->setIndentation(12);
    m_view->setAlternatingRowColors(true);
    m_view->setExpandsOnDoubleClick(false);

    // The options wrap below one another on a narrow side, so the pane can give the text its room.
    auto *options = new FlowLayout;
    options->addWidget(m_caseSensitive);
    options->addWidget(m_wholeWords);
    options->addWidget(m_notes);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_query);
    layout->addLayout(options);
    layout->addWidget(m_summary);
    layout->addWidget(m_view);

    m_optionsRow = options;
    auto request = [this] { Q_EMIT searchRequested(m_query->text(), this->options()); };
    connect(m_query, &QLineEdit::returnPressed, this, &SearchPane::requestLibrary);
    connect(m_query, &QLineEdit::returnPressed, this, request);
    connect(m_caseSensitive, &QCheckBox::toggled, this, request);
    connect(m_wholeWords, &QCheckBox::toggled, this, request);
    connect(m_notes, &QCheckBox::toggled, this, request);
    // As the library's results: a click where the style does not activate on it, else activated() alone.
    connect(m_view, &QTreeView::activated, this, &SearchPane::activate);
    if (!style()->styleHint(QStyle::SH_ItemView_ActivateItemOnSingleClick, nullptr, m_view))
        connect(m_view, &QTreeView::clicked, this, &SearchPane::activate);
    connect(results, &QAbstractItemModel::modelReset, this, &SearchPane::updateSummary);
    // Volumes and documents open, but a long list's documents folded: their headings are the overview.
    connect(m_groups, &QAbstractItemModel::modelReset, m_view, [this] {
        const bool many = m_results->textRowCount() > 200;
        for (int row = 0; row < m_groups->rowCount(); ++row) {
            const QModelIndex group = m_groups->index(row, 0);
            m_view->expand(group);
            if (!many)
                for (int child = 0; child < m_groups->rowCount(group); ++child)
                    m_view->expand(m_groups->index(child, 0, group));
        }
    });
}

void SearchPane::focusQuery()
{
    m_query->setFocus();
    m_query->selectAll();
}

void SearchPane::setQuery(const QString &query)
{
    m_query->setText(query);
}

SearchOptions SearchPane::options() const
{
    SearchOptions o;
    o.caseSensitive = m_caseSensitive->isChecked();
    o.wholeWords = m_wholeWords->isChecked();
    o.includeNotes = m_notes->isChecked();
    o.skipVolumes = m_libraryVolumes;
    return o;
}

void SearchPane::updateSummary()
{
    const int n = m_results->rowCount();
    const int annotations = m_results->annotationRowCount();
    const int shown = m_results->textRowCount();
    const int total = m_results->totalTextHits();
    QString text;
    if (!m_results->query().isEmpty()) {
        const QLocale locale;
        // The true total, and when the list holds only part of it, which part.
        QString passages = total == 1 ? tr("1 passage") : tr("%1 passages").arg(locale.toString(total));
        if (total > shown)
            passages = tr("Showing the first %1 of %2 passages").arg(locale.toString(shown), locale.toString(total));
        const QString inAnnotations = annotations == 1 ? tr("1 annotation") : tr("%1 annotations").arg(locale.toString(annotations));
        text = annotations > 0 ? tr("%1 and %2").arg(inAnnotations, passages) : passages;
        if (m_library)
            text = tr("%1 in annotations and open files outside the library").arg(text);
    }
    m_summary->setText(text);
    // Beside the index's answer, an empty second list would only take its room.
    if (m_library) {
        m_view->setVisible(n > 0);
        m_openFilesPart->setMaximumHeight(n > 0 ? QWIDGETSIZE_MAX : m_summary->sizeHint().height());
    }
}

void SearchPane::activate(const QModelIndex &groupIndex)
{
    if (!groupIndex.isValid())
        return;
    if (groupIndex.data(SearchHitGroupsModel::IsGroupRole).toBool()) {
        m_view->setExpanded(groupIndex, !m_view->isExpanded(groupIndex)); // a heading opens and folds
        return;
    }
    const QModelIndex index = m_results->index(groupIndex.data(SearchHitGroupsModel::SourceRowRole).toInt(), 0);
    if (!index.isValid())
        return;
    if (const QString id = index.data(SearchResultsModel::AnnotationIdRole).toString(); !id.isEmpty()) {
        Q_EMIT annotationActivated(index.data(SearchResultsModel::DocumentKeyRole).toString(), id);
        return;
    }
    Q_EMIT hitActivated(index.data(SearchResultsModel::VolumeRole).toInt(),
                        index.data(SearchResultsModel::DocumentRole).toInt(),
                        index.data(SearchResultsModel::FootnoteRole).toInt(),
                        index.data(SearchResultsModel::OffsetRole).toInt(),
                        index.data(SearchResultsModel::LengthRole).toInt());
}

void SearchPane::setLibrary(CatalogResultsModel *results)
{
    if (m_library || !results)
        return;
    m_library = results;
    // Short enough to read in a pane narrowed for the text and its notes; the whole syntax on hover.
    m_query->setPlaceholderText(tr("Words, \"phrases\", OR, prefix*"));
    m_query->setToolTip(tr("Search the library: words, \"phrases\", AND, OR, NOT, prefix*"));
    m_filterButton = new QToolButton(this);
    m_filterButton->setObjectName(QStringLiteral("filterButton"));
    m_filterButton->setText(tr("Filters"));
    m_filterButton->setCheckable(true);
    m_filterButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_filterButton->setArrowType(Qt::RightArrow);
    m_optionsRow->addWidget(m_filterButton);
    // The index has its own matching (stemmed words, any case): these options are the open files' search.
    for (QCheckBox *box : {m_caseSensitive, m_wholeWords, m_notes})
        box->setToolTip(tr("For annotations and open files outside the library"));
    m_filters = new CatalogFilterBar(this);
    m_filters->hide(); // folded away until asked for: the query box is what most searches need
    m_librarySummary = plainLabel(this); // a query error quotes what the user typed
    m_librarySummary->setObjectName(QStringLiteral("librarySummary"));
    m_librarySummary->setWordWrap(true);
    m_libraryView = new QTreeView(this);
    m_libraryView->setObjectName(QStringLiteral("libraryResults"));
    m_libraryView->setModel(results);
    m_libraryView->setHeaderHidden(true);
    m_libraryView->setItemDelegate(new HtmlItemDelegate(CatalogResultsModel::HtmlRole, m_libraryView));
    m_libraryView->setUniformRowHeights(false);
    m_libraryView->setWordWrap(true);
    m_libraryView->setIndentation(12);
    m_libraryView->setExpandsOnDoubleClick(false);
    m_libraryView->header()->setStretchLastSection(true);

    auto *layout = static_cast<QVBoxLayout *>(this->layout());
    layout->removeWidget(m_summary);
    layout->removeWidget(m_view);
    auto *openFiles = m_openFilesPart = new QWidget(this);
    auto *openLayout = new QVBoxLayout(openFiles);
    openLayout->setContentsMargins(0, 0, 0, 0);
    openLayout->addWidget(m_summary);
    openLayout->addWidget(m_view);
    auto *libraryPart = new QWidget(this);
    auto *libraryLayout = new QVBoxLayout(libraryPart);
    libraryLayout->setContentsMargins(0, 0, 0, 0);
    libraryLayout->addWidget(m_librarySummary);
    libraryLayout->addWidget(m_libraryView);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(libraryPart);
    split->addWidget(openFiles);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    layout->insertWidget(2, m_filters);
    layout->addWidget(split, 1);

    connect(m_filterButton, &QToolButton::toggled, this, [this](bool on) {
        m_filters->setVisible(on);
        m_filterButton->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });
    connect(m_filters, &CatalogFilterBar::changed, this, &SearchPane::requestLibrary);
    // A click where the style does not activate on it; where it does, activated() alone, or one click
    // would ask for the document twice.
    connect(m_libraryView, &QTreeView::activated, this, &SearchPane::activateLibraryHit);
    if (!style()->styleHint(QStyle::SH_ItemView_ActivateItemOnSingleClick, nullptr, m_libraryView))
        connect(m_libraryView, &QTreeView::clicked, this, &SearchPane::activateLibraryHit);
    connect(results, &QAbstractItemModel::modelReset, this, &SearchPane::updateLibrarySummary);
    connect(results, &CatalogResultsModel::summaryChanged, this, &SearchPane::updateLibrarySummary);
    connect(results, &QAbstractItemModel::modelReset, m_libraryView, &QTreeView::expandAll);
    updateSummary();
}

void SearchPane::setLibraryVolumes(const std::vector<CatalogVolumeInfo> &volumes)
{
    m_libraryVolumes.clear();
    for (const CatalogVolumeInfo &v : volumes) {
        if (v.state == CatalogVolumeInfo::State::Indexed)
            m_libraryVolumes << v.id;
    }
    if (m_filters)
        m_filters->setVolumes(volumes);
}

void SearchPane::requestLibrary()
{
    if (!m_library)
        return;
    CatalogQuery query;
    query.text = m_query->text();
    query.limit = 200;
    m_filters->apply(query);
    Q_EMIT libraryQueryRequested(query);
}

void SearchPane::updateLibrarySummary()
{
    const bool failed = !m_library->error().isEmpty();
    m_librarySummary->setText(m_library->summary());
    // The message of a refused query is what the user must act on: it stands out, the list goes.
    m_librarySummary->setStyleSheet(failed ? QStringLiteral("color: #b00020;") : QString());
    m_libraryView->setVisible(!failed);
}

void SearchPane::activateLibraryHit(const QModelIndex &index)
{
    if (!index.isValid() || index.data(CatalogResultsModel::IsVolumeRole).toBool())
        return;
    Q_EMIT documentRequested(index.data(CatalogResultsModel::VolumeIdRole).toString(),
                             index.data(CatalogResultsModel::DocumentIdRole).toString(), m_library->query());
}

} // namespace marginalia

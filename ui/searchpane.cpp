#include "searchpane.h"

#include "plaintext.h"

#include "models/searchresultsmodel.h"

#include <QAbstractTextDocumentLayout>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTextDocument>
#include <QVBoxLayout>

namespace marginalia {

namespace {

// Draws a hit's context with the match in bold. The HTML comes from the model, which escapes the text.
class HitDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        QTextDocument doc;
        doc.setDefaultFont(opt.font);
        doc.setHtml(index.data(SearchResultsModel::ContextHtmlRole).toString());
        doc.setTextWidth(opt.rect.width() - 8);
        painter->save();
        painter->translate(opt.rect.topLeft() + QPoint(4, 2));
        QAbstractTextDocumentLayout::PaintContext ctx;
        ctx.palette = opt.palette;
        if (opt.state & QStyle::State_Selected)
            ctx.palette.setColor(QPalette::Text, opt.palette.color(QPalette::HighlightedText));
        doc.documentLayout()->draw(painter, ctx);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QTextDocument doc;
        doc.setDefaultFont(option.font);
        doc.setHtml(index.data(SearchResultsModel::ContextHtmlRole).toString());
        doc.setTextWidth(std::max(200, option.rect.width() - 8));
        return {int(doc.idealWidth()), int(doc.size().height()) + 4};
    }
};

} // namespace

SearchPane::SearchPane(SearchResultsModel *results, QWidget *parent)
    : QWidget(parent), m_results(results), m_query(new QLineEdit(this)),
      m_caseSensitive(new QCheckBox(tr("Match case"), this)), m_wholeWords(new QCheckBox(tr("Whole words"), this)),
      m_notes(new QCheckBox(tr("Notes too"), this)), m_summary(plainLabel(this)), m_view(new QListView(this))
{
    setObjectName(QStringLiteral("searchPane"));
    m_query->setPlaceholderText(tr("Search the library"));
    m_query->setClearButtonEnabled(true);
    m_notes->setChecked(true);
    m_view->setModel(results);
    m_view->setItemDelegate(new HitDelegate(m_view));
    m_view->setWordWrap(true);
    m_view->setAlternatingRowColors(true);
    m_view->setResizeMode(QListView::Adjust);

    auto *options = new QHBoxLayout;
    options->addWidget(m_caseSensitive);
    options->addWidget(m_wholeWords);
    options->addWidget(m_notes);
    options->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_query);
    layout->addLayout(options);
    layout->addWidget(m_summary);
    layout->addWidget(m_view);

    auto request = [this] {
        SearchOptions o;
        o.caseSensitive = m_caseSensitive->isChecked();
        o.wholeWords = m_wholeWords->isChecked();
        o.includeNotes = m_notes->isChecked();
        Q_EMIT searchRequested(m_query->text(), o);
    };
    connect(m_query, &QLineEdit::returnPressed, this, request);
    connect(m_caseSensitive, &QCheckBox::toggled, this, request);
    connect(m_wholeWords, &QCheckBox::toggled, this, request);
    connect(m_notes, &QCheckBox::toggled, this, request);
    connect(m_view, &QListView::activated, this, &SearchPane::activate);
    connect(m_view, &QListView::clicked, this, &SearchPane::activate);
    connect(results, &QAbstractItemModel::modelReset, this, &SearchPane::updateSummary);
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

void SearchPane::updateSummary()
{
    const int n = m_results->rowCount();
    m_summary->setText(m_results->query().isEmpty() ? QString() : tr("%n hit(s)", nullptr, n));
}

void SearchPane::activate(const QModelIndex &index)
{
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

} // namespace marginalia

#include "allannotationspane.h"

#include "plaintext.h"

#include "library/citationlabel.h"
#include "models/allannotationsfilter.h"
#include "models/allannotationsmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QTableView>
#include <QVBoxLayout>

namespace marginalia {

namespace {

QIcon swatch(const QString &color)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(QColor(color));
    return QIcon(pixmap);
}

// Puts `values` (shown by `label`, with a colour swatch when they are colours) after the "all" entry, keeping the user's choice when it is still offered.
template <typename Label>
void refill(QComboBox *box, const QString &all, const QStringList &values, Label label, bool swatches = false)
{
    const QString chosen = box->currentData().toString();
    const QSignalBlocker quiet(box);
    box->clear();
    box->addItem(all, QString());
    for (const QString &value : values) {
        if (swatches)
            box->addItem(swatch(value), label(value), value);
        else
            box->addItem(label(value), value);
    }
    const int keep = box->findData(chosen);
    box->setCurrentIndex(keep < 0 ? 0 : keep);
}

} // namespace

AllAnnotationsPane::AllAnnotationsPane(AllAnnotationsModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_filter(new AllAnnotationsFilter(this)), m_text(new QLineEdit(this)),
      m_tag(new QComboBox(this)), m_color(new QComboBox(this)), m_volume(new QComboBox(this)),
      m_count(plainLabel(this)), m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("allAnnotationsPane"));
    m_filter->setSourceModel(model);
    m_text->setPlaceholderText(tr("Filter by words in the citation, quote, note, tags or author"));
    m_text->setClearButtonEnabled(true);
    m_tag->setObjectName(QStringLiteral("allAnnotationsTagFilter"));
    m_color->setObjectName(QStringLiteral("allAnnotationsColorFilter"));
    m_volume->setObjectName(QStringLiteral("allAnnotationsVolumeFilter"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AllAnnotationsModel::ModifiedColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(AllAnnotationsModel::QuoteColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(AllAnnotationsModel::NoteColumn, QHeaderView::Stretch);
    for (int column : {AllAnnotationsModel::TagsColumn, AllAnnotationsModel::AuthorColumn, AllAnnotationsModel::ModifiedColumn})
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_table->setColumnWidth(AllAnnotationsModel::DocumentColumn, 240);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_text, 2);
    filters->addWidget(m_tag, 1);
    filters->addWidget(m_color);
    filters->addWidget(m_volume, 1);
    filters->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);

    connect(m_text, &QLineEdit::textChanged, m_filter, &AllAnnotationsFilter::setText);
    connect(m_tag, &QComboBox::currentIndexChanged, this, [this] { m_filter->setTag(m_tag->currentData().toString()); });
    connect(m_color, &QComboBox::currentIndexChanged, this, [this] { m_filter->setColor(m_color->currentData().toString()); });
    connect(m_volume, &QComboBox::currentIndexChanged, this, [this] { m_filter->setVolume(m_volume->currentData().toString()); });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &i) {
        Q_EMIT passageActivated(i.data(AllAnnotationsModel::DocumentKeyRole).toString(),
                                i.data(AllAnnotationsModel::IdRole).toString());
    });
    connect(model, &QAbstractItemModel::modelReset, this, &AllAnnotationsPane::fillChoices);
    connect(model, &QAbstractItemModel::rowsInserted, this, &AllAnnotationsPane::fillChoices);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &AllAnnotationsPane::fillChoices);
    connect(model, &QAbstractItemModel::dataChanged, this, &AllAnnotationsPane::fillChoices);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &AllAnnotationsPane::updateCount);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &AllAnnotationsPane::updateCount);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &AllAnnotationsPane::updateCount);
    fillChoices();
    updateCount();
}

void AllAnnotationsPane::fillChoices()
{
    const auto same = [](const QString &value) { return value; };
    refill(m_tag, tr("All tags"), m_model->tags(), same);
    refill(m_color, tr("All colours"), m_model->colors(), same, true);
    refill(m_volume, tr("All volumes"), m_model->volumes(), [](const QString &id) {
        const QString name = shortVolumeName(id);
        return name.isEmpty() ? id : name;
    });
    // The choice may have gone with the last row that had it: the filter follows the box.
    m_filter->setTag(m_tag->currentData().toString());
    m_filter->setColor(m_color->currentData().toString());
    m_filter->setVolume(m_volume->currentData().toString());
}

void AllAnnotationsPane::updateCount()
{
    m_count->setText(tr("%1 of %n annotation(s)", nullptr, m_model->rowCount()).arg(m_filter->rowCount()));
}

void AllAnnotationsPane::showEvent(QShowEvent *event)
{
    m_model->load(); // the database is read when the list is first wanted
    QWidget::showEvent(event);
}

void AllAnnotationsPane::focusFilter()
{
    m_text->setFocus(Qt::ShortcutFocusReason);
    m_text->selectAll();
}

} // namespace marginalia

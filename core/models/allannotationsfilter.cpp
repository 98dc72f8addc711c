#include "allannotationsfilter.h"

#include "allannotationsmodel.h"

#include "util/textfold.h"

#include <QDateTime>

#include <algorithm>

namespace marginalia {

AllAnnotationsFilter::AllAnnotationsFilter(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(AllAnnotationsModel::SortRole);
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
}

void AllAnnotationsFilter::change(QString &criterion, const QString &value)
{
    if (criterion == value)
        return;
    criterion = value;
    invalidateRowsFilter();
}

void AllAnnotationsFilter::setTag(const QString &tag)
{
    change(m_tag, tag);
}

void AllAnnotationsFilter::setColor(const QString &color)
{
    change(m_color, color.toLower());
}

void AllAnnotationsFilter::setVolume(const QString &volumeId)
{
    change(m_volume, volumeId);
}

void AllAnnotationsFilter::setText(const QString &text)
{
    const QStringList words = foldedWords(text);
    if (words == m_words)
        return;
    m_words = words;
    invalidateRowsFilter();
}

bool AllAnnotationsFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex row = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_volume.isEmpty() && row.data(AllAnnotationsModel::VolumeRole).toString() != m_volume)
        return false;
    if (!m_color.isEmpty() && row.data(AllAnnotationsModel::ColorRole).toString() != m_color)
        return false;
    if (!m_tag.isEmpty() && !row.data(AllAnnotationsModel::TagsRole).toStringList().contains(m_tag, Qt::CaseInsensitive))
        return false;
    const QString text = row.data(AllAnnotationsModel::FilterTextRole).toString();
    return std::all_of(m_words.cbegin(), m_words.cend(), [&text](const QString &word) { return text.contains(word); });
}

bool AllAnnotationsFilter::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    if (l.metaType().id() == QMetaType::QDateTime && r.metaType().id() == QMetaType::QDateTime)
        return l.toDateTime() < r.toDateTime();
    return m_collator.compare(l.toString(), r.toString()) < 0;
}

} // namespace marginalia

#include "tagsmodel.h"

#include "annotation/annotationservice.h"

#include <QColor>

namespace marginalia {

TagsModel::TagsModel(const AnnotationService *service, QObject *parent) : QAbstractListModel(parent), m_service(service)
{
    connect(service, &AnnotationService::tagsChanged, this, &TagsModel::refresh);
    refresh();
}

void TagsModel::refresh()
{
    beginResetModel();
    m_tags = m_service->tags();
    endResetModel();
}

QStringList TagsModel::names() const
{
    QStringList out;
    for (const Tag &t : m_tags)
        out << t.name;
    return out;
}

int TagsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tags.size());
}

QVariant TagsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_tags.size()))
        return {};
    const Tag &t = m_tags[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 (%2)").arg(t.name).arg(t.count);
    case Qt::DecorationRole:
    case ColorRole:
        return QColor(t.color);
    case NameRole:
        return t.name;
    case CountRole:
        return t.count;
    default:
        return {};
    }
}

} // namespace marginalia

#pragma once

#include "model/annotation.h"

#include <QAbstractListModel>

#include <vector>

namespace marginalia {

class AnnotationService;

// Every tag with the number of passages carrying it; follows the service's changes.
class TagsModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role { NameRole = Qt::UserRole + 1, CountRole, ColorRole };

    explicit TagsModel(const AnnotationService *service, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QStringList names() const;

public Q_SLOTS:
    void refresh();

private:
    const AnnotationService *m_service;
    std::vector<Tag> m_tags;
};

} // namespace marginalia

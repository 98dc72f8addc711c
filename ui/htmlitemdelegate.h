#pragma once

#include <QStyledItemDelegate>

namespace marginalia {

// Draws an item from the rich text a model gives in `role` (escaped by the model, its marks in <b>),
// wrapped to the view's width. Only models that escape what comes from files may name a role here.
class HtmlItemDelegate : public QStyledItemDelegate {
public:
    HtmlItemDelegate(int role, QObject *parent);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_role;
};

} // namespace marginalia

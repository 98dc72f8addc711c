#include "htmlitemdelegate.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QTextDocument>
#include <QTreeView>

namespace marginalia {

HtmlItemDelegate::HtmlItemDelegate(int role, QObject *parent) : QStyledItemDelegate(parent), m_role(role) {}

void HtmlItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    QTextDocument doc;
    doc.setDefaultFont(opt.font);
    QString html = index.data(m_role).toString();
    // Grey on the selection's colour cannot be read: a selected row is all in the highlighted text's.
    if (opt.state & QStyle::State_Selected)
        html.replace(QStringLiteral("<span style='color:gray'>"), QStringLiteral("<span>")); // never in escaped text
    doc.setHtml(html);
    doc.setTextWidth(opt.rect.width() - 8);
    painter->save();
    painter->translate(opt.rect.topLeft() + QPoint(4, 2));
    painter->setClipRect(QRect(QPoint(0, 0), opt.rect.size()));
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.palette = opt.palette;
    if (opt.state & QStyle::State_Selected)
        ctx.palette.setColor(QPalette::Text, opt.palette.color(QPalette::HighlightedText));
    doc.documentLayout()->draw(painter, ctx);
    painter->restore();
}

QSize HtmlItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QTextDocument doc;
    doc.setDefaultFont(option.font);
    doc.setHtml(index.data(m_role).toString());
    // A tree indents its rows: the text has the width the view leaves it.
    int width = option.rect.width();
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget)) {
        width = view->viewport()->width();
        const auto *tree = qobject_cast<const QTreeView *>(view);
        for (QModelIndex p = index.parent(); tree && p.isValid(); p = p.parent())
            width -= tree->indentation();
    }
    doc.setTextWidth(std::max(200, width - 8));
    return {int(doc.idealWidth()), int(doc.size().height()) + 4};
}

} // namespace marginalia

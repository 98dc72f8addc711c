#include "annotationsmodel.h"

#include "util/plaintext.h"

#include <QColor>

#include <algorithm>

namespace marginalia {

AnnotationsModel::AnnotationsModel(QObject *parent) : QAbstractListModel(parent) {}

void AnnotationsModel::setAnnotations(std::vector<AnchoredAnnotation> annotations)
{
    // Reading order: body first, then notes; orphans last, where the reader looks for them.
    std::stable_sort(annotations.begin(), annotations.end(), [](const AnchoredAnnotation &a, const AnchoredAnnotation &b) {
        const auto key = [](const AnchoredAnnotation &x) {
            return std::tuple(!x.anchor.found(), x.footnote, x.anchor.start);
        };
        return key(a) < key(b);
    });
    beginResetModel();
    m_rows = std::move(annotations);
    endResetModel();
}

int AnnotationsModel::rowOf(const QString &id) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].annotation.id == id)
            return int(i);
    }
    return -1;
}

int AnnotationsModel::orphanCount() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(), [](const AnchoredAnnotation &a) { return !a.anchor.found(); }));
}

int AnnotationsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant AnnotationsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const AnchoredAnnotation &row = m_rows[std::size_t(index.row())];
    const Annotation &a = row.annotation;
    switch (role) {
    case Qt::DisplayRole: {
        QString text = tr("“%1”").arg(a.selector.exact.simplified());
        if (!row.anchor.found())
            text = tr("Orphaned: %1").arg(text);
        if (!a.note.isEmpty())
            text += u'\n' + a.note;
        if (!a.tags.isEmpty())
            text += u'\n' + tr("Tags: %1").arg(a.tags.join(QStringLiteral(", ")));
        if (!a.author.isEmpty() && a.author != defaultAuthor())
            text += u'\n' + tr("by %1").arg(a.author);
        return text;
    }
    case Qt::ToolTipRole:
        return plainTooltip(a.note.isEmpty() ? a.selector.exact : a.note);
    case AuthorRole:
        return a.author;
    case Qt::DecorationRole:
    case ColorRole:
        return QColor(row.paintColor.isEmpty() ? a.color : row.paintColor);
    case IdRole:
        return a.id;
    case QuoteRole:
        return a.selector.exact;
    case NoteRole:
        return a.note;
    case TagsRole:
        return a.tags;
    case OrphanRole:
        return !row.anchor.found();
    case DocumentRole:
        return a.document;
    case StartRole:
        return row.anchor.start;
    case EndRole:
        return row.anchor.end;
    case FootnoteRole:
        return row.footnote;
    default:
        return {};
    }
}

} // namespace marginalia

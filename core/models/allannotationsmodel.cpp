#include "allannotationsmodel.h"

#include "annotation/annotationservice.h"
#include "annotation/documentlookup.h"
#include "library/openlibrary.h"
#include "util/plaintext.h"
#include "util/textfold.h"

#include <QColor>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace marginalia {

AllAnnotationsModel::AllAnnotationsModel(const AnnotationService *service, const OpenLibrary *library, QObject *parent)
    : QAbstractTableModel(parent), m_service(service), m_library(library)
{
    connect(service, &AnnotationService::annotationsChanged, this, [this](const QString &key) {
        if (!m_loaded)
            return;
        if (key.isEmpty())
            refresh();
        else
            updateDocument(key);
    });
    connect(service, &AnnotationService::tagsChanged, this, &AllAnnotationsModel::redescribe);
    connect(library, &OpenLibrary::volumeAdded, this, &AllAnnotationsModel::redescribe);
    connect(library, &OpenLibrary::volumeReplaced, this, &AllAnnotationsModel::redescribe);
}

void AllAnnotationsModel::load()
{
    if (m_loaded)
        return;
    m_loaded = true;
    refresh();
}

AllAnnotationsModel::Row AllAnnotationsModel::makeRow(Annotation annotation, QHash<QString, QString> &citations) const
{
    auto cached = citations.find(annotation.document);
    if (cached == citations.end())
        cached = citations.insert(annotation.document, shortCitationOfKey(m_library->library(), annotation.document));
    Row row{std::move(annotation), *cached, {}, {}};
    const Annotation &a = row.annotation;
    row.paint = m_service->paintColor(a).toLower();
    const QStringList parts{row.citation, a.document, a.selector.exact, a.note, a.tags.join(u' '), a.author};
    row.folded = foldForSearch(parts.join(u'\n'));
    return row;
}

void AllAnnotationsModel::refresh()
{
    m_loaded = true;
    QHash<QString, QString> citations;
    std::vector<Row> rows;
    for (Annotation &a : m_service->all())
        rows.push_back(makeRow(std::move(a), citations));
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void AllAnnotationsModel::updateDocument(const QString &key)
{
    std::vector<Annotation> fresh = m_service->forDocument(key);
    QHash<QString, QString> citations;
    // Rows of the document still there are updated in place, the rest removed; the new ones go last.
    for (int r = int(m_rows.size()) - 1; r >= 0; --r) {
        if (m_rows[std::size_t(r)].annotation.document != key)
            continue;
        const auto it = std::find_if(fresh.begin(), fresh.end(),
                                     [&](const Annotation &a) { return a.id == m_rows[std::size_t(r)].annotation.id; });
        if (it == fresh.end()) {
            beginRemoveRows({}, r, r);
            m_rows.erase(m_rows.begin() + r);
            endRemoveRows();
            continue;
        }
        m_rows[std::size_t(r)] = makeRow(std::move(*it), citations);
        fresh.erase(it);
        Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
    }
    if (fresh.empty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    for (Annotation &a : fresh)
        m_rows.push_back(makeRow(std::move(a), citations));
    endInsertRows();
}

void AllAnnotationsModel::redescribe()
{
    QHash<QString, QString> citations;
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        Row row = makeRow(m_rows[r].annotation, citations);
        if (row.citation == m_rows[r].citation && row.paint == m_rows[r].paint)
            continue;
        m_rows[r] = std::move(row);
        Q_EMIT dataChanged(index(int(r), 0), index(int(r), ColumnCount - 1));
    }
}

int AllAnnotationsModel::rowOf(const QString &id) const
{
    const auto it = std::find_if(m_rows.begin(), m_rows.end(), [&](const Row &r) { return r.annotation.id == id; });
    return it == m_rows.end() ? -1 : int(it - m_rows.begin());
}

namespace {

QStringList sortedOnce(QStringList values)
{
    values.removeDuplicates();
    values.sort(Qt::CaseInsensitive);
    return values;
}

} // namespace

QStringList AllAnnotationsModel::volumes() const
{
    QStringList out;
    for (const Row &r : m_rows)
        out << r.annotation.document.section(u'/', 0, 0);
    return sortedOnce(out);
}

QStringList AllAnnotationsModel::colors() const
{
    QStringList out;
    for (const Row &r : m_rows)
        out << r.paint;
    return sortedOnce(out);
}

QStringList AllAnnotationsModel::tags() const
{
    QStringList out;
    QSet<QString> seen; // "UN" and "un" are one tag, as the store has it
    for (const Row &r : m_rows) {
        for (const QString &tag : r.annotation.tags) {
            if (!seen.contains(tag.toCaseFolded())) {
                seen.insert(tag.toCaseFolded());
                out << tag;
            }
        }
    }
    return sortedOnce(out);
}

int AllAnnotationsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AllAnnotationsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AllAnnotationsModel::display(const Row &row, int column) const
{
    const Annotation &a = row.annotation;
    switch (column) {
    case DocumentColumn:
        return row.citation;
    case QuoteColumn:
        return a.selector.exact.simplified();
    case NoteColumn:
        return a.note.simplified();
    case TagsColumn:
        return a.tags.join(QStringLiteral(", "));
    case AuthorColumn:
        return a.author;
    case ModifiedColumn:
        return QLocale().toString(a.modified.toLocalTime(), QLocale::ShortFormat);
    default:
        return {};
    }
}

QVariant AllAnnotationsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()) || index.column() >= ColumnCount)
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    const Annotation &a = row.annotation;
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == DocumentColumn)
            return plainTooltip(a.document);
        return plainTooltip(index.column() == NoteColumn ? a.note : display(row, index.column()).toString());
    case Qt::DecorationRole:
        return index.column() == QuoteColumn ? QVariant(QColor(row.paint)) : QVariant();
    case SortRole:
        return index.column() == ModifiedColumn ? QVariant(a.modified) : display(row, index.column());
    case IdRole:
        return a.id;
    case DocumentKeyRole:
        return a.document;
    case VolumeRole:
        return a.document.section(u'/', 0, 0);
    case ColorRole:
        return row.paint;
    case TagsRole:
        return a.tags;
    case FilterTextRole:
        return row.folded;
    default:
        return {};
    }
}

QVariant AllAnnotationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DocumentColumn:
        return tr("Document");
    case QuoteColumn:
        return tr("Quote");
    case NoteColumn:
        return tr("Note");
    case TagsColumn:
        return tr("Tags");
    case AuthorColumn:
        return tr("Author");
    case ModifiedColumn:
        return tr("Modified");
    default:
        return {};
    }
}

} // namespace marginalia

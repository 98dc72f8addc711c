#include "libraryfiltermodel.h"

#include "librarymodel.h"

#include <algorithm>

namespace marginalia {

namespace {

// "Hôtel Réal" → "hotel real": decomposed, combining marks dropped, case folded, so that a historian
// typing "lopez" finds "López".
QString folded(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        switch (c.category()) {
        case QChar::Mark_NonSpacing:
        case QChar::Mark_SpacingCombining:
        case QChar::Mark_Enclosing:
            break;
        default:
            out.append(c);
        }
    }
    return out.toCaseFolded();
}

} // namespace

LibraryFilterModel::LibraryFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // A document that matches keeps its volume and chapters; a volume or chapter that matches keeps
    // everything in it.
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
}

void LibraryFilterModel::setFilterWords(const QString &text)
{
    const QStringList words = folded(text).simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateFilter();
}

bool LibraryFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QString text = folded(index.data(LibraryModel::FilterTextRole).toString());
    return std::all_of(m_words.cbegin(), m_words.cend(),
                       [&text](const QString &word) { return text.contains(word); });
}

} // namespace marginalia

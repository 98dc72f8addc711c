#include "libraryfiltermodel.h"

#include "librarymodel.h"

#include "util/textfold.h"

#include <algorithm>

namespace marginalia {

LibraryFilterModel::LibraryFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // A document that matches keeps its volume and chapters; a volume or chapter that matches keeps
    // everything in it.
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
}

// Words and rows are compared folded, so that a historian typing "lopez" finds "López".
void LibraryFilterModel::setFilterWords(const QString &text)
{
    const QStringList words = foldedWords(text);
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
    const QString text = foldForSearch(index.data(LibraryModel::FilterTextRole).toString());
    return std::all_of(m_words.cbegin(), m_words.cend(),
                       [&text](const QString &word) { return text.contains(word); });
}

} // namespace marginalia

#pragma once

#include <QSortFilterProxyModel>

namespace marginalia {

// Narrows the library tree to the documents whose number, title, date or place hold every word typed
// (case and accents ignored), keeping their volumes and divisions so the tree stays navigable.
class LibraryFilterModel : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit LibraryFilterModel(QObject *parent = nullptr);
    void setFilterWords(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QStringList m_words;
};

} // namespace marginalia

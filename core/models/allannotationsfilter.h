#pragma once

#include <QCollator>
#include <QSortFilterProxyModel>
#include <QStringList>

namespace marginalia {

// The library-wide annotations list narrowed as the user asks: to a tag (case-insensitively), a paint
// colour, a volume (the key's part before '/'), and rows whose citation, quote, note, tags or author hold
// every word typed (accents and case ignored). Empty criteria keep every row. Sorts texts as people read
// them ("Doc. 36" before "Doc. 317") and Modified by time.
class AllAnnotationsFilter : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit AllAnnotationsFilter(QObject *parent = nullptr);

    void setTag(const QString &tag);
    void setColor(const QString &color);
    void setVolume(const QString &volumeId);
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void change(QString &criterion, const QString &value);

    QString m_tag;
    QString m_color;
    QString m_volume;
    QStringList m_words;
    QCollator m_collator;
};

} // namespace marginalia

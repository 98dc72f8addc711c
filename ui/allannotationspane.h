#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace marginalia {

class AllAnnotationsFilter;
class AllAnnotationsModel;

// The library-wide annotations list (View › All Annotations): a table of every annotation, sorted by a
// click on a header, narrowed by the words typed and by tag, colour and volume. Double-click or Return on
// a row asks for its passage.
class AllAnnotationsPane : public QWidget {
    Q_OBJECT

public:
    explicit AllAnnotationsPane(AllAnnotationsModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QLineEdit *filterField() const { return m_text; }
    QComboBox *tagFilter() const { return m_tag; }
    QComboBox *colorFilter() const { return m_color; }
    QComboBox *volumeFilter() const { return m_volume; }
    AllAnnotationsFilter *filter() const { return m_filter; }
    void focusFilter();

protected:
    void showEvent(QShowEvent *event) override;

Q_SIGNALS:
    void passageActivated(const QString &documentKey, const QString &id);

private:
    void fillChoices();
    void updateCount();

    AllAnnotationsModel *m_model;
    AllAnnotationsFilter *m_filter;
    QLineEdit *m_text;
    QComboBox *m_tag;
    QComboBox *m_color;
    QComboBox *m_volume;
    QLabel *m_count;
    QTableView *m_table;
};

} // namespace marginalia

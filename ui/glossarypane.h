#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QModelIndex;
class QTreeView;

namespace marginalia {

class GlossaryModel;

// The Persons or the Terms pane: the volume's list, a field that searches it, and under each entry its
// mentions; clicking a mention opens its passage.
class GlossaryPane : public QWidget {
    Q_OBJECT

public:
    GlossaryPane(GlossaryModel *model, const QString &placeholder, QWidget *parent = nullptr);

    QLineEdit *searchField() const { return m_search; }
    QTreeView *view() const { return m_view; }
    QLabel *noteLabel() const { return m_note; }

Q_SIGNALS:
    void mentionActivated(int volume, int document, int footnote, int offset, int length);

private:
    void activate(const QModelIndex &index);
    void updateNote();

    GlossaryModel *m_model;
    QLineEdit *m_search;
    QTreeView *m_view;
    QLabel *m_note;
};

} // namespace marginalia

#pragma once

#include <QWidget>

class QLabel;
class QListView;
class QModelIndex;

namespace marginalia {

class CitedByModel;

// "Cited by": the documents of the library that cite the one on screen, each with the sentence that
// cites it. Under the notes, and out of their way: with nothing to list it shrinks to one line.
// Choosing a row reports it; finding the citations is the model's business.
class CitedByPane : public QWidget {
    Q_OBJECT

public:
    explicit CitedByPane(CitedByModel *model, QWidget *parent = nullptr);

    QListView *view() const { return m_view; }
    QLabel *heading() const { return m_heading; }
    // The index could not be read: the plain message instead of the list.
    void setProblem(const QString &message);

Q_SIGNALS:
    void documentRequested(const QString &volumeId, const QString &documentId, const QString &query);
    // The list appeared (true) or went (false): the window may give the pane room, or take it back.
    void listShown(bool shown);

private:
    void update();
    void activate(const QModelIndex &index);

    CitedByModel *m_model;
    QLabel *m_heading;
    QListView *m_view;
    QString m_problem;
    bool m_listShown = false;
};

} // namespace marginalia

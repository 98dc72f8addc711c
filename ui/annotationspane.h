#pragma once

#include <QWidget>

class QLabel;
class QListView;
class QModelIndex;
class QPushButton;

namespace marginalia {

class AnnotationsModel;

// The annotations of the document on screen: quote, note, tags; orphans at the end, marked. Choosing
// one reports it; the buttons ask for an edit or a deletion, the list's context menu also for the
// earlier versions a team sync kept.
class AnnotationsPane : public QWidget {
    Q_OBJECT

public:
    explicit AnnotationsPane(AnnotationsModel *model, QWidget *parent = nullptr);

    void setProblem(const QString &problem); // why annotations cannot be made, shown above the list
    QListView *list() const { return m_list; }
    QString currentId() const;

Q_SIGNALS:
    void annotationActivated(const QString &id);
    void editNoteRequested(const QString &id);
    void editTagsRequested(const QString &id);
    void removeRequested(const QString &id);
    void historyRequested(const QString &id);

private:
    void updateSummary();

    AnnotationsModel *m_model;
    QLabel *m_summary;
    QListView *m_list;
};

} // namespace marginalia

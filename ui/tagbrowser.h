#pragma once

#include <QWidget>

class QListView;

namespace marginalia {

class AnnotationsModel;
class TagsModel;

// All tags with their counts; choosing one lists its passages across the library, choosing a passage
// asks for it to be opened.
class TagBrowser : public QWidget {
    Q_OBJECT

public:
    TagBrowser(TagsModel *tags, AnnotationsModel *passages, QWidget *parent = nullptr);

    QListView *tagList() const { return m_tags; }
    QListView *passageList() const { return m_passages; }
    QString currentPassageId() const;

Q_SIGNALS:
    void tagChosen(const QString &name);
    void passageChosen(const QString &documentKey, const QString &annotationId);
    void editNoteRequested(const QString &id);
    void removeRequested(const QString &id);

private:
    QListView *m_tags;
    QListView *m_passages;
};

} // namespace marginalia

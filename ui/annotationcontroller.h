#pragma once

#include "annotation/authorfilter.h"
#include "model/annotation.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QUndoStack;
class QWidget;

namespace marginalia {

class AnnotationService;
class AnnotationsModel;
class DocumentView;
class FootnotePane;
class Navigator;
class OpenLibrary;

// Turns the reader's selection into annotations and shows the annotations of the document on screen:
// painted in the view and the notes, listed in the annotations pane, grouped by tag. Every change goes
// through an undo command on the window's QUndoStack.
class AnnotationController : public QObject {
    Q_OBJECT

public:
    struct Parts {
        const OpenLibrary *library = nullptr;
        Navigator *navigator = nullptr;
        AnnotationService *service = nullptr;
        QUndoStack *undoStack = nullptr;
        DocumentView *view = nullptr;
        FootnotePane *notes = nullptr;
        AnnotationsModel *documentAnnotations = nullptr;
        AnnotationsModel *tagPassages = nullptr;
        QWidget *window = nullptr;
    };

    explicit AnnotationController(const Parts &parts, QObject *parent = nullptr);

    QString currentDocumentKey() const { return m_key; }
    const AuthorFilter &authorFilter() const { return m_filter; }

public Q_SLOTS:
    void showDocument(int volume, int document);
    void reload();
    // Annotate the selection (in the view, else in the notes pane). The dialog variants ask the user.
    void highlightSelection(const QString &color = {});
    void tagSelection(const QStringList &tags);
    void noteSelection(const QString &note);
    void askTagsForSelection();
    void askNoteForSelection();
    void editNote(const QString &id, const QString &note);
    void editTags(const QString &id, const QStringList &tags);
    void askNote(const QString &id);
    void askTags(const QString &id);
    void remove(const QString &id);
    // Deletes the user's annotation the selection falls in (a right click on a highlight selects it).
    void removeAtSelection();
    // The earlier versions of the annotation a team sync kept, with a way to take one back.
    void showHistory(const QString &id);
    void selectAnnotation(const QString &id);
    void showTag(const QString &name);
    void openPassage(const QString &documentKey, const QString &id);
    // Whose annotations are painted and listed; the names in it say which are the user's own, the only
    // ones a selection edits (in a team, another member's passage gets an annotation of the user's own).
    void setAuthorFilter(const marginalia::AuthorFilter &filter);

Q_SIGNALS:
    void message(const QString &text);
    // The Earlier Versions window opened (tests reach it through this).
    void historyShown(QWidget *dialog);

private:
    static QString selectFirstMessage();
    std::optional<Annotation> annotationFromSelection() const;
    // The annotation the selection falls in, if any: tagging or noting it edits that one.
    std::optional<Annotation> annotationAtSelection() const;
    void addOrEdit(const std::function<void(Annotation &)> &change, const QString &what);
    void edit(const QString &id, const std::function<void(Annotation &)> &change, const QString &what);
    void clearSelections();

    Parts m_parts;
    int m_volume = -1;
    int m_document = -1;
    QString m_key;
    QString m_shownTag;
    AuthorFilter m_filter;
    // Whether the notes pane holds the selection made last: the letter's may still be there, unfocused,
    // when the user goes on to select in a note, and the action is meant for the note.
    bool m_notesSelectedLast = false;
};

} // namespace marginalia

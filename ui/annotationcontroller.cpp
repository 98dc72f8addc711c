#include "annotationcontroller.h"

#include "annotationdialogs.h"
#include "annotationhistorydialog.h"
#include "documentview.h"
#include "footnotepane.h"

#include "anchor/anchoring.h"
#include "annotation/annotationcommands.h"
#include "annotation/annotationservice.h"
#include "annotation/annotationtooltip.h"
#include "annotation/documentkey.h"
#include "annotation/documentlookup.h"
#include "library/openlibrary.h"
#include "model/readingtext.h"
#include "models/annotationsmodel.h"
#include "navigation/navigator.h"
#include "util/plaintext.h"

#include <QUndoStack>

namespace marginalia {

QString AnnotationController::selectFirstMessage()
{
    return tr("Select a passage of the document or of a note first.");
}

AnnotationController::AnnotationController(const Parts &parts, QObject *parent) : QObject(parent), m_parts(parts)
{
    connect(parts.service, &AnnotationService::annotationsChanged, this, [this](const QString &key) {
        if (key == m_key || key.isEmpty())
            reload();
        if (!m_shownTag.isEmpty())
            showTag(m_shownTag);
    });
    connect(parts.service, &AnnotationService::failed, this,
            [this](const Error &error) { Q_EMIT message(tr("Annotation not saved: %1").arg(error.toString())); });
    connect(parts.service, &AnnotationService::readFailed, this, [this](const Error &error) {
        Q_EMIT message(tr("Annotations could not be read: %1").arg(error.toString()));
    });
    connect(parts.view, &QTextEdit::selectionChanged, this, [this] {
        if (m_parts.view->textCursor().hasSelection())
            m_notesSelectedLast = false;
    });
    connect(parts.notes, &QTextEdit::selectionChanged, this, [this] {
        if (m_parts.notes->textCursor().hasSelection())
            m_notesSelectedLast = true;
    });
}

void AnnotationController::showDocument(int volume, int document)
{
    m_volume = volume;
    m_document = document;
    m_key = volume < 0 ? QString() : documentKey(m_parts.library->library(), volume, document);
    reload();
}

void AnnotationController::reload()
{
    if (m_volume < 0) { // nothing on screen: no highlights, an empty list
        m_parts.view->setHighlights({});
        m_parts.notes->setHighlights({});
        m_parts.documentAnnotations->setAnnotations({});
        return;
    }
    const Document &doc = m_parts.library->library().volume(m_volume).documents.at(std::size_t(m_document));
    std::vector<Annotation> shown = m_parts.service->forDocument(m_key);
    std::erase_if(shown, [this](const Annotation &a) { return !m_filter.accepts(a); });
    std::vector<AnchoredAnnotation> anchored = anchorAnnotations(doc, shown);
    QList<Highlight> body;
    QList<Highlight> notes;
    for (AnchoredAnnotation &a : anchored) {
        a.paintColor = m_parts.service->paintColor(a.annotation);
        if (!a.anchor.found())
            continue;
        const Highlight h{a.anchor.start, a.anchor.end, QColor(a.paintColor), a.footnote,
                          plainTooltip(annotationTooltip(a.annotation))};
        (a.footnote < 0 ? body : notes) << h;
    }
    m_parts.view->setHighlights(body);
    m_parts.notes->setHighlights(notes);
    m_parts.documentAnnotations->setAnnotations(std::move(anchored));
}

std::optional<Annotation> AnnotationController::annotationFromSelection() const
{
    if (m_volume < 0)
        return std::nullopt;
    const Document &doc = m_parts.library->library().volume(m_volume).documents.at(std::size_t(m_document));
    const auto [start, end] = m_parts.view->selectedReadingRange();
    const FootnotePane::NoteRange range = m_parts.notes->selectedRange();
    const bool inBody = start >= 0 && end > start;
    const bool inNote = range.footnote >= 0;
    // The selection made last; the other one when that one is gone.
    if (inNote && (m_notesSelectedLast || !inBody))
        return AnnotationService::draft(doc, m_key, {range.footnote, range.start, range.end});
    if (inBody)
        return AnnotationService::draft(doc, m_key, {-1, start, end});
    return std::nullopt;
}

std::optional<Annotation> AnnotationController::annotationAtSelection() const
{
    const std::optional<Annotation> selected = annotationFromSelection();
    if (!selected)
        return std::nullopt;
    for (const AnchoredAnnotation &a : m_parts.documentAnnotations->annotations()) {
        if (!m_filter.isMine(a.annotation))
            continue; // the server lets nobody change another member's annotation
        const bool sameFlow = a.annotation.selector.footnote == selected->selector.footnote;
        if (sameFlow && a.anchor.found() && a.anchor.start < selected->selector.end && selected->selector.start < a.anchor.end)
            return a.annotation;
    }
    return std::nullopt;
}

void AnnotationController::addOrEdit(const std::function<void(Annotation &)> &change, const QString &what)
{
    if (!m_parts.service->canWrite()) {
        Q_EMIT message(m_parts.service->problem());
        return;
    }
    if (std::optional<Annotation> existing = annotationAtSelection()) {
        Annotation after = *existing;
        change(after);
        m_parts.undoStack->push(new EditAnnotationCommand(m_parts.service, *existing, after, what));
        return;
    }
    std::optional<Annotation> created = annotationFromSelection();
    if (!created) {
        Q_EMIT message(selectFirstMessage());
        return;
    }
    change(*created);
    m_parts.undoStack->push(new AddAnnotationCommand(m_parts.service, *created, what));
    clearSelections(); // so the new highlight shows in its own colour
}

void AnnotationController::clearSelections()
{
    for (QTextEdit *edit : {static_cast<QTextEdit *>(m_parts.view), static_cast<QTextEdit *>(m_parts.notes)}) {
        QTextCursor c = edit->textCursor();
        c.clearSelection();
        edit->setTextCursor(c);
    }
}

void AnnotationController::highlightSelection(const QString &color)
{
    addOrEdit([color](Annotation &a) { a.color = color.isEmpty() ? a.color : color; }, tr("Highlight"));
}

void AnnotationController::tagSelection(const QStringList &tags)
{
    addOrEdit([tags](Annotation &a) { a.tags = tags; }, tr("Tag"));
}

void AnnotationController::noteSelection(const QString &note)
{
    addOrEdit([note](Annotation &a) { a.note = note; }, tr("Note"));
}

void AnnotationController::askTagsForSelection()
{
    const std::optional<Annotation> existing = annotationAtSelection();
    QStringList known;
    for (const Tag &t : m_parts.service->tags())
        known << t.name;
    if (const auto tags = askForTags(m_parts.window, known, existing ? existing->tags : QStringList()))
        tagSelection(*tags);
}

void AnnotationController::askNoteForSelection()
{
    const std::optional<Annotation> existing = annotationAtSelection();
    const std::optional<Annotation> selected = existing ? existing : annotationFromSelection();
    if (!selected) {
        Q_EMIT message(selectFirstMessage()); // a key that does nothing looks broken
        return;
    }
    if (const auto note = askForNote(m_parts.window, selected->selector.exact, existing ? existing->note : QString()))
        noteSelection(*note);
}

void AnnotationController::edit(const QString &id, const std::function<void(Annotation &)> &change, const QString &what)
{
    const std::optional<Annotation> before = m_parts.service->find(id);
    if (!before)
        return;
    Annotation after = *before;
    change(after);
    m_parts.undoStack->push(new EditAnnotationCommand(m_parts.service, *before, after, what));
}

void AnnotationController::editNote(const QString &id, const QString &note)
{
    edit(id, [&note](Annotation &a) { a.note = note; }, tr("Edit note"));
}

void AnnotationController::editTags(const QString &id, const QStringList &tags)
{
    edit(id, [&tags](Annotation &a) { a.tags = tags; }, tr("Edit tags"));
}

void AnnotationController::askNote(const QString &id)
{
    if (const std::optional<Annotation> a = m_parts.service->find(id)) {
        if (const auto note = askForNote(m_parts.window, a->selector.exact, a->note))
            editNote(id, *note);
    }
}

void AnnotationController::askTags(const QString &id)
{
    QStringList known;
    for (const Tag &t : m_parts.service->tags())
        known << t.name;
    if (const std::optional<Annotation> a = m_parts.service->find(id)) {
        if (const auto tags = askForTags(m_parts.window, known, a->tags))
            editTags(id, *tags);
    }
}

void AnnotationController::remove(const QString &id)
{
    if (const std::optional<Annotation> a = m_parts.service->find(id))
        m_parts.undoStack->push(new RemoveAnnotationCommand(m_parts.service, *a, tr("Delete annotation")));
}

void AnnotationController::removeAtSelection()
{
    if (const std::optional<Annotation> a = annotationAtSelection())
        remove(a->id);
    else
        Q_EMIT message(tr("Right-click one of your highlights, or select words in it, first."));
}

void AnnotationController::showHistory(const QString &id)
{
    const std::optional<Annotation> shown = m_parts.service->find(id);
    if (!shown)
        return;
    std::vector<HistoryEntry> versions = m_parts.service->history(id);
    if (versions.empty()) {
        Q_EMIT message(tr("This annotation has no earlier versions: a team sync keeps one when a newer edit "
                          "made elsewhere replaces it."));
        return;
    }
    auto *dialog = new AnnotationHistoryDialog(shown->selector.exact, std::move(versions), m_parts.window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AnnotationHistoryDialog::restoreRequested, this, [this, id](const HistoryEntry &version) {
        edit(
            id,
            [&version](Annotation &a) {
                a.note = version.note;
                a.tags = version.tags;
                if (!version.color.isEmpty())
                    a.color = version.color;
            },
            tr("Restore earlier version"));
    });
    dialog->open();
    Q_EMIT historyShown(dialog);
}

void AnnotationController::selectAnnotation(const QString &id)
{
    const AnnotationsModel *model = m_parts.documentAnnotations;
    const int row = model->rowOf(id);
    if (row < 0)
        return;
    const AnchoredAnnotation &a = model->at(row);
    if (!a.anchor.found()) {
        Q_EMIT message(tr("This annotation is orphaned: its passage is no longer in the text."));
        return;
    }
    if (a.footnote < 0)
        m_parts.view->selectReadingRange(a.anchor.start, a.anchor.end);
    else
        m_parts.notes->selectRange(a.footnote, a.anchor.start, a.anchor.end);
}

void AnnotationController::showTag(const QString &name)
{
    m_shownTag = name;
    std::vector<AnchoredAnnotation> rows;
    for (Annotation &a : m_parts.service->withTag(name)) {
        if (!m_filter.accepts(a))
            continue;
        AnchoredAnnotation row{std::move(a), {}, -1, {}};
        row.anchor.method = AnchorResult::Position; // listed by their stored quote; anchored when opened
        row.paintColor = m_parts.service->paintColor(row.annotation);
        rows.push_back(std::move(row));
    }
    m_parts.tagPassages->setAnnotations(std::move(rows));
}

void AnnotationController::setAuthorFilter(const AuthorFilter &filter)
{
    m_filter = filter;
    reload();
    if (!m_shownTag.isEmpty())
        showTag(m_shownTag);
}

void AnnotationController::openPassage(const QString &documentKey, const QString &id)
{
    const auto found = findDocumentByKey(m_parts.library->library(), documentKey);
    if (!found) {
        Q_EMIT message(tr("%1 is not open: open the volume or text copy that holds it.").arg(documentKey));
        return;
    }
    m_parts.navigator->openDocument(found->first, found->second);
    selectAnnotation(id);
}

} // namespace marginalia

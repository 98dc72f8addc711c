#include "annotationcommands.h"

#include "annotationservice.h"

namespace marginalia {

AddAnnotationCommand::AddAnnotationCommand(AnnotationService *service, Annotation annotation, const QString &text)
    : QUndoCommand(text), m_service(service), m_annotation(std::move(annotation))
{
}

// Each write keeps the annotation as written, so that writing it again (redo after undo) is stamped
// later than this version.
void AddAnnotationCommand::redo()
{
    if (Result<Annotation> added = m_service->add(m_annotation))
        m_annotation = *added;
    else
        setObsolete(true);
}

void AddAnnotationCommand::undo()
{
    if (!m_service->remove(m_annotation.id))
        setObsolete(true);
}

EditAnnotationCommand::EditAnnotationCommand(AnnotationService *service, Annotation before, Annotation after,
                                             const QString &text)
    : QUndoCommand(text), m_service(service), m_before(std::move(before)), m_after(std::move(after))
{
}

// Undo writes the old content as a new version (a new modification time), never the old version itself:
// under "newer wins" the edit it undoes would otherwise win again at the next import or sync.
void EditAnnotationCommand::redo()
{
    if (Result<Annotation> updated = m_service->update(m_after))
        m_after = *updated;
    else
        setObsolete(true);
}

void EditAnnotationCommand::undo()
{
    if (Result<Annotation> updated = m_service->update(m_before))
        m_before = *updated;
    else
        setObsolete(true);
}

RemoveAnnotationCommand::RemoveAnnotationCommand(AnnotationService *service, Annotation annotation, const QString &text)
    : QUndoCommand(text), m_service(service), m_annotation(std::move(annotation))
{
}

void RemoveAnnotationCommand::redo()
{
    if (!m_service->remove(m_annotation.id))
        setObsolete(true);
}

void RemoveAnnotationCommand::undo()
{
    if (Result<Annotation> added = m_service->add(m_annotation))
        m_annotation = *added;
    else
        setObsolete(true);
}

ImportAnnotationsCommand::ImportAnnotationsCommand(AnnotationService *service,
                                                   std::vector<AnnotationService::MergedChange> changes,
                                                   const QString &text)
    : QUndoCommand(text), m_service(service), m_changes(std::move(changes))
{
}

void ImportAnnotationsCommand::redo()
{
    if (m_done)
        return; // pushed after the merge
    for (AnnotationService::MergedChange &change : m_changes) {
        Result<Annotation> written = change.before ? m_service->update(change.after) : m_service->add(change.after);
        if (!written) {
            setObsolete(true);
            return;
        }
        change.after = *written;
    }
    m_done = true;
}

void ImportAnnotationsCommand::undo()
{
    for (AnnotationService::MergedChange &change : m_changes) {
        if (!change.before) {
            if (!m_service->remove(change.after.id)) {
                setObsolete(true);
                return;
            }
            continue;
        }
        Result<Annotation> written = m_service->update(*change.before);
        if (!written) {
            setObsolete(true);
            return;
        }
        change.before = *written;
    }
    m_done = false;
}

} // namespace marginalia

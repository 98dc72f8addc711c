#include "annotationcommands.h"

#include "annotationservice.h"

namespace marginalia {

AddAnnotationCommand::AddAnnotationCommand(AnnotationService *service, Annotation annotation, const QString &text)
    : QUndoCommand(text), m_service(service), m_annotation(std::move(annotation))
{
}

void AddAnnotationCommand::redo()
{
    if (!m_service->add(m_annotation))
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

void EditAnnotationCommand::redo()
{
    if (!m_service->update(m_after))
        setObsolete(true);
}

void EditAnnotationCommand::undo()
{
    if (!m_service->update(m_before))
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
    if (!m_service->add(m_annotation))
        setObsolete(true);
}

} // namespace marginalia

#pragma once

#include "annotationservice.h"
#include "model/annotation.h"

#include <QUndoCommand>

namespace marginalia {

class AnnotationService;

// Every change a user makes to annotations is one of these on the window's QUndoStack. A command whose
// write fails makes itself obsolete, so the stack never holds a change that did not happen.

class AddAnnotationCommand : public QUndoCommand {
public:
    AddAnnotationCommand(AnnotationService *service, Annotation annotation, const QString &text);
    void redo() override;
    void undo() override;

private:
    AnnotationService *m_service;
    Annotation m_annotation;
};

class EditAnnotationCommand : public QUndoCommand {
public:
    EditAnnotationCommand(AnnotationService *service, Annotation before, Annotation after, const QString &text);
    void redo() override;
    void undo() override;

private:
    AnnotationService *m_service;
    Annotation m_before;
    Annotation m_after;
};

class RemoveAnnotationCommand : public QUndoCommand {
public:
    RemoveAnnotationCommand(AnnotationService *service, Annotation annotation, const QString &text);
    void redo() override;
    void undo() override;

private:
    AnnotationService *m_service;
    Annotation m_annotation;
};

// An import, done already by AnnotationService::merge() when it is pushed (its first redo does nothing):
// undo deletes what it added and writes back what it replaced, as new versions; redo writes the
// imported ones again.
class ImportAnnotationsCommand : public QUndoCommand {
public:
    ImportAnnotationsCommand(AnnotationService *service, std::vector<AnnotationService::MergedChange> changes,
                             const QString &text);
    void redo() override;
    void undo() override;

private:
    AnnotationService *m_service;
    std::vector<AnnotationService::MergedChange> m_changes;
    bool m_done = true;
};

} // namespace marginalia

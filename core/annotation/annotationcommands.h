#pragma once

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

} // namespace marginalia

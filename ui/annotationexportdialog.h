#pragma once

#include <QDialog>

class QButtonGroup;
class QComboBox;
class QLineEdit;

namespace marginalia {

// File › Export Annotations…: which annotations (this document's, every one, or a tag's), in which of
// the export formats (annotationExportFormats(), listed by label) and where to.
class AnnotationExportDialog : public QDialog {
    Q_OBJECT

public:
    enum Scope { CurrentDocument, Everything, Tag };

    // `documentTitle` names the document on screen (empty: none, so that choice is off); `suggestedPath`
    // is the file without its suffix, which follows the format chosen.
    AnnotationExportDialog(const QString &documentTitle, const QStringList &tags, const QString &suggestedPath,
                           QWidget *parent = nullptr);

    Scope scope() const;
    QString tag() const;
    QString formatName() const;
    QString outputPath() const;

private:
    void followFormat();
    QString suffix() const;

    QButtonGroup *m_scope;
    QComboBox *m_tags;
    QComboBox *m_formats;
    QLineEdit *m_path;
};

} // namespace marginalia

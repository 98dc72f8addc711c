#pragma once

#include <QDialog>

class QButtonGroup;
class QComboBox;
class QLineEdit;
class QRadioButton;

namespace marginalia {

// File › Export PDF…: what to export (this document, the documents chosen in the library, the whole
// volume, or every passage with a tag) and where to.
class PdfExportDialog : public QDialog {
    Q_OBJECT

public:
    enum Scope { CurrentDocument, SelectedDocuments, WholeVolume, Tag };

    PdfExportDialog(const QStringList &tags, int selectedDocuments, const QString &suggestedPath, QWidget *parent = nullptr);

    Scope scope() const;
    QString tag() const;
    QString outputPath() const;

private:
    QButtonGroup *m_scope;
    QComboBox *m_tags;
    QLineEdit *m_path;
};

} // namespace marginalia

#include "annotationexportdialog.h"

#include "exportdialogparts.h"

#include "export/annotationexport.h"
#include "util/plaintext.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace marginalia {

AnnotationExportDialog::AnnotationExportDialog(const QString &documentTitle, const QStringList &tags,
                                               const QString &suggestedPath, QWidget *parent)
    : QDialog(parent), m_scope(new QButtonGroup(this)), m_tags(new QComboBox(this)), m_formats(new QComboBox(this)),
      m_path(new QLineEdit(suggestedPath, this))
{
    setWindowTitle(tr("Export Annotations"));
    auto *current = new QRadioButton(tr("This document's annotations"), this);
    current->setToolTip(plainTooltip(documentTitle)); // a title from the file
    auto *everything = new QRadioButton(tr("Every annotation"), this);
    auto *tag = new QRadioButton(tr("Every annotation tagged:"), this);
    current->setEnabled(!documentTitle.isEmpty());
    tag->setEnabled(!tags.isEmpty());
    m_tags->addItems(tags);
    m_scope->addButton(current, CurrentDocument);
    m_scope->addButton(everything, Everything);
    m_scope->addButton(tag, Tag);
    (documentTitle.isEmpty() ? everything : current)->setChecked(true);
    for (const AnnotationExportFormat &format : annotationExportFormats())
        m_formats->addItem(format.label, format.name);
    m_formats->setObjectName(QStringLiteral("exportFormat"));
    m_path->setObjectName(QStringLiteral("exportPath"));
    auto *form = new QFormLayout;
    form->addRow(tr("Format:"), m_formats);
    form->addRow(tr("Save as:"), savePathRow(this, m_path, tr("Export Annotations"), [this] {
                     return tr("%1 (*.%2)").arg(m_formats->currentText(), suffix());
                 }));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(current);
    layout->addWidget(everything);
    layout->addLayout(tagChoiceRow(tag, m_tags));
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addWidget(exportButtons(this));
    followFormat();
    connect(m_formats, &QComboBox::currentIndexChanged, this, &AnnotationExportDialog::followFormat);
}

QString AnnotationExportDialog::suffix() const
{
    const std::optional<AnnotationExportFormat> format = annotationExportFormat(formatName());
    return format ? format->suffix : QString();
}

// The path's suffix becomes the format's, when it was one of the formats' (a name typed stays).
void AnnotationExportDialog::followFormat()
{
    QString path = m_path->text().trimmed();
    const QString old = QFileInfo(path).suffix();
    for (const AnnotationExportFormat &format : annotationExportFormats()) {
        if (!old.isEmpty() && old.compare(format.suffix, Qt::CaseInsensitive) == 0) {
            path.chop(old.size() + 1);
            break;
        }
    }
    if (!path.isEmpty())
        m_path->setText(path + u'.' + suffix());
}

AnnotationExportDialog::Scope AnnotationExportDialog::scope() const
{
    return Scope(m_scope->checkedId());
}

QString AnnotationExportDialog::tag() const
{
    return m_tags->currentText();
}

QString AnnotationExportDialog::formatName() const
{
    return m_formats->currentData().toString();
}

QString AnnotationExportDialog::outputPath() const
{
    return m_path->text().trimmed();
}

} // namespace marginalia

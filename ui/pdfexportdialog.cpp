#include "pdfexportdialog.h"

#include "exportdialogparts.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace marginalia {

PdfExportDialog::PdfExportDialog(const QStringList &tags, int selectedDocuments, const QString &suggestedPath,
                                 QWidget *parent)
    : QDialog(parent), m_scope(new QButtonGroup(this)), m_tags(new QComboBox(this)), m_path(new QLineEdit(suggestedPath, this))
{
    setWindowTitle(tr("Export PDF"));
    auto *current = new QRadioButton(tr("This document"), this);
    auto *selected = new QRadioButton(selectedDocuments == 1
                                          ? tr("The %n document selected in the library", nullptr, 1)
                                          : tr("The %n documents selected in the library", nullptr, selectedDocuments),
                                      this);
    auto *volume = new QRadioButton(tr("The whole volume"), this);
    auto *tag = new QRadioButton(tr("Every passage tagged:"), this);
    selected->setEnabled(selectedDocuments > 1);
    tag->setEnabled(!tags.isEmpty());
    m_tags->addItems(tags);
    m_scope->addButton(current, CurrentDocument);
    m_scope->addButton(selected, SelectedDocuments);
    m_scope->addButton(volume, WholeVolume);
    m_scope->addButton(tag, Tag);
    current->setChecked(true);
    QHBoxLayout *pathRow = savePathRow(this, m_path, tr("Export PDF"), [this] { return tr("PDF files (*.pdf)"); });
    pathRow->insertWidget(0, new QLabel(tr("Save as:"), this));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(current);
    layout->addWidget(selected);
    layout->addWidget(volume);
    layout->addLayout(tagChoiceRow(tag, m_tags));
    layout->addSpacing(8);
    layout->addLayout(pathRow);
    layout->addWidget(exportButtons(this));
}

PdfExportDialog::Scope PdfExportDialog::scope() const
{
    return Scope(m_scope->checkedId());
}

QString PdfExportDialog::tag() const
{
    return m_tags->currentText();
}

QString PdfExportDialog::outputPath() const
{
    QString path = m_path->text().trimmed();
    if (!path.isEmpty() && !path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        path += QStringLiteral(".pdf");
    return path;
}

} // namespace marginalia

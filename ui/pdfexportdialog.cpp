#include "pdfexportdialog.h"

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
    auto *browse = new QPushButton(tr("Browse…"), this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));

    auto *tagRow = new QHBoxLayout;
    tagRow->addWidget(tag);
    tagRow->addWidget(m_tags, 1);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(new QLabel(tr("Save as:"), this));
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(current);
    layout->addWidget(selected);
    layout->addWidget(volume);
    layout->addLayout(tagRow);
    layout->addSpacing(8);
    layout->addLayout(pathRow);
    layout->addWidget(buttons);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export PDF"), m_path->text(), tr("PDF files (*.pdf)"));
        if (!file.isEmpty())
            m_path->setText(file);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
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

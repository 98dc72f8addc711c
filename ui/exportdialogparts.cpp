#include "exportdialogparts.h"

#include "util/translate.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>

namespace marginalia {

QHBoxLayout *tagChoiceRow(QRadioButton *choice, QComboBox *tags)
{
    auto *row = new QHBoxLayout;
    row->addWidget(choice);
    row->addWidget(tags, 1);
    return row;
}

QHBoxLayout *savePathRow(QDialog *dialog, QLineEdit *path, const QString &title, std::function<QString()> filter)
{
    auto *browse = new QPushButton(Tr::tr("Browse…"), dialog);
    auto *row = new QHBoxLayout;
    row->addWidget(path, 1);
    row->addWidget(browse);
    QObject::connect(browse, &QPushButton::clicked, dialog, [dialog, path, title, filter = std::move(filter)] {
        const QString file = QFileDialog::getSaveFileName(dialog, title, path->text(), filter());
        if (!file.isEmpty())
            path->setText(file);
    });
    return row;
}

QDialogButtonBox *exportButtons(QDialog *dialog)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(Tr::tr("Export"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return buttons;
}

} // namespace marginalia

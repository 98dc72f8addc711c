#include "annotationdialogs.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStringListModel>
#include <QVBoxLayout>

namespace marginalia {

namespace {

// Completes the tag being typed after the last comma, keeping the ones before it.
class TagCompleter : public QCompleter {
public:
    TagCompleter(const QStringList &tags, QLineEdit *edit) : QCompleter(tags, edit)
    {
        setCaseSensitivity(Qt::CaseInsensitive);
        setFilterMode(Qt::MatchContains);
    }
    QStringList splitPath(const QString &path) const override
    {
        return {path.section(u',', -1).trimmed()};
    }
    QString pathFromIndex(const QModelIndex &index) const override
    {
        // What was typed, not the field's text: the field shows the highlighted completion already,
        // and completing that again wrote the tag twice ("COCOM, COCOM, ").
        const QString typed = completionPrefix();
        const qsizetype comma = typed.lastIndexOf(u',');
        const QString before = comma < 0 ? QString() : typed.left(comma + 1) + u' ';
        return before + index.data().toString() + QStringLiteral(", ");
    }
};

} // namespace

QStringList parseTagList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(u',')) {
        const QString name = part.simplified();
        if (!name.isEmpty() && !out.contains(name, Qt::CaseInsensitive))
            out << name;
    }
    return out;
}

std::optional<QStringList> askForTags(QWidget *parent, const QStringList &knownTags, const QStringList &current)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(QDialog::tr("Tags"));
    auto *edit = new QLineEdit(&dialog);
    edit->setText(current.isEmpty() ? QString() : current.join(QStringLiteral(", ")) + QStringLiteral(", "));
    edit->setPlaceholderText(QDialog::tr("Trade, COCOM, Berlin"));
    edit->setCompleter(new TagCompleter(knownTags, edit));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(new QLabel(QDialog::tr("Tags, separated by commas (new names make new tags):"), &dialog));
    layout->addWidget(edit);
    layout->addWidget(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    dialog.resize(420, dialog.sizeHint().height());
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return parseTagList(edit->text());
}

std::optional<QString> askForNote(QWidget *parent, const QString &quote, const QString &current)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(QDialog::tr("Note"));
    auto *quoteLabel = new QLabel(QDialog::tr("“%1”").arg(quote.simplified()), &dialog);
    quoteLabel->setTextFormat(Qt::PlainText); // the quote is document text, never markup
    quoteLabel->setWordWrap(true);
    auto *edit = new QPlainTextEdit(current, &dialog);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(quoteLabel);
    layout->addWidget(edit, 1);
    layout->addWidget(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    dialog.resize(480, 320);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return edit->toPlainText();
}

} // namespace marginalia

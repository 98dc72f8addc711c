#include "annotationhistorydialog.h"

#include "plaintext.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace marginalia {

namespace {

QString versionText(const HistoryEntry &v)
{
    const QLocale locale;
    QStringList lines;
    lines << AnnotationHistoryDialog::tr("By %1, %2; replaced %3: %4")
                 .arg(v.author.isEmpty() ? AnnotationHistoryDialog::tr("you") : v.author,
                      locale.toString(v.modified.toLocalTime(), QLocale::ShortFormat),
                      locale.toString(v.replaced.toLocalTime(), QLocale::ShortFormat), v.reason);
    lines << (v.note.isEmpty() ? AnnotationHistoryDialog::tr("(no note)") : v.note);
    if (!v.tags.isEmpty())
        lines << AnnotationHistoryDialog::tr("Tags: %1").arg(v.tags.join(QStringLiteral(", ")));
    return lines.join(u'\n');
}

} // namespace

AnnotationHistoryDialog::AnnotationHistoryDialog(const QString &quote, std::vector<HistoryEntry> versions,
                                                 QWidget *parent)
    : QDialog(parent), m_versions(std::move(versions)), m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("annotationHistoryDialog"));
    setWindowTitle(tr("Earlier Versions"));
    auto *heading = plainLabel(this, tr("Earlier versions of the annotation on \u201C%1\u201D, newest first:").arg(quote));
    heading->setWordWrap(true);
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSpacing(2);
    // Newest first: the one just replaced is the one most often wanted back.
    for (auto v = m_versions.crbegin(); v != m_versions.crend(); ++v) {
        // QListWidgetItem shows its text as plain text; the tooltip goes through plainTooltip.
        auto *item = new QListWidgetItem(versionText(*v), m_list);
        item->setToolTip(plainTooltip(v->note));
    }
    m_list->setCurrentRow(0);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_restore = buttons->addButton(tr("Restore This Version"), QDialogButtonBox::ActionRole);
    m_restore->setObjectName(QStringLiteral("restoreVersionButton"));
    m_restore->setEnabled(!m_versions.empty());
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_restore, &QPushButton::clicked, this, [this] {
        const int row = m_list->currentRow();
        if (row < 0 || row >= int(m_versions.size()))
            return;
        Q_EMIT restoreRequested(m_versions[m_versions.size() - 1 - std::size_t(row)]);
        accept();
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(520, 360);
}

} // namespace marginalia

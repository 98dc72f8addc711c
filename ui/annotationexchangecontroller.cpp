#include "annotationexchangecontroller.h"

#include "annotationexportdialog.h"
#include "plaintext.h"

#include "annotation/annotationcommands.h"
#include "annotation/annotationservice.h"
#include "annotation/documentkey.h"
#include "annotation/documentlookup.h"
#include "fileio/outputfile.h"
#include "library/openlibrary.h"
#include "navigation/navigator.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QUndoStack>
#include <QWidget>

namespace marginalia {

AnnotationExchangeController::AnnotationExchangeController(const Parts &parts, QObject *parent)
    : QObject(parent), m_parts(parts)
{
}

Result<int> AnnotationExchangeController::exportTo(const AnnotationChoice &choice, const QString &formatName,
                                                   const QString &path)
{
    const std::optional<AnnotationExportFormat> format = annotationExportFormat(formatName);
    AnnotationStore *store = m_parts.annotations->store();
    if (!format || !store)
        return fail(path, 0, 0, format ? m_parts.annotations->problem() : tr("unknown format %1").arg(formatName));
    Result<std::vector<Annotation>> chosen = chooseAnnotations(choice, *store);
    if (!chosen)
        return fail(chosen.error());
    // A document of a volume opened from the library index may be a stub until read: read those
    // annotated, so that their pages are cited and their positions counted as the CLI does with the file.
    for (const Annotation &annotation : *chosen) {
        if (const auto at = findDocumentByKey(m_parts.library->library(), annotation.document))
            m_parts.navigator->ensureLoaded(at->first, at->second);
    }
    const Library &library = m_parts.library->library();
    const QByteArray bytes = format->write(*chosen, library, annotationsExportTitle(choice.tag),
                                           documentCitations(library, m_citationStyle ? m_citationStyle() : std::nullopt));
    if (Result<bool> written = writeOutputFile(path, bytes); !written)
        return fail(written.error());
    Q_EMIT exported(path, int(chosen->size()));
    return int(chosen->size());
}

void AnnotationExchangeController::exportInteractively()
{
    const ReaderPosition current = m_parts.navigator->current();
    const Library &library = m_parts.library->library();
    QString key;
    QString title;
    QString base = QStringLiteral("marginalia");
    if (current.valid()) {
        const Volume &volume = library.volume(current.volume);
        const Document &doc = volume.documents.at(std::size_t(current.document));
        key = documentKey(library, current.volume, current.document);
        title = doc.title;
        base = QString(key).replace(u'/', u'-');
    }
    QStringList tags;
    for (const Tag &t : m_parts.annotations->tags())
        tags << t.name;
    AnnotationExportDialog dialog(title, tags, QDir::home().filePath(base + QStringLiteral("-annotations")), m_parts.window);
    if (dialog.exec() != QDialog::Accepted || dialog.outputPath().isEmpty())
        return;
    AnnotationChoice choice;
    if (dialog.scope() == AnnotationExportDialog::CurrentDocument)
        choice.document = key;
    else if (dialog.scope() == AnnotationExportDialog::Tag)
        choice.tag = dialog.tag();
    if (Result<int> done = exportTo(choice, dialog.formatName(), dialog.outputPath()); !done)
        showReport(tr("Annotations not exported"), done.error().toString());
}

QString AnnotationExchangeController::importReport(const QString &path, const ImportSummary &summary)
{
    const int unchanged = summary.read - summary.added - summary.updated;
    QString text = tr("Imported %1: %2 added, %3 updated, %4 unchanged")
                       .arg(QFileInfo(path).fileName())
                       .arg(summary.added)
                       .arg(summary.updated)
                       .arg(unchanged);
    if (!summary.skipped.empty())
        text += tr(", %n skipped", nullptr, int(summary.skipped.size()));
    return text + u'.';
}

Result<ImportSummary> AnnotationExchangeController::importFrom(const QString &path)
{
    Result<ReadAnnotations> read = readAnnotationsFile(path);
    if (!read) {
        showReport(tr("Annotations not imported"), read.error().toString());
        return fail(read.error());
    }
    Result<std::vector<AnnotationService::MergedChange>> merged = m_parts.annotations->merge(read->annotations);
    if (!merged) {
        showReport(tr("Annotations not imported"), merged.error().toString());
        return fail(merged.error());
    }
    ImportSummary summary;
    summary.read = int(read->annotations.size());
    for (const AnnotationService::MergedChange &change : *merged)
        ++(change.before ? summary.updated : summary.added);
    summary.skipped = std::move(read->skipped);
    if (!merged->empty()) {
        m_parts.undoStack->push(new ImportAnnotationsCommand(
            m_parts.annotations, std::move(merged).value(),
            tr("Import %n Annotation(s)", nullptr, summary.added + summary.updated)));
    }
    QStringList skipped;
    for (const Error &error : summary.skipped)
        skipped << tr("skipped: %1").arg(error.toString());
    const QString report = importReport(path, summary);
    showReport(tr("Annotations imported"), report, skipped.join(u'\n'), QMessageBox::Information);
    Q_EMIT imported(report);
    return summary;
}

void AnnotationExchangeController::importInteractively()
{
    const QString path = m_chooser ? m_chooser()
                                   : QFileDialog::getOpenFileName(
                                         m_parts.window, tr("Import Annotations"), QDir::homePath(),
                                         tr("W3C Web Annotation or Hypothesis JSON (*.jsonld *.json);;All files (*)"));
    if (!path.isEmpty())
        (void)importFrom(path); // it reports, whatever happened
}

// Not modal: the window stays usable behind it, and a test reads it and closes it.
void AnnotationExchangeController::showReport(const QString &title, const QString &text, const QString &details,
                                              QMessageBox::Icon icon)
{
    QMessageBox *box = openPlainMessage(m_parts.window, icon, title, text);
    box->setObjectName(QStringLiteral("annotationExchangeReport"));
    if (!details.isEmpty())
        box->setDetailedText(details);
}

} // namespace marginalia

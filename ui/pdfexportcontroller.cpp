#include "pdfexportcontroller.h"

#include "librarypane.h"
#include "pdfexportdialog.h"
#include "pdfexportjob.h"
#include "plaintext.h"

#include "annotation/annotationservice.h"
#include "annotation/documentlookup.h"
#include "library/openlibrary.h"
#include "navigation/navigator.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QProgressDialog>

namespace marginalia {

PdfExportController::PdfExportController(const OpenLibrary *library, const Navigator *navigator,
                                         const AnnotationService *annotations, const LibraryPane *libraryPane,
                                         QWidget *window, QObject *parent)
    : QObject(parent), m_library(library), m_navigator(navigator), m_annotations(annotations),
      m_libraryPane(libraryPane), m_window(window), m_openUrl([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
}

void PdfExportController::exportInteractively()
{
    const ReaderPosition current = m_navigator->current();
    if (!current.valid() || m_job)
        return;
    const Volume &volume = m_library->library().volume(current.volume);
    const Document &doc = volume.documents.at(std::size_t(current.document));
    QStringList tags;
    for (const Tag &t : m_annotations->tags())
        tags << t.name;
    const auto selected = m_libraryPane->selectedDocuments();
    const QString suggested = QDir::home().filePath(
        (volume.id.isEmpty() ? QStringLiteral("marginalia") : volume.id) + u'-' + doc.id + QStringLiteral(".pdf"));
    PdfExportDialog dialog(tags, int(selected.size()), suggested, m_window);
    if (dialog.exec() != QDialog::Accepted || dialog.outputPath().isEmpty())
        return;
    std::vector<std::pair<int, int>> documents;
    switch (dialog.scope()) {
    case PdfExportDialog::CurrentDocument:
        documents.emplace_back(current.volume, current.document);
        break;
    case PdfExportDialog::SelectedDocuments:
        documents.assign(selected.begin(), selected.end());
        break;
    case PdfExportDialog::WholeVolume:
        for (int d = 0; d < int(volume.documents.size()); ++d)
            documents.emplace_back(current.volume, d);
        break;
    case PdfExportDialog::Tag:
        break;
    }
    startExport(documents, dialog.scope() == PdfExportDialog::Tag ? dialog.tag() : QString(), dialog.outputPath());
}

void PdfExportController::startExport(const std::vector<std::pair<int, int>> &documents, const QString &tag,
                                      const QString &output)
{
    if (m_job)
        return;
    // Documents of a volume opened from the library index may be stubs until read: read them first
    // (those a tag names too, which the job finds by their keys).
    std::vector<std::pair<int, int>> toRead = documents;
    if (!tag.isEmpty()) {
        for (const Annotation &annotation : m_annotations->withTag(tag)) {
            if (const auto at = findDocumentByKey(m_library->library(), annotation.document))
                toRead.push_back(*at);
        }
    }
    for (const auto &[volume, document] : toRead) {
        if (!m_navigator->ensureLoaded(volume, document))
            return;
    }
    m_job = new PdfExportJob(m_library->library(), m_annotations->path(), PdfExportRequest{documents, tag, output, m_citationStyle ? m_citationStyle() : std::nullopt},
                             this);
    const QString label = tr("Exporting %1…").arg(QDir::toNativeSeparators(output));
    auto *progress = new QProgressDialog(label, tr("Cancel"), 0, 100, m_window);
    usePlainLabel(progress, label); // it names the file
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    progress->setAutoClose(false);
    connect(progress, &QProgressDialog::canceled, m_job, &PdfExportJob::cancel);
    connect(m_job, &PdfExportJob::progress, progress, &QProgressDialog::setValue);
    connect(m_job, &PdfExportJob::finished, this, [this, progress, output](const PdfExportReport &report) {
        progress->deleteLater();
        m_job->deleteLater();
        Q_EMIT exported(output, report.pages);
        reportExported(output, report.pages);
    });
    connect(m_job, &PdfExportJob::failed, this, [this, progress](const Error &error) {
        progress->deleteLater();
        m_job->deleteLater();
        Q_EMIT exportFailed(error.toString());
        if (error.message != pdfExportCancelledMessage() && m_window->isVisible())
            showPlainMessage(m_window, QMessageBox::Warning, tr("Export failed"), error.toString());
    });
    m_job->start();
}

// Said in a box that does not wait (the window stays usable), with the file's place spelled out.
void PdfExportController::reportExported(const QString &output, int pages)
{
    if (!m_window->isVisible())
        return;
    auto *box = new QMessageBox(QMessageBox::Information, tr("Export finished"),
                                tr("Exported %n page(s) to %1", nullptr, pages).arg(QDir::toNativeSeparators(output)),
                                QMessageBox::Close, m_window);
    box->setObjectName(QStringLiteral("pdfExportedBox"));
    box->setTextFormat(Qt::PlainText); // it names the file
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *openFile = box->addButton(tr("&Open PDF"), QMessageBox::AcceptRole);
    QPushButton *openFolder = box->addButton(tr("Show &Folder"), QMessageBox::ActionRole);
    box->setDefaultButton(openFile);
    connect(box, &QMessageBox::buttonClicked, this, [this, output, openFile, openFolder](QAbstractButton *button) {
        if (button == openFile)
            m_openUrl(QUrl::fromLocalFile(output));
        else if (button == openFolder)
            m_openUrl(QUrl::fromLocalFile(QFileInfo(output).absolutePath()));
    });
    box->open();
}

} // namespace marginalia

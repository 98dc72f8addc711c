#include "pdfexportjob.h"

#include "jobs/backgroundjob.h"
#include "store/annotationdatabase.h"
#include "store/annotationstore.h"

namespace marginalia {

namespace {

// Runs on the worker thread and reads only what it was given by value.
Result<PdfExportReport> exportOnWorker(const Library &library, const QString &dbPath, const PdfExportRequest &request,
                                       JobControl &control)
{
    // The worker's own connection: a QSqlDatabase belongs to the thread that opened it. A database
    // that cannot be opened fails the export: a PDF silently without its annotations would not do.
    AnnotationDatabase annotations;
    if (!dbPath.isEmpty()) {
        Result<AnnotationDatabase> opened = AnnotationDatabase::open(dbPath, DatabaseAccess::Read);
        if (!opened) {
            const Error &e = opened.error();
            return fail(e.file, e.line, e.column, PdfExportJob::tr("the annotations could not be read: %1").arg(e.message));
        }
        annotations = std::move(opened).value();
    }
    int lastPercent = -1;
    const auto progress = [&](double fraction) {
        const int percent = int(fraction * 100);
        if (percent != lastPercent) {
            lastPercent = percent;
            control.reportProgress(percent / 100.0);
        }
        return !control.isCancelled();
    };
    return exportPdf(library, annotations.store.get(), request, progress);
}

} // namespace

PdfExportJob::PdfExportJob(Library library, QString databasePath, PdfExportRequest request, QObject *parent)
    : QObject(parent), m_library(std::move(library)), m_databasePath(std::move(databasePath)),
      m_request(std::move(request)), m_job(new BackgroundJob(this))
{
    qRegisterMetaType<PdfExportReport>();
    connect(m_job, &BackgroundJob::progress, this, [this](double fraction) { Q_EMIT progress(qRound(fraction * 100)); });
    connect(m_job, &BackgroundJob::cancelled, this, [this] {
        Q_EMIT failed(Error{m_request.output, 0, 0, pdfExportCancelledMessage()});
    });
}

PdfExportJob::~PdfExportJob() = default;

void PdfExportJob::cancel()
{
    m_job->cancel();
}

void PdfExportJob::start()
{
    m_job->start(
        [library = m_library, dbPath = m_databasePath, request = m_request](JobControl &control) {
            return exportOnWorker(library, dbPath, request, control);
        },
        [this](Result<PdfExportReport> result) {
            if (result)
                Q_EMIT finished(*result);
            else
                Q_EMIT failed(result.error());
        });
}

} // namespace marginalia

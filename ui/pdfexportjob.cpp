#include "pdfexportjob.h"

#include "store/annotationdatabase.h"
#include "store/annotationstore.h"

#include <QMetaObject>
#include <QPointer>
#include <QThreadPool>

#include <optional>

namespace marginalia {

struct PdfExportJob::Shared {
    std::atomic_bool cancelled{false};
    QPointer<PdfExportJob> job;
};

PdfExportJob::PdfExportJob(Library library, QString databasePath, PdfExportRequest request, QObject *parent)
    : QObject(parent), m_library(std::move(library)), m_databasePath(std::move(databasePath)),
      m_request(std::move(request)), m_shared(std::make_shared<Shared>())
{
    qRegisterMetaType<PdfExportReport>();
    m_shared->job = this;
}

PdfExportJob::~PdfExportJob()
{
    m_shared->cancelled = true;
}

void PdfExportJob::cancel()
{
    m_shared->cancelled = true;
}

void PdfExportJob::start()
{
    QThreadPool::globalInstance()->start([shared = m_shared, library = m_library, dbPath = m_databasePath,
                                          request = m_request, receiver = QPointer<QObject>(this)] {
        // The worker's own connection: a QSqlDatabase belongs to the thread that opened it. A database
        // that cannot be opened fails the export: a PDF silently without its annotations would not do.
        AnnotationDatabase annotations;
        std::optional<Error> unreadable;
        if (!dbPath.isEmpty()) {
            if (Result<AnnotationDatabase> opened = AnnotationDatabase::open(dbPath, DatabaseAccess::Read))
                annotations = std::move(opened).value();
            else
                unreadable = opened.error();
        }
        int lastPercent = -1;
        auto progress = [&](double fraction) {
            const int percent = int(fraction * 100);
            if (percent != lastPercent && receiver) {
                lastPercent = percent;
                QMetaObject::invokeMethod(receiver, [shared, percent] {
                    if (shared->job)
                        Q_EMIT shared->job->progress(percent);
                });
            }
            return !shared->cancelled;
        };
        Result<PdfExportReport> result = unreadable
            ? Result<PdfExportReport>(fail(unreadable->file, unreadable->line, unreadable->column,
                                           PdfExportJob::tr("the annotations could not be read: %1").arg(unreadable->message)))
            : exportPdf(library, annotations.store.get(), request, progress);
        annotations = AnnotationDatabase();
        if (!receiver)
            return;
        QMetaObject::invokeMethod(receiver, [shared, result = std::move(result)] {
            if (!shared->job)
                return;
            if (result)
                Q_EMIT shared->job->finished(*result);
            else
                Q_EMIT shared->job->failed(result.error());
        });
    });
}

} // namespace marginalia

#include "pdfexportjob.h"

#include "store/annotationstore.h"
#include "store/database.h"

#include <QMetaObject>
#include <QPointer>
#include <QThreadPool>

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
        // The worker's own connection: a QSqlDatabase belongs to the thread that opened it.
        std::unique_ptr<Database> db;
        std::unique_ptr<AnnotationStore> store;
        if (!dbPath.isEmpty()) {
            if (auto opened = Database::open(dbPath)) {
                db = std::move(opened).value();
                store = std::make_unique<AnnotationStore>(*db);
            }
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
        Result<PdfExportReport> result = exportPdf(library, store.get(), request, progress);
        store.reset();
        db.reset();
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

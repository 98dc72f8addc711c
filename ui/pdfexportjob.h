#pragma once

#include "export/pdf/pdfexport.h"
#include "library/library.h"

#include <QObject>

namespace marginalia {

class BackgroundJob;

// Runs one PDF export off the GUI thread (a BackgroundJob). The work reads its own copy of the library
// (volumes are shared and immutable) and its own connection to the annotation database, so the window
// stays responsive and nothing is shared across threads. Finishes exactly once; a cancelled export fails
// with pdfExportCancelledMessage(); deleting the job cancels the export and drops its result.
class PdfExportJob : public QObject {
    Q_OBJECT

public:
    PdfExportJob(Library library, QString databasePath, PdfExportRequest request, QObject *parent = nullptr);
    ~PdfExportJob() override;

    void start();
    void cancel();

Q_SIGNALS:
    void progress(int percent);
    void finished(const marginalia::PdfExportReport &report);
    void failed(const marginalia::Error &error);

private:
    Library m_library;
    QString m_databasePath;
    PdfExportRequest m_request;
    BackgroundJob *m_job; // a child: deleting the export job detaches the work
};

} // namespace marginalia

Q_DECLARE_METATYPE(marginalia::PdfExportReport)

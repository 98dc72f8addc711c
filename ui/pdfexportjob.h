#pragma once

#include "export/pdf/pdfexport.h"
#include "library/library.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace marginalia {

// Runs one PDF export off the GUI thread. It reads its own copy of the library (volumes are shared and
// immutable) and its own connection to the annotation database, so the window stays responsive and
// nothing is shared across threads. Finishes exactly once; deleting it cancels the export.
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
    struct Shared;
    Library m_library;
    QString m_databasePath;
    PdfExportRequest m_request;
    std::shared_ptr<Shared> m_shared;
};

} // namespace marginalia

Q_DECLARE_METATYPE(marginalia::PdfExportReport)

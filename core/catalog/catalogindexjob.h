#pragma once

#include "catalogindexer.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <memory>

namespace marginalia {

class BackgroundJob;

// Runs indexCatalog() off the UI thread (a BackgroundJob): progress() as it goes, then finished() with
// the report (report.cancelled after cancel(): what was committed stays) or failed() when the index
// cannot be written. Deleting the job cancels the run; nothing is delivered after that.
class CatalogIndexJob : public QObject {
    Q_OBJECT

public:
    explicit CatalogIndexJob(QObject *parent = nullptr);
    ~CatalogIndexJob() override;

    // Starting while a run is under way cancels that run and starts again once it has stopped.
    void start(const QString &catalogPath, const IndexOptions &options = {});
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    void progress(const marginalia::IndexProgress &progress);
    void finished(const marginalia::IndexReport &report);
    void failed(const marginalia::Error &error);

private:
    struct Shared;
    BackgroundJob *m_job; // a child: deleting this job detaches the work
    std::shared_ptr<Shared> m_shared;
};

} // namespace marginalia

Q_DECLARE_METATYPE(marginalia::IndexProgress)
Q_DECLARE_METATYPE(marginalia::IndexReport)

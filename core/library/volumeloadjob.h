#pragma once

#include "model/volume.h"
#include "util/result.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace marginalia {

// Loads one file off the GUI thread. Reports progress in per mille and finishes exactly once with
// the volume or the error (a cancelled load finishes with TeiParser::cancelledMessage()). The object
// may be deleted at any time; a running load is then cancelled and its result dropped.
class VolumeLoadJob : public QObject {
    Q_OBJECT

public:
    explicit VolumeLoadJob(QString path, QObject *parent = nullptr);
    ~VolumeLoadJob() override;

    const QString &path() const { return m_path; }
    void start();
    void cancel();

Q_SIGNALS:
    void progress(int perMille);
    void loaded(std::shared_ptr<const marginalia::Volume> volume);
    void failed(const marginalia::Error &error);

private:
    QString m_path;
    std::shared_ptr<std::atomic_bool> m_cancelled;
};

} // namespace marginalia

Q_DECLARE_METATYPE(std::shared_ptr<const marginalia::Volume>)

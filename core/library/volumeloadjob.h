#pragma once

#include "copieddocument.h"
#include "model/volume.h"
#include "util/result.h"

#include <QObject>
#include <QString>

#include <memory>
#include <vector>

namespace marginalia {

class BackgroundJob;

// Loads one file off the GUI thread (a BackgroundJob). Reports progress in per mille and finishes exactly once with
// the volume or the error (a cancelled load finishes with TeiParser::cancelledMessage()). The object
// may be deleted at any time; a running load is then cancelled and its result dropped.
class VolumeLoadJob : public QObject {
    Q_OBJECT

public:
    explicit VolumeLoadJob(QString path, QObject *parent = nullptr);
    ~VolumeLoadJob() override;

    const QString &path() const { return m_path; }
    // The volumes open when the file is read: a text copy of a document of one of them is read by that
    // document (readTextCopyByOpenVolumes), and the open text copies whose document a TEI volume holds
    // are read again by it (readOpenTextCopiesBy, see copiesReread). Set before start().
    void setOpenVolumes(std::vector<std::shared_ptr<const Volume>> volumes) { m_openVolumes = std::move(volumes); }
    void start();
    void cancel();

Q_SIGNALS:
    void progress(int perMille);
    // Just before loaded(), when the file is a TEI volume that holds documents of open text copies:
    // those copies read again by it, for the library to put in their places.
    void copiesReread(const std::vector<marginalia::TextCopyRereading> &copies);
    void loaded(std::shared_ptr<const marginalia::Volume> volume);
    void failed(const marginalia::Error &error);

private:
    QString m_path;
    std::vector<std::shared_ptr<const Volume>> m_openVolumes;
    bool m_cancelRequested = false;
    BackgroundJob *m_job; // a child: deleting the load job detaches the work and drops its result
};

} // namespace marginalia

Q_DECLARE_METATYPE(std::shared_ptr<const marginalia::Volume>)

#pragma once

#include "store/catalogrecords.h"
#include "util/result.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <vector>

namespace marginalia {

class BackgroundJob;

// The persons of the library's glossaries for the window's person filter, read off the UI thread (a
// BackgroundJob with its own read connection, as CatalogSearchJob): over 1,400 volumes the glossaries
// hold some hundred thousand rows to group by id. A newer load supersedes a running one; the answer
// arrives on the owner's thread.
class CatalogPersonsJob : public QObject {
    Q_OBJECT

public:
    explicit CatalogPersonsJob(const QString &catalogPath, QObject *parent = nullptr);
    ~CatalogPersonsJob() override;

    bool isRunning() const;

public Q_SLOTS:
    void load();

Q_SIGNALS:
    void personsReady(const std::vector<marginalia::CatalogPerson> &persons);
    void failed(const marginalia::Error &error);

private:
    QString m_path;
    BackgroundJob *m_job; // a child: deleting this job detaches the work
};

} // namespace marginalia

Q_DECLARE_METATYPE(std::vector<marginalia::CatalogPerson>)

#pragma once

#include "library/volumeloadjob.h"
#include "util/result.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

class QProgressDialog;
class QSettings;
class QWidget;

namespace marginalia {

class Navigator;
class OpenLibrary;

// Opens files into the library off the GUI thread, one after another, with a progress dialog the user
// can cancel. A file that cannot be read is reported (file, line, column) and leaves everything that is
// open as it was. When all are in, it shows the document asked for.
class VolumeOpener : public QObject {
    Q_OBJECT

public:
    VolumeOpener(OpenLibrary *library, Navigator *navigator, QSettings *settings, QWidget *window,
                 QObject *parent = nullptr);
    ~VolumeOpener() override;

    // When false, problems are only signalled (for unattended runs); no dialog is shown.
    void setInteractive(bool interactive) { m_interactive = interactive; }
    bool isBusy() const { return !m_queue.isEmpty() || m_job; }
    QStringList recentFiles() const;

public Q_SLOTS:
    // Opens `files`, then shows `documentId` (or the first document of the first file), or follows
    // `target` ("frus1961-63v13#pg_242") once its volume is open.
    void open(const QStringList &files, const QString &documentId = {}, const QString &target = {});
    // open(), or when a request is being read, once it is in (files handed over by another start must
    // not be dropped because this window was busy).
    void enqueue(const QStringList &files, const QString &documentId = {});
    void cancel();
    // Takes a volume out of the library (File › Close Volume); the reader moves to another document.
    // Not while files are being opened. False when nothing was closed.
    bool close(int volume);
    bool closeShown(); // the volume of the document on screen

Q_SIGNALS:
    void failed(const marginalia::Error &error);
    // A file opened, but not all of it could be read as meant (a text copy whose markers do not line up).
    void warned(const marginalia::Error &warning);
    void finished(); // the last file of a request is in (or failed)
    void recentFilesChanged();

private:
    void startNext();
    void showProgress(const QString &file);
    void closeProgress();
    void onLoaded(int volumeIndex);
    void onFailed(const Error &error);
    void finishRequest();
    void remember(const QString &file);
    void reportWarnings(const Volume &volume);

    OpenLibrary *m_library;
    Navigator *m_navigator;
    QSettings *m_settings;
    QWidget *m_window;
    bool m_interactive = true;
    QStringList m_queue;
    QString m_documentId;
    QString m_target;
    int m_firstVolume = -1;
    QList<std::pair<QStringList, QString>> m_waiting; // enqueue()d while busy
    QPointer<VolumeLoadJob> m_job;
    QProgressDialog *m_progress = nullptr;
};

} // namespace marginalia

#pragma once

#include <QObject>
#include <QStringList>

class QWidget;

namespace marginalia {

class SessionRecorder;
class VolumeOpener;

// Reopens the last session. A file that is not where it was does not throw the session away: the
// others open, and each missing one is named with a way to find it — Locate… (a file dialog to point at
// the moved file, which then opens in its place) or Remove from Session; Not Now keeps it for the next
// start. Only when none of the files is there does the stand-in (the bundled sample) open, and the
// session is not overwritten with it.
class SessionRestorer : public QObject {
    Q_OBJECT

public:
    SessionRestorer(VolumeOpener *opener, SessionRecorder *recorder, QWidget *window, QObject *parent = nullptr);

    // When false, missing files are only signalled (unattended runs): no dialog, and they stay in the session.
    void setInteractive(bool interactive) { m_interactive = interactive; }

    // `files` and `documentId` as the session saved them (the document's own file first).
    void restore(const QStringList &files, const QString &documentId, const QStringList &standIn);

Q_SIGNALS:
    // The session's files that were not found (unattended: the only word of them).
    void missing(const QStringList &files);

private:
    void askWhenOpened();
    void askNext();

    VolumeOpener *m_opener;
    SessionRecorder *m_recorder;
    QWidget *m_window;
    bool m_interactive = true;
    QStringList m_missing;    // still to ask about
    QString m_documentFile;   // the file of the session's document, when it is missing
    QString m_documentId;
};

} // namespace marginalia

#pragma once

#include <QObject>
#include <QStringList>

class QSettings;

namespace marginalia {

class CatalogVolumes;
class Navigator;
class OpenLibrary;
struct Focus;
struct ReaderPosition;

// Remembers which files are open and which document is on screen, so the next start reopens them.
// Volumes opened from the library index are not files to parse again at the next start: a document of
// one on screen is remembered as "session/libraryDocument" (VOLUME#ID) instead.
class SessionRecorder : public QObject {
    Q_OBJECT

public:
    SessionRecorder(const OpenLibrary *library, Navigator *navigator, QSettings *settings,
                    const CatalogVolumes *indexVolumes = nullptr, QObject *parent = nullptr);

    // Files of the saved session that could not be opened at the start (moved or deleted): they stay in
    // the session, after the open ones, until forget() — a file missing today is not a file the user
    // gave up. While there are any, the bundled sample shown in their place is not recorded over them.
    void keepMissing(const QStringList &files);
    QStringList missingFiles() const { return m_missing; }
    // Takes one missing file out of the saved session, at once (the user removed it, or located it).
    void forget(const QString &file);

private:
    void record(const ReaderPosition &position);
    void recordClosed(const ReaderPosition &position);

    const OpenLibrary *m_library;
    QSettings *m_settings;
    const CatalogVolumes *m_indexVolumes;
    QStringList m_missing;
};

} // namespace marginalia

#pragma once

#include <QObject>

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

private:
    void record(const ReaderPosition &position);

    const OpenLibrary *m_library;
    QSettings *m_settings;
    const CatalogVolumes *m_indexVolumes;
};

} // namespace marginalia

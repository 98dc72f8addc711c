#pragma once

#include <QObject>

class QSettings;

namespace marginalia {

class Navigator;
class OpenLibrary;
struct Focus;
struct ReaderPosition;

// Remembers which files are open and which document is on screen, so the next start reopens them.
class SessionRecorder : public QObject {
    Q_OBJECT

public:
    SessionRecorder(const OpenLibrary *library, Navigator *navigator, QSettings *settings, QObject *parent = nullptr);

private:
    void record(const ReaderPosition &position);

    const OpenLibrary *m_library;
    QSettings *m_settings;
};

} // namespace marginalia

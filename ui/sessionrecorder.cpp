#include "sessionrecorder.h"

#include "library/openlibrary.h"
#include "navigation/navigator.h"

#include <QFileInfo>
#include <QSettings>

namespace marginalia {

SessionRecorder::SessionRecorder(const OpenLibrary *library, Navigator *navigator, QSettings *settings, QObject *parent)
    : QObject(parent), m_library(library), m_settings(settings)
{
    connect(navigator, &Navigator::currentChanged, this,
            [this](const ReaderPosition &position, const Focus &) { record(position); });
}

void SessionRecorder::record(const ReaderPosition &position)
{
    const Library &library = m_library->library();
    if (!position.valid() || position.volume >= library.size())
        return;
    // The document's own volume first, so that reopening shows it from the right file.
    QStringList files{library.volume(position.volume).sourcePath};
    for (int v = 0; v < library.size(); ++v) {
        const QString &path = library.volume(v).sourcePath;
        if (!files.contains(path))
            files << path;
    }
    for (QString &file : files) {
        if (!file.startsWith(QLatin1Char(':')))
            file = QFileInfo(file).absoluteFilePath();
    }
    m_settings->setValue(QStringLiteral("session/files"), files);
    m_settings->setValue(QStringLiteral("session/document"),
                         library.volume(position.volume).documents.at(std::size_t(position.document)).id);
}

} // namespace marginalia

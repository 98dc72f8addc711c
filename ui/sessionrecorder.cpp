#include "sessionrecorder.h"

#include "catalog/catalogvolumes.h"
#include "library/openlibrary.h"
#include "navigation/navigator.h"

#include <QFileInfo>
#include <QSettings>

namespace marginalia {

SessionRecorder::SessionRecorder(const OpenLibrary *library, Navigator *navigator, QSettings *settings,
                                 const CatalogVolumes *indexVolumes, QObject *parent)
    : QObject(parent), m_library(library), m_settings(settings), m_indexVolumes(indexVolumes)
{
    connect(navigator, &Navigator::currentChanged, this,
            [this](const ReaderPosition &position, const Focus &) { record(position); });
}

void SessionRecorder::record(const ReaderPosition &position)
{
    const Library &library = m_library->library();
    if (!position.valid() || position.volume >= library.size())
        return;
    const auto fromIndex = [this](const QString &path) { return m_indexVolumes && m_indexVolumes->cameFromIndex(path); };
    const Volume &shown = library.volume(position.volume);
    const QString &documentId = shown.documents.at(std::size_t(position.document)).id;
    if (fromIndex(shown.sourcePath)) {
        m_settings->setValue(QStringLiteral("session/libraryDocument"), QString(shown.id + QLatin1Char('#') + documentId));
        return;
    }
    m_settings->remove(QStringLiteral("session/libraryDocument"));
    // The document's own volume first, so that reopening shows it from the right file.
    QStringList files{shown.sourcePath};
    for (int v = 0; v < library.size(); ++v) {
        const QString &path = library.volume(v).sourcePath;
        if (!files.contains(path) && !fromIndex(path))
            files << path;
    }
    for (QString &file : files) {
        if (!file.startsWith(QLatin1Char(':')))
            file = QFileInfo(file).absoluteFilePath();
    }
    m_settings->setValue(QStringLiteral("session/files"), files);
    m_settings->setValue(QStringLiteral("session/document"), documentId);
}

} // namespace marginalia

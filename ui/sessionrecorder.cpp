#include "sessionrecorder.h"

#include "catalog/catalogvolumes.h"
#include "library/openlibrary.h"
#include "navigation/navigator.h"

#include <QFileInfo>
#include <QSettings>

#include <algorithm>

namespace marginalia {

namespace {

const QString kFilesKey = QStringLiteral("session/files");

bool isBundled(const QString &file)
{
    return file.startsWith(QLatin1Char(':'));
}

} // namespace

SessionRecorder::SessionRecorder(const OpenLibrary *library, Navigator *navigator, QSettings *settings,
                                 const CatalogVolumes *indexVolumes, QObject *parent)
    : QObject(parent), m_library(library), m_settings(settings), m_indexVolumes(indexVolumes)
{
    connect(navigator, &Navigator::currentChanged, this,
            [this](const ReaderPosition &position, const Focus &) { record(position); });
    // The navigator has moved on by now (it is made before the recorder, so it hears the close first).
    connect(library, &OpenLibrary::volumeClosed, this, [this, navigator] { recordClosed(navigator->current()); });
}

// A closed file leaves the session whatever is on screen (a document of the library index, or nothing).
void SessionRecorder::recordClosed(const ReaderPosition &position)
{
    const Library &library = m_library->library();
    QStringList open;
    for (int v = 0; v < library.size(); ++v)
        open << library.volume(v).sourcePath;
    // The session holds absolute paths; the library, paths as they were given.
    const auto isOpen = [&open](const QString &file) {
        return std::any_of(open.cbegin(), open.cend(), [&file](const QString &path) {
            return path == file || (!isBundled(path) && QFileInfo(path).absoluteFilePath() == file);
        });
    };
    QStringList saved = m_settings->value(kFilesKey).toStringList();
    saved.removeIf([&](const QString &file) { return !m_missing.contains(file) && !isOpen(file); });
    m_settings->setValue(kFilesKey, saved);
    if (position.valid()) {
        record(position);
        return;
    }
    m_settings->remove(QStringLiteral("session/libraryDocument"));
    m_settings->remove(QStringLiteral("session/document"));
}

void SessionRecorder::keepMissing(const QStringList &files)
{
    for (const QString &file : files) {
        if (!m_missing.contains(file))
            m_missing << file;
    }
}

void SessionRecorder::forget(const QString &file)
{
    m_missing.removeAll(file);
    QStringList saved = m_settings->value(kFilesKey).toStringList();
    if (saved.removeAll(file) > 0)
        m_settings->setValue(kFilesKey, saved);
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
        if (!isBundled(file))
            file = QFileInfo(file).absoluteFilePath();
    }
    const bool standIn = !m_missing.isEmpty() && isBundled(shown.sourcePath);
    if (!m_missing.isEmpty()) {
        files.removeIf(isBundled);
        for (const QString &file : std::as_const(m_missing)) {
            if (!files.contains(file))
                files << file;
        }
    }
    m_settings->setValue(kFilesKey, files);
    if (!standIn) // the sample's document is not where the session was
        m_settings->setValue(QStringLiteral("session/document"), documentId);
}

} // namespace marginalia

#include "lazyvolume.h"

namespace marginalia {

LazyVolume::LazyVolume(VolumeOutline outline)
    : m_outline(std::move(outline)), m_loaded(m_outline.volume.documents.size()),
      m_snapshot(std::make_shared<const Volume>(m_outline.volume))
{
}

bool LazyVolume::isLoaded(int index) const
{
    QMutexLocker lock(&m_mutex);
    return index >= 0 && std::size_t(index) < m_loaded.size() && m_loaded[std::size_t(index)];
}

std::shared_ptr<const Volume> LazyVolume::volume() const
{
    QMutexLocker lock(&m_mutex);
    return m_snapshot;
}

Result<std::shared_ptr<const Document>> LazyVolume::document(int index)
{
    if (index >= 0 && std::size_t(index) < m_loaded.size()) {
        QMutexLocker lock(&m_mutex);
        if (m_loaded[std::size_t(index)])
            return m_loaded[std::size_t(index)];
    }
    // Read without the lock, so that other documents open meanwhile; m_outline never changes.
    Result<Document> read = readOutlinedDocument(m_outline, index);
    if (!read)
        return fail(read.error());
    auto document = std::make_shared<const Document>(std::move(read).value());
    QMutexLocker lock(&m_mutex);
    std::shared_ptr<const Document> &slot = m_loaded[std::size_t(index)];
    if (slot)
        return slot; // another thread read it first
    slot = document;
    auto snapshot = std::make_shared<Volume>(*m_snapshot);
    snapshot->documents[std::size_t(index)] = *document;
    m_snapshot = std::move(snapshot);
    return slot;
}

Result<std::shared_ptr<const Volume>> LazyVolume::volumeWithDocument(int index)
{
    Result<std::shared_ptr<const Document>> loaded = document(index);
    if (!loaded)
        return fail(loaded.error());
    return volume();
}

} // namespace marginalia

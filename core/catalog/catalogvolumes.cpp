#include "catalogvolumes.h"

#include "catalog.h"
#include "lazyvolume.h"
#include "parse/volumeloader.h"
#include "util/translate.h"

namespace marginalia {

// One volume of the index as opened: its lazy reading, or the whole volume when its file cannot be
// read by parts (read on first use of a document).
struct CatalogVolumes::Entry {
    std::shared_ptr<LazyVolume> lazy;
    std::shared_ptr<const Volume> whole;
};

CatalogVolumes::CatalogVolumes(const Catalog *catalog, int capacity)
    : m_catalog(catalog), m_capacity(std::max(1, capacity))
{
}

CatalogVolumes::~CatalogVolumes() = default;

void CatalogVolumes::setCatalog(const Catalog *catalog)
{
    m_catalog = catalog;
    invalidate();
}

CatalogVolumes::Entry *CatalogVolumes::find(const QString &volumeId) const
{
    const auto it = m_entries.constFind(volumeId);
    return it == m_entries.constEnd() ? nullptr : it->get();
}

void CatalogVolumes::touch(const QString &volumeId)
{
    m_recent.removeOne(volumeId);
    m_recent.append(volumeId);
    while (m_recent.size() > m_capacity)
        m_entries.remove(m_recent.takeFirst());
}

Result<std::shared_ptr<LazyVolume>> CatalogVolumes::volume(const QString &volumeId)
{
    if (Entry *entry = find(volumeId)) {
        touch(volumeId);
        return entry->lazy;
    }
    if (!m_catalog)
        return fail(QString(), 0, 0, Tr::tr("the library index is not open"));
    Result<QByteArray> encoded = m_catalog->volumeOutline(volumeId);
    if (!encoded)
        return fail(encoded.error());
    if (encoded->isEmpty())
        return fail(m_catalog->path(), 0, 0, Tr::tr("no volume \"%1\" in the library").arg(volumeId));
    Result<QString> path = m_catalog->volumePath(volumeId);
    if (!path)
        return fail(path.error());
    Result<VolumeOutline> outline = decodeVolumeOutline(*encoded, *path);
    if (!outline)
        return fail(outline.error());
    auto entry = std::make_shared<Entry>();
    entry->lazy = std::make_shared<LazyVolume>(std::move(outline).value());
    m_entries.insert(volumeId, entry);
    m_sourcePaths.insert(*path);
    touch(volumeId);
    return entry->lazy;
}

Result<std::shared_ptr<const Volume>> CatalogVolumes::volumeWithDocument(const QString &volumeId, int index)
{
    Result<std::shared_ptr<LazyVolume>> lazy = volume(volumeId);
    if (!lazy)
        return fail(lazy.error());
    if (index < 0 || index >= (*lazy)->documentCount())
        return fail(m_catalog->path(), 0, 0, Tr::tr("no document %1 in %2").arg(index + 1).arg(volumeId));
    if ((*lazy)->outline().readableByParts())
        return (*lazy)->volumeWithDocument(index);
    Entry *entry = find(volumeId);
    if (!entry->whole) {
        Result<Volume> whole = loadVolume((*lazy)->outline().volume.sourcePath);
        if (!whole)
            return fail(whole.error());
        entry->whole = std::make_shared<const Volume>(std::move(whole).value());
    }
    return entry->whole;
}

bool CatalogVolumes::isStub(const Volume &volume, int index) const
{
    if (index < 0 || std::size_t(index) >= volume.documents.size() || !cameFromIndex(volume.sourcePath))
        return false;
    // Whatever the cache still holds: a whole reading of the file (opened directly, or not readable by
    // parts) has every body, an outline none. A document that is really empty is read again, harmlessly.
    const Document &document = volume.documents[std::size_t(index)];
    return document.body.empty() && document.footnotes.empty();
}

void CatalogVolumes::invalidate(const QStringList &volumeIds)
{
    if (volumeIds.isEmpty()) {
        m_entries.clear();
        m_recent.clear();
        return;
    }
    for (const QString &id : volumeIds) {
        m_entries.remove(id);
        m_recent.removeOne(id);
    }
}

} // namespace marginalia

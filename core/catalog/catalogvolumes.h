#pragma once

#include "model/volume.h"
#include "util/result.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

namespace marginalia {

class Catalog;
class LazyVolume;

// The volumes of the library the window has opened from the index, one LazyVolume each, shared by the
// library tree, the navigator's loader and the "open document" requests, so that a volume's outline is
// decoded once and a document read from its span once. Keeps the most recently used volumes only (a
// snapshot handed out stays valid after its volume is dropped: it is shared and never changed).
// Used on the GUI thread.
class CatalogVolumes {
public:
    explicit CatalogVolumes(const Catalog *catalog, int capacity = 32);
    ~CatalogVolumes();
    CatalogVolumes(const CatalogVolumes &) = delete;
    CatalogVolumes &operator=(const CatalogVolumes &) = delete;

    // Another index (rebuilt after damage): everything cached is dropped.
    void setCatalog(const Catalog *catalog);
    const Catalog *catalog() const { return m_catalog; }

    // The volume `volumeId` of the index, its outline decoded on first use. Fails with a message when the
    // index has no such volume, its file is missing, or its outline cannot be decoded.
    Result<std::shared_ptr<LazyVolume>> volume(const QString &volumeId);
    // The snapshot of `volumeId` with document `index` in full (the others as stubs). A volume whose
    // file cannot be read by parts is read whole instead, once.
    Result<std::shared_ptr<const Volume>> volumeWithDocument(const QString &volumeId, int index);

    // Whether `volume` (as the OpenLibrary holds it) came from the index and its document `index` is
    // only a stub, i.e. must be read (volumeWithDocument) before it is shown.
    bool isStub(const Volume &volume, int index) const;
    // Whether a volume with this file came from the index (so the session need not reopen it whole).
    bool cameFromIndex(const QString &sourcePath) const { return m_sourcePaths.contains(sourcePath); }

    // The index changed (volumes re-indexed or removed): outlines are read again on next use.
    void invalidate(const QStringList &volumeIds = {});

private:
    struct Entry;
    Entry *find(const QString &volumeId) const;
    void touch(const QString &volumeId);

    const Catalog *m_catalog;
    int m_capacity;
    QHash<QString, std::shared_ptr<Entry>> m_entries;
    QStringList m_recent; // most recent last
    QSet<QString> m_sourcePaths;
};

} // namespace marginalia

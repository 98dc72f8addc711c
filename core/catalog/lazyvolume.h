#pragma once

#include "volumeoutline.h"

#include <QMutex>

#include <memory>
#include <vector>

namespace marginalia {

// A volume of the library opened from its outline: it lists, resolves and counts like the whole volume
// at once, and reads a document's contents from the file only when the document is opened, keeping it
// for the next time. Any thread may call any member (two that open the same document at once may both
// read it; the first read is kept), and what a call returns stays valid whatever loads after it.
class LazyVolume {
public:
    explicit LazyVolume(VolumeOutline outline);

    const VolumeOutline &outline() const { return m_outline; }
    int documentCount() const { return int(m_outline.volume.documents.size()); }
    bool isLoaded(int index) const;

    // The volume as a reader sees it now: every document loaded so far in full, the others as stubs
    // (id, number, title, date, first page, division; no body). Shared and never changed: a load makes
    // a new snapshot, so one handed to the Library or a view may be kept.
    std::shared_ptr<const Volume> volume() const;

    // Document `index` in full, read from its span on first use (readOutlinedDocument); volume() then
    // holds it too. The file is not read again for a document already loaded.
    Result<std::shared_ptr<const Document>> document(int index);

    // The snapshot holding document `index` in full: what `library show` and the window hand to code
    // that takes a Volume (Library, documentJson, terminalText).
    Result<std::shared_ptr<const Volume>> volumeWithDocument(int index);

private:
    VolumeOutline m_outline;
    mutable QMutex m_mutex;
    std::vector<std::shared_ptr<const Document>> m_loaded; // per document; null until loaded
    std::shared_ptr<const Volume> m_snapshot;
};

} // namespace marginalia

#pragma once

#include "library.h"

#include <QObject>

#include <memory>

namespace marginalia {

// The library the application has open, announcing changes to item models and panes.
class OpenLibrary : public QObject {
    Q_OBJECT

public:
    explicit OpenLibrary(QObject *parent = nullptr);

    const Library &library() const { return m_library; }
    // Adds a volume; a file already open (same source path and volume id) is replaced in place.
    // Returns its index.
    int add(std::shared_ptr<const Volume> volume);
    // Puts `newer` in the place of `reading` (a volume read again, e.g. a text copy by a volume opened
    // after it) and emits volumeReplaced. Returns its index, or -1 when `reading` is no longer open.
    int replace(const std::shared_ptr<const Volume> &reading, std::shared_ptr<const Volume> newer);
    // Takes the volume at `index` out of the library (its file and its annotations stay as they are);
    // the volumes after it move one index down. False for an index that is not open.
    bool close(int index);

Q_SIGNALS:
    void volumeAdded(int index);
    void volumeReplaced(int index);
    // Both once the volume is out of the library, in this order: volumeRemoved for item models and
    // caches that hold volume indexes (they drop the volume and renumber the rest), then volumeClosed for
    // what moves the reader elsewhere, so that it finds every model already without the volume.
    void volumeRemoved(int index);
    void volumeClosed(int index);

private:
    Library m_library;
};

} // namespace marginalia

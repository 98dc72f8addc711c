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

Q_SIGNALS:
    void volumeAdded(int index);
    void volumeReplaced(int index);

private:
    Library m_library;
};

} // namespace marginalia

#include "openlibrary.h"

namespace marginalia {

OpenLibrary::OpenLibrary(QObject *parent)
    : QObject(parent)
{
}

int OpenLibrary::add(std::shared_ptr<const Volume> volume)
{
    Q_ASSERT(volume);
    if (!volume)
        return -1;
    // Opening a file again must not show it twice: the newer reading takes the old one's place, so
    // indexes held by views and history stay valid.
    for (int i = 0; i < m_library.size(); ++i) {
        const Volume &open = m_library.volume(i);
        if (open.sourcePath == volume->sourcePath && open.id == volume->id) {
            m_library.replace(i, std::move(volume));
            Q_EMIT volumeReplaced(i);
            return i;
        }
    }
    const int index = m_library.add(std::move(volume));
    Q_EMIT volumeAdded(index);
    return index;
}

int OpenLibrary::replace(const std::shared_ptr<const Volume> &reading, std::shared_ptr<const Volume> newer)
{
    if (!reading || !newer)
        return -1;
    for (int i = 0; i < m_library.size(); ++i) {
        if (m_library.volumePtr(i) == reading) {
            m_library.replace(i, std::move(newer));
            Q_EMIT volumeReplaced(i);
            return i;
        }
    }
    return -1;
}

bool OpenLibrary::close(int index)
{
    if (index < 0 || index >= m_library.size())
        return false;
    m_library.remove(index);
    Q_EMIT volumeRemoved(index);
    Q_EMIT volumeClosed(index);
    return true;
}

} // namespace marginalia

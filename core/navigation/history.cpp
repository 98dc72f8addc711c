#include "history.h"

namespace marginalia {

namespace {

// Enough for a long reading session; beyond it the oldest steps go, as in a browser.
constexpr std::size_t maxEntries = 500;

} // namespace

void History::visit(const ReaderPosition &position)
{
    // Following a link to exactly where the reader already is must not make Back a no-op step.
    if (m_current >= 0 && m_entries[std::size_t(m_current)] == position)
        return;
    m_entries.resize(std::size_t(m_current + 1)); // a new step drops the forward list
    m_entries.push_back(position);
    if (m_entries.size() > maxEntries)
        m_entries.erase(m_entries.begin(), m_entries.begin() + std::ptrdiff_t(m_entries.size() - maxEntries));
    m_current = int(m_entries.size()) - 1;
}

void History::updateCurrent(const ReaderPosition &position)
{
    if (m_current < 0) {
        visit(position);
        return;
    }
    m_entries[std::size_t(m_current)] = position;
}

bool History::removeVolume(int volume)
{
    const bool currentGone = m_current >= 0 && m_entries[std::size_t(m_current)].volume == volume;
    std::vector<ReaderPosition> kept;
    int current = -1;
    for (int i = 0; i < int(m_entries.size()); ++i) {
        ReaderPosition position = m_entries[std::size_t(i)];
        if (position.volume == volume)
            continue;
        if (position.volume > volume)
            --position.volume;
        // Two steps that met once the steps between them went are one place: Back must not stay put.
        if (!kept.empty() && kept.back() == position) {
            if (i <= m_current)
                current = int(kept.size()) - 1;
            continue;
        }
        kept.push_back(position);
        if (i <= m_current || current < 0)
            current = int(kept.size()) - 1;
    }
    m_entries = std::move(kept);
    m_current = current;
    return currentGone;
}

bool History::canGoBack() const
{
    return m_current > 0;
}

bool History::canGoForward() const
{
    return m_current >= 0 && m_current + 1 < int(m_entries.size());
}

ReaderPosition History::back()
{
    if (canGoBack())
        --m_current;
    return current();
}

ReaderPosition History::forward()
{
    if (canGoForward())
        ++m_current;
    return current();
}

ReaderPosition History::current() const
{
    return m_current < 0 ? ReaderPosition{} : m_entries[std::size_t(m_current)];
}

} // namespace marginalia

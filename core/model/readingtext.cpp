#include "readingtext.h"

#include <algorithm>

namespace marginalia {

const QString &ReadingText::separator()
{
    static const QString sep = QStringLiteral("\n\n");
    return sep;
}

ReadingText::ReadingText(const RichText &body)
{
    qsizetype size = 0;
    for (const Block &b : body)
        size += b.text.size() + separator().size();
    m_text.reserve(size);
    m_blockStarts.reserve(body.size());
    for (const Block &b : body) {
        if (!m_blockStarts.empty())
            m_text += separator();
        m_blockStarts.push_back(int(m_text.size()));
        m_text += b.text;
    }
}

int ReadingText::offsetOf(const Location &where) const
{
    if (!where.inBody() || where.block < 0 || std::size_t(where.block) >= m_blockStarts.size())
        return -1;
    return m_blockStarts[std::size_t(where.block)] + where.offset;
}

Location ReadingText::locationOf(int offset) const
{
    if (m_blockStarts.empty())
        return {};
    auto it = std::upper_bound(m_blockStarts.begin(), m_blockStarts.end(), offset);
    std::size_t block = it == m_blockStarts.begin() ? 0 : std::size_t(it - m_blockStarts.begin()) - 1;
    const int blockEnd = block + 1 < m_blockStarts.size()
        ? m_blockStarts[block + 1] - int(separator().size())
        : int(m_text.size());
    // An offset inside the separator belongs to the start of the block after it.
    if (offset > blockEnd && block + 1 < m_blockStarts.size())
        return Location{-1, int(block + 1), 0};
    return Location{-1, int(block), std::clamp(offset - m_blockStarts[block], 0, blockEnd - m_blockStarts[block])};
}

} // namespace marginalia

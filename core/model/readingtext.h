#pragma once

#include "document.h"

#include <QString>

#include <vector>

namespace marginalia {

// The reading text of a document body: the title line, then each block, separated by one blank line.
// It is the text that `show` prints, that searches run over and that annotations anchor to.
class ReadingText {
public:
    explicit ReadingText(const RichText &body);

    const QString &text() const { return m_text; }
    // Index in text() of a point in the body; -1 for a location outside it.
    int offsetOf(const Location &where) const;
    // The body location of a text index (the block holding it, or the next block's start).
    Location locationOf(int offset) const;
    int blockStart(int block) const { return m_blockStarts.at(std::size_t(block)); }

    static const QString &separator();

private:
    QString m_text;
    std::vector<int> m_blockStarts;
};

} // namespace marginalia

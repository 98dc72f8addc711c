#include "approxmatch.h"

#include <QtGlobal>

#include <algorithm>
#include <array>
#include <bit>
#include <utility>

// Myers' bit-parallel edit distance (1999) in Hyyrö's block formulation: the pattern's rows are packed
// 64 to a machine word, and one text character advances a whole column of the DP matrix per word.
// Vertical deltas of a column live in Pv/Mv (+1/-1 bits), and each block keeps the exact value of its
// last row so a match can be read off without rebuilding the column.

namespace marginalia {
namespace {

using Word = quint64;
constexpr int WordBits = 64;

// Myers' Peq table: for each distinct code unit of the pattern, one word per block with bit i set where
// row i of that block holds it. Code units absent from the pattern share row 0, all zeros, so a text of
// any alphabet costs only a lookup.
class PatternMasks {
public:
    PatternMasks(QStringView pattern, bool reversed)
        : m_length(int(pattern.size())), m_blocks((m_length + WordBits - 1) / WordBits)
    {
        m_latin1.fill(0);
        m_masks.assign(std::size_t(m_blocks), 0); // the shared all-zero row
        for (int i = 0; i < m_length; ++i) {
            const char16_t c = pattern[reversed ? m_length - 1 - i : i].unicode();
            int offset = rowOffset(c);
            if (offset == 0)
                offset = addRow(c);
            m_masks[std::size_t(offset + i / WordBits)] |= Word(1) << (i % WordBits);
        }
        for (int b = 0; b < m_blocks; ++b) {
            const int rows = b == m_blocks - 1 ? m_length - b * WordBits : WordBits;
            m_lastRowBits.push_back(Word(1) << (rows - 1));
        }
    }

    int blocks() const { return m_blocks; }
    int length() const { return m_length; }
    const Word *row(QChar c) const { return m_masks.data() + rowOffset(c.unicode()); }
    // The bit of each block's last row: the high bit, except in a last block the pattern does not fill.
    const Word *lastRowBits() const { return m_lastRowBits.data(); }
    // The value of a block's last row in column 0 of the matrix, which is its row number.
    int lastRow(int block) const { return std::min((block + 1) * WordBits, m_length); }

private:
    int rowOffset(char16_t c) const
    {
        if (c < m_latin1.size())
            return m_latin1[c];
        const auto it = std::lower_bound(m_other.begin(), m_other.end(), std::pair<char16_t, int>(c, 0));
        return it != m_other.end() && it->first == c ? it->second : 0;
    }
    int addRow(char16_t c)
    {
        const int offset = int(m_masks.size());
        m_masks.resize(m_masks.size() + std::size_t(m_blocks), 0);
        if (c < m_latin1.size())
            m_latin1[c] = offset;
        else
            m_other.insert(std::lower_bound(m_other.begin(), m_other.end(), std::pair<char16_t, int>(c, 0)),
                           {c, offset});
        return offset;
    }

    int m_length;
    int m_blocks;
    // Offsets into m_masks, looked up directly for Latin-1, which is nearly all of a FRUS text.
    std::array<int, 256> m_latin1;
    std::vector<std::pair<char16_t, int>> m_other; // sorted by code unit
    std::vector<Word> m_masks;
    std::vector<Word> m_lastRowBits;
};

struct Block {
    Word pv = ~Word(0); // rows whose value is one more than the row above
    Word mv = 0;        // rows whose value is one less
};

// Advances one block by one text column, given the horizontal delta entering its top row (`hin`,
// -1/0/+1), and returns the delta leaving its last row (edlib's calculateBlock, after Hyyrö 2003).
// Branch-free: this is the inner loop of every search.
inline int advanceBlock(Block &block, Word eq, int hin, Word lastRowBit)
{
    const Word hinNegative = Word(hin < 0);
    const Word hinPositive = Word(hin > 0);
    const Word xv = eq | block.mv;
    eq |= hinNegative;
    const Word xh = (((eq & block.pv) + block.pv) ^ block.pv) | eq;
    Word ph = block.mv | ~(xh | block.pv);
    Word mh = block.pv & xh;
    const int hout = int((ph & lastRowBit) != 0) - int((mh & lastRowBit) != 0);
    ph = (ph << 1) | hinPositive;
    mh = (mh << 1) | hinNegative;
    block.pv = mh | ~(xv | ph);
    block.mv = ph & xv;
    return hout;
}

// The rows of a block that belong to the pattern (a last block may hold fewer than 64).
inline Word realRows(Word lastRowBit)
{
    return (lastRowBit << 1) - 1; // all ones for a full block: the shift gives 0
}

// findMatchEnds for a pattern of one block (quotes up to 64 code units): no cut-off to manage.
std::vector<ApproxMatch> findMatchEndsInOneBlock(QStringView text, const PatternMasks &masks, int maxErrors)
{
    std::vector<ApproxMatch> ends;
    Block block;
    const Word lastRowBit = masks.lastRowBits()[0];
    int score = masks.length();
    for (int j = 0; j < int(text.size()); ++j) {
        score += advanceBlock(block, *masks.row(text[j]), 0, lastRowBit);
        if (score <= maxErrors)
            ends.push_back({-1, j + 1, score});
    }
    return ends;
}

// The end of every match with at most maxErrors errors, and those errors (start left at -1).
// Ukkonen's cut-off keeps only the blocks that can still hold a value <= maxErrors active, so a short
// error budget costs about one block per column however long the pattern is.
std::vector<ApproxMatch> findMatchEnds(QStringView text, const PatternMasks &masks, int maxErrors)
{
    if (masks.blocks() == 1)
        return findMatchEndsInOneBlock(text, masks, maxErrors);
    const int lastBlock = masks.blocks() - 1;
    const Word *lastRowBits = masks.lastRowBits();
    std::vector<Block> blockStore(std::size_t(masks.blocks()));
    std::vector<int> scoreStore(std::size_t(masks.blocks()));
    Block *blocks = blockStore.data();
    int *score = scoreStore.data();
    // In column 0 row r holds r, so the rows <= maxErrors are those of the first ceil(maxErrors/64) blocks.
    int y = std::clamp((maxErrors + WordBits - 1) / WordBits - 1, 0, lastBlock);
    for (int b = 0; b <= y; ++b)
        score[b] = masks.lastRow(b);

    std::vector<ApproxMatch> ends;
    for (int j = 0; j < int(text.size()); ++j) {
        const Word *eq = masks.row(text[j]);
        int carry = 0; // a match may start anywhere: row 0 is all zeros
        for (int b = 0; b <= y; ++b) {
            carry = advanceBlock(blocks[b], eq[b], carry, lastRowBits[b]);
            score[b] += carry;
        }
        // The next block's top row can only reach maxErrors through the last row of block y in the
        // previous column (a diagonal step on a matching character) or in this one (if it dropped).
        if (y < lastBlock && score[y] - carry <= maxErrors && ((eq[y + 1] & 1) || carry < 0)) {
            ++y;
            // Its previous column, never computed, is taken as the block above's last row plus one per row:
            // an upper bound, and every cell it could overstate was above maxErrors anyway.
            blocks[y] = Block{};
            const int rows = masks.lastRow(y) - y * WordBits;
            score[y] = score[y - 1] - carry + rows + advanceBlock(blocks[y], eq[y], carry, lastRowBits[y]);
        } else {
            // Going up a block, a row is lower than the one below only where the vertical delta is +1, so
            // no row of block y is below its last row less that count: past maxErrors, y has nothing left.
            while (y > 0 && score[y] - std::popcount(blocks[y].pv & realRows(lastRowBits[y])) > maxErrors)
                --y;
        }
        if (y == lastBlock && score[y] <= maxErrors)
            ends.push_back({-1, j + 1, score[y]});
    }
    return ends;
}

// The start of the longest best match ending at match.end: the reversed pattern against the text read
// backwards from the end, this time anchored (row 0 counts the characters taken), so the last row gives
// the edit distance between the pattern and text[end - len, end) for each len. No match with
// `errors` errors is longer than pattern + errors, which bounds the window.
int matchStart(QStringView text, const PatternMasks &reversed, const ApproxMatch &match)
{
    const int m = reversed.length();
    const int window = std::min(match.end, m + match.errors);
    std::vector<Block> blocks(std::size_t(reversed.blocks()));
    const int lastBlock = reversed.blocks() - 1;
    const Word *lastRowBits = reversed.lastRowBits();
    int distance = m;
    int bestLength = distance <= match.errors ? 0 : -1;
    for (int len = 1; len <= window; ++len) {
        const Word *eq = reversed.row(text[match.end - len]);
        int carry = 1;
        for (int b = 0; b <= lastBlock; ++b)
            carry = advanceBlock(blocks[std::size_t(b)], eq[b], carry, lastRowBits[b]);
        distance += carry;
        if (distance <= match.errors)
            bestLength = len;
    }
    // The forward pass saw a match of exactly `errors` ending here, so some length in the window has it.
    Q_ASSERT(bestLength >= 0);
    return match.end - std::max(bestLength, 0);
}

} // namespace

// An empty pattern would match everywhere with no errors and tell the caller nothing: no matches.
std::vector<ApproxMatch> approximateMatches(QStringView text, QStringView pattern, int maxErrors)
{
    if (pattern.isEmpty() || text.isEmpty() || maxErrors < 0)
        return {};
    const PatternMasks masks(pattern, false);
    std::vector<ApproxMatch> matches = findMatchEnds(text, masks, maxErrors);
    if (matches.empty())
        return matches;
    const PatternMasks reversed(pattern, true);
    for (ApproxMatch &match : matches)
        match.start = matchStart(text, reversed, match);
    return matches;
}

} // namespace marginalia

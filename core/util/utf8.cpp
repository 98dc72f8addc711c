#include "utf8.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace marginalia {

namespace {

// Length of the valid sequence starting at p (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF), or 0.
int sequenceLength(const unsigned char *p, const unsigned char *end)
{
    const unsigned char c = p[0];
    auto cont = [&](int i) { return p + i < end && (p[i] & 0xC0) == 0x80; };
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return cont(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (!cont(1) || !cont(2))
            return 0;
        if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F))
            return 0;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (!cont(1) || !cont(2) || !cont(3))
            return 0;
        if ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] > 0x8F))
            return 0;
        return 4;
    }
    return 0;
}

} // namespace

Utf8Problem findInvalidUtf8(const QByteArray &data)
{
    const auto *begin = reinterpret_cast<const unsigned char *>(data.constData());
    const unsigned char *end = begin + data.size();
    const unsigned char *p = begin;
    while (p < end) {
        // Most of a FRUS file is ASCII: skip it 32 bytes at a time, then eight.
        if (end - p >= 32) {
            std::uint64_t words[4];
            std::memcpy(words, p, 32);
            if (!((words[0] | words[1] | words[2] | words[3]) & 0x8080808080808080ull)) {
                p += 32;
                continue;
            }
        }
        if (end - p >= 8) {
            std::uint64_t word;
            std::memcpy(&word, p, 8);
            if (!(word & 0x8080808080808080ull)) {
                p += 8;
                continue;
            }
        }
        const int n = sequenceLength(p, end);
        if (n == 0)
            break;
        p += n;
    }
    if (p >= end)
        return {};
    return positionOfByte(data, p - begin);
}

Utf8Problem positionOfByte(const QByteArray &data, qsizetype offset)
{
    const auto *begin = reinterpret_cast<const unsigned char *>(data.constData());
    const unsigned char *p = begin + std::clamp(offset, qsizetype(0), data.size());
    Utf8Problem problem;
    problem.offset = offset;
    problem.line = 1;
    const unsigned char *lineStart = begin;
    for (const unsigned char *q = begin; q < p; ++q) {
        if (*q == '\n') {
            ++problem.line;
            lineStart = q + 1;
        }
    }
    problem.column = 1;
    for (const unsigned char *q = lineStart; q < p; ++q) {
        if ((*q & 0xC0) != 0x80)
            ++problem.column;
    }
    return problem;
}

} // namespace marginalia

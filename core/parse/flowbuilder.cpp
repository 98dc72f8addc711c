#include "flowbuilder.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

namespace marginalia {

namespace {

constexpr bool isXmlSpace(char16_t c)
{
    return c == u' ' || c == u'\n' || c == u'\t' || c == u'\r';
}

// The code point of the well-formed UTF-8 sequence at p (lead byte >= 0x80), advancing p past it; an
// ill-formed byte gives U+FFFD and advances one byte. libxml2 has checked the text already, so that
// branch only keeps a damaged buffer from reading past its end.
char32_t decodeMultibyte(const unsigned char *&p, const unsigned char *end)
{
    const unsigned lead = *p;
    int length = 0;
    char32_t min = 0;
    char32_t cp = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2, min = 0x80, cp = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3, min = 0x800, cp = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4, min = 0x10000, cp = lead & 0x07;
    } else {
        ++p;
        return 0xFFFD;
    }
    if (end - p < length) {
        ++p;
        return 0xFFFD;
    }
    for (int i = 1; i < length; ++i) {
        if ((p[i] & 0xC0) != 0x80) {
            ++p;
            return 0xFFFD;
        }
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++p;
        return 0xFFFD;
    }
    p += length;
    return cp;
}

constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHigh = 0x8080808080808080ull;

// The high bit of each byte of x (all < 0x80) that is below 0x21: whitespace and control characters.
constexpr std::uint64_t bytesBelow21(std::uint64_t x)
{
    return ~((x | kHigh) - 0x21 * kOnes) & kHigh; // no borrow crosses a byte: each is >= 0x80 first
}

// The high bit of each byte of x (all < 0x80) that is a space.
constexpr std::uint64_t spaceBytes(std::uint64_t x)
{
    const std::uint64_t t = x ^ (0x20 * kOnes);
    return ~(((t & ~kHigh) + ~kHigh) | t) & kHigh;
}

// Puts down the one space a run of whitespace leaves before the next word, unless the text is empty or
// already ends in a space, a line break or a tab (a page break puts down a space: "Twelve <pb/> of"
// keeps one space, not two).
void putCollapsedSpace(char16_t *out, qsizetype &w)
{
    if (w > 0 && out[w - 1] != u'\n' && out[w - 1] != u'\t' && out[w - 1] != u' ')
        out[w++] = u' ';
}

// A pretty-printed volume's text is two-fifths indentation: skipped eight spaces at a time.
void skipIndentation(const unsigned char *&p, const unsigned char *end)
{
    for (std::uint64_t x; end - p >= 8; p += 8) {
        std::memcpy(&x, p, 8);
        if (x != 0x20 * kOnes)
            return;
    }
}

// Copies on from p the ASCII that needs no collapsing, right after a character that is no whitespace:
// letters and marks, and single spaces between them (each written as the collapsing would write it).
// Stops at anything else, and before a space the text ends with, which must stay pending.
void copyAsciiRun(const unsigned char *&p, const unsigned char *end, char16_t *out, qsizetype &w)
{
    for (;;) {
        if constexpr (std::endian::native == std::endian::little) {
            while (end - p >= 8) {
                std::uint64_t x;
                std::memcpy(&x, p, 8);
                if (x & kHigh)
                    break;
                const std::uint64_t spaces = spaceBytes(x);
                // Eight bytes at once when they hold no other whitespace, no two spaces in a row, and
                // do not end with a space (which may start a run of whitespace).
                if (bytesBelow21(x) != spaces || (spaces & (spaces << 8)) || (spaces >> 63))
                    break;
                for (int i = 0; i < 8; ++i)
                    out[w + i] = p[i];
                w += 8;
                p += 8;
            }
        }
        // One byte by hand, then eight at once again.
        if (p == end || *p >= 0x80)
            return;
        if (isXmlSpace(*p) && (*p != ' ' || end - p < 2 || p[1] >= 0x80 || isXmlSpace(p[1])))
            return;
        out[w++] = *p++;
    }
}

} // namespace

FlowBuilder::FlowBuilder(Document *doc, int footnote)
    : m_doc(doc), m_footnote(footnote)
{
    m_contexts.push_back({BlockKind::Paragraph, 0, 0});
    m_block.kind = BlockKind::Paragraph;
}

RichText &FlowBuilder::target()
{
    // Looked up each time: the footnotes vector may grow while this flow is open.
    return m_footnote < 0 ? m_doc->body : m_doc->footnotes[std::size_t(m_footnote)].content;
}

int FlowBuilder::blockCount() const
{
    return int(m_footnote < 0 ? m_doc->body.size() : m_doc->footnotes[std::size_t(m_footnote)].content.size());
}

void FlowBuilder::beginBlock(BlockKind kind, std::uint8_t flags, std::uint8_t level)
{
    flush();
    const std::uint8_t inherited = m_containerFlags.empty() ? 0 : m_containerFlags.back();
    m_contexts.push_back({kind, std::uint8_t(flags | inherited), level});
    startNewBlock(m_contexts.back());
}

void FlowBuilder::endBlock()
{
    flush();
    if (m_contexts.size() > 1)
        m_contexts.pop_back();
    startNewBlock(m_contexts.back());
}

void FlowBuilder::beginLabel()
{
    flush();
    startNewBlock(m_contexts.back());
}

void FlowBuilder::endLabel()
{
    m_labelEnd = m_text.isEmpty() ? -1 : m_text.size();
    m_pendingSpace = true;
}

void FlowBuilder::beginItem(BlockKind kind, std::uint8_t flags, std::uint8_t level)
{
    const qsizetype labelEnd = m_labelEnd;
    // Only the label so far, or the label and the space a page break between it and the item put down.
    const bool onlyLabel = labelEnd > 0
        && (m_text.size() == labelEnd || (m_text.size() == labelEnd + 1 && m_text.back() == u' '));
    if (!onlyLabel) {
        beginBlock(kind, flags, level);
        return;
    }
    const std::uint8_t inherited = m_containerFlags.empty() ? 0 : m_containerFlags.back();
    m_contexts.push_back({kind, std::uint8_t(flags | inherited), level});
    m_block.kind = kind;
    m_block.flags = m_contexts.back().flags;
    m_block.level = level;
    m_block.labelLength = int(labelEnd);
    m_labelEnd = -1;
}

void FlowBuilder::beginContainer(std::uint8_t flags)
{
    flush();
    const std::uint8_t inherited = m_containerFlags.empty() ? 0 : m_containerFlags.back();
    m_containerFlags.push_back(std::uint8_t(flags | inherited));
    Context ctx = m_contexts.back();
    ctx.flags |= m_containerFlags.back();
    startNewBlock(ctx);
}

void FlowBuilder::endContainer()
{
    flush();
    if (!m_containerFlags.empty())
        m_containerFlags.pop_back();
    startNewBlock(m_contexts.back());
}

void FlowBuilder::startNewBlock(const Context &ctx)
{
    m_block.kind = ctx.kind;
    m_block.flags = ctx.flags;
    m_block.level = ctx.level;
    m_block.labelLength = 0;
    m_pendingSpace = false;
}

void FlowBuilder::materializeSpace()
{
    if (m_pendingSpace && !m_text.isEmpty()) {
        const QChar last = m_text.back();
        if (last != u'\n' && last != u'\t')
            m_text += u' ';
    }
    m_pendingSpace = false;
}

void FlowBuilder::appendText(QStringView raw)
{
    // Collapses whitespace while copying straight into the block's buffer.
    QString &text = m_text;
    const qsizetype old = text.size();
    text.resize(old + raw.size() + 1);
    char16_t *out = reinterpret_cast<char16_t *>(text.data());
    qsizetype w = old;
    qsizetype first = -1;
    bool pending = m_pendingSpace;
    for (const QChar c : raw) {
        if (isXmlSpace(c.unicode())) {
            pending = true;
            continue;
        }
        if (pending) {
            putCollapsedSpace(out, w);
            pending = false;
        }
        if (first < 0)
            first = w;
        out[w++] = c.unicode();
    }
    text.resize(w);
    m_pendingSpace = pending;
    placeText(first, w);
}

void FlowBuilder::appendUtf8(QByteArrayView raw)
{
    // appendText's collapsing, decoding as it copies: the importer's hottest loop, and almost all of a
    // FRUS volume's text is ASCII. A UTF-8 byte sequence never needs more UTF-16 units than it has
    // bytes, and each space added stands for at least one whitespace byte, but the first: hence + 1.
    QString &text = m_text;
    const qsizetype old = text.size();
    text.resize(old + raw.size() + 1);
    char16_t *out = reinterpret_cast<char16_t *>(text.data());
    qsizetype w = old;
    qsizetype first = -1;
    bool pending = m_pendingSpace;
    const auto *p = reinterpret_cast<const unsigned char *>(raw.data());
    const auto *end = p + raw.size();
    while (p < end) {
        if (isXmlSpace(*p)) {
            pending = true;
            ++p;
            skipIndentation(p, end);
            continue;
        }
        if (pending) {
            putCollapsedSpace(out, w);
            pending = false;
        }
        if (first < 0)
            first = w;
        if (*p < 0x80) {
            out[w++] = *p++;
            copyAsciiRun(p, end, out, w);
            continue;
        }
        const char32_t cp = decodeMultibyte(p, end);
        if (cp >= 0x10000) {
            out[w++] = char16_t(0xD800 + ((cp - 0x10000) >> 10));
            out[w++] = char16_t(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            out[w++] = char16_t(cp);
        }
    }
    text.resize(w);
    m_pendingSpace = pending;
    placeText(first, w);
}

// Text has been written to m_text at [first, end) (first < 0: nothing but whitespace): opened links
// start there and the current style covers it.
void FlowBuilder::placeText(qsizetype first, qsizetype end)
{
    if (first < 0)
        return;
    for (OpenLink &link : m_openLinks) {
        if (link.valid && m_block.anchors[std::size_t(link.anchor)].start < 0)
            m_block.anchors[std::size_t(link.anchor)].start = int(first);
    }
    if (m_style) {
        const int start = int(first);
        // A run goes on over the one space that joins it to the next run of the same style, never over
        // another character ("January 3[5?]": the bracket between two italic runs stays upright).
        StyleRun *last = m_block.styles.empty() ? nullptr : &m_block.styles.back();
        const bool joined = last && last->styles == m_style
            && (last->end >= start || (last->end == start - 1 && m_text.at(last->end) == u' '));
        if (joined)
            last->end = int(end);
        else
            m_block.styles.push_back({start, int(end), m_style});
    }
}

void FlowBuilder::lineBreak()
{
    if (m_text.isEmpty())
        return;
    m_text += u'\n';
    m_pendingSpace = false;
}

void FlowBuilder::beginCell()
{
    if (m_block.kind != BlockKind::TableRow)
        return;
    if (!m_block.cellStarts.empty())
        m_text += u'\t';
    m_pendingSpace = false;
    m_block.cellStarts.push_back(int(m_text.size()));
}

void FlowBuilder::pushStyle(std::uint8_t styles)
{
    m_styleStack.push_back(m_style);
    m_style |= styles;
}

void FlowBuilder::popStyle()
{
    if (m_styleStack.empty())
        return;
    m_style = m_styleStack.back();
    m_styleStack.pop_back();
}

void FlowBuilder::openLink(AnchorKind kind, int index)
{
    m_block.anchors.push_back({kind, -1, -1, index});
    m_openLinks.push_back({int(m_block.anchors.size()) - 1, true});
}

void FlowBuilder::closeLink()
{
    if (m_openLinks.empty())
        return;
    const OpenLink link = m_openLinks.back();
    m_openLinks.pop_back();
    if (!link.valid)
        return;
    Anchor &a = m_block.anchors[std::size_t(link.anchor)];
    const int len = int(m_text.size());
    if (a.start < 0)
        a.start = len;
    a.end = len;
}

void FlowBuilder::pointAnchor(AnchorKind kind, int index)
{
    // A page break between words stands after the space; a footnote marker stays glued to its word.
    if (kind == AnchorKind::PageBreak)
        materializeSpace();
    const int at = int(m_text.size());
    m_block.anchors.push_back({kind, at, at, index});
}

void FlowBuilder::flush()
{
    m_labelEnd = -1;
    const int len = int(m_text.size());
    for (OpenLink &link : m_openLinks) {
        if (!link.valid)
            continue;
        Anchor &a = m_block.anchors[std::size_t(link.anchor)];
        a.start = a.start < 0 ? len : a.start;
        a.end = len;
        link.valid = false;
    }
    if (m_text.isEmpty()) {
        // Nothing to show yet: what was anchored here belongs at the start of the next block.
        for (Anchor a : m_block.anchors) {
            a.start = a.end = 0;
            m_carried.push_back(a);
        }
        m_block.anchors.clear();
        m_block.styles.clear();
        m_block.cellStarts.clear();
        return;
    }
    while (m_text.endsWith(u'\n') || m_text.endsWith(u'\t'))
        m_text.chop(1);
    const int trimmed = int(m_text.size());
    for (Anchor &a : m_block.anchors) {
        a.start = std::min(a.start, trimmed);
        a.end = std::min(a.end, trimmed);
    }
    for (StyleRun &r : m_block.styles)
        r.end = std::min(r.end, trimmed);
    if (!m_carried.empty()) {
        m_block.anchors.insert(m_block.anchors.begin(), m_carried.begin(), m_carried.end());
        m_carried.clear();
    }
    std::stable_sort(m_block.anchors.begin(), m_block.anchors.end(),
                     [](const Anchor &a, const Anchor &b) { return a.start < b.start; });
    RichText &out = target();
    const int index = int(out.size());
    m_block.labelLength = std::min(m_block.labelLength, trimmed);
    if (m_block.labelLength > 0)
        m_block.label = m_text.left(m_block.labelLength);
    // Built in a reused buffer, stored at its exact size: one allocation per block, no slack.
    m_block.text = QString(m_text.constData(), m_text.size());
    m_text.truncate(0);
    out.push_back(std::move(m_block));
    m_block = Block{};
    placeAnchors(index);
}

void FlowBuilder::placeAnchors(int blockIndex)
{
    const Block &b = target()[std::size_t(blockIndex)];
    for (const Anchor &a : b.anchors) {
        const Location where{m_footnote, blockIndex, a.start};
        const auto i = std::size_t(a.index);
        switch (a.kind) {
        case AnchorKind::FootnoteMarker:
            m_doc->footnotes[i].marker = where;
            break;
        case AnchorKind::CrossReference:
            m_doc->crossReferences[i].where = where;
            break;
        case AnchorKind::PageBreak:
            m_doc->pageBreaks[i].where = where;
            break;
        case AnchorKind::Person:
        case AnchorKind::Term:
            break;
        }
    }
}

void FlowBuilder::finish()
{
    flush();
    if (m_carried.empty())
        return;
    RichText &out = target();
    if (out.empty()) {
        out.push_back(Block{});
    }
    Block &last = out.back();
    const int end = int(last.text.size());
    for (Anchor a : m_carried) {
        a.start = a.end = end;
        last.anchors.push_back(a);
    }
    m_carried.clear();
    placeAnchors(int(out.size()) - 1);
}

} // namespace marginalia

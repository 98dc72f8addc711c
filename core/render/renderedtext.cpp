#include "renderedtext.h"

#include <QTextBlock>

#include <algorithm>

namespace marginalia {

namespace {

using Segment = RenderedText::Segment;
using SegmentIt = std::vector<Segment>::const_iterator;

int segmentEnd(const Segment &s)
{
    return s.position + s.length;
}

// The segments of one flow: the body's (all of them in a body rendering) or one note's, found by its span.
std::pair<SegmentIt, SegmentIt> flowSegments(const RenderedText &r, int footnote)
{
    const auto byPosition = [](const Segment &s, int position) { return s.position < position; };
    if (footnote < 0)
        return {r.segments.begin(), r.segments.end()};
    if (std::size_t(footnote) >= r.notes.size() || !r.notes[std::size_t(footnote)].valid())
        return {r.segments.end(), r.segments.end()};
    const RenderedText::Span span = r.notes[std::size_t(footnote)];
    const auto first = std::lower_bound(r.segments.begin(), r.segments.end(), span.start, byPosition);
    return {first, std::lower_bound(first, r.segments.end(), span.end, byPosition)};
}

} // namespace

int RenderedText::positionOfOffset(int readingOffset, int footnote) const
{
    auto [first, last] = flowSegments(*this, footnote);
    if (first == last || first->footnote != footnote)
        return -1;
    // Within one flow reading offsets grow with positions, so the same order serves both.
    const auto after = std::upper_bound(first, last, readingOffset,
                                        [](int offset, const Segment &s) { return offset < s.readingOffset; });
    if (after == first)
        return first->position;
    const Segment &s = *(after - 1);
    if (readingOffset <= s.readingOffset + s.length)
        return s.position + (readingOffset - s.readingOffset);
    // In a separator the renderer drew as a block break or a table cell: the start of what follows.
    return after != last ? after->position : segmentEnd(s);
}

int RenderedText::positionOfEndOffset(int readingOffset, int footnote) const
{
    auto [first, last] = flowSegments(*this, footnote);
    if (first == last || first->footnote != footnote)
        return -1;
    // The first run reaching `readingOffset`; it ends the passage when the offset lies past its start.
    const auto reaching = std::lower_bound(first, last, readingOffset, [](const Segment &s, int offset) {
        return s.readingOffset + s.length < offset;
    });
    if (reaching != last && reaching->readingOffset < readingOffset)
        return reaching->position + (readingOffset - reaching->readingOffset);
    return positionOfOffset(readingOffset, footnote);
}

RenderedText::Offset RenderedText::offsetOfPosition(int position) const
{
    if (segments.empty() || position < 0)
        return {};
    const auto after = std::upper_bound(segments.begin(), segments.end(), position,
                                        [](int p, const Segment &s) { return p < s.position; });
    if (after == segments.begin())
        return {after->readingOffset, after->footnote};
    const Segment &s = *(after - 1);
    if (position <= segmentEnd(s))
        return {s.readingOffset + (position - s.position), s.footnote};
    // Added text (a marker, a list label, a note's label): a marker belongs to the text before it in
    // its paragraph; a label at a paragraph's start belongs to the text after it.
    const bool sameBlock = document && document->findBlock(position).position() <= segmentEnd(s);
    if (after == segments.end() || sameBlock)
        return {s.readingOffset + s.length, s.footnote};
    return {after->readingOffset, after->footnote};
}

} // namespace marginalia

#include "inlinewalk.h"

#include <QString>

#include <algorithm>
#include <vector>

namespace marginalia {

namespace {

bool isPoint(AnchorKind kind)
{
    return kind == AnchorKind::FootnoteMarker || kind == AnchorKind::PageBreak;
}

// Every offset in (from, to) where the look changes, plus from and to.
std::vector<int> boundaries(const Block &block, int from, int to)
{
    std::vector<int> cuts{from, to};
    const auto add = [&](int at) {
        if (at > from && at < to)
            cuts.push_back(at);
    };
    for (const StyleRun &run : block.styles) {
        add(run.start);
        add(run.end);
    }
    for (const Anchor &a : block.anchors) {
        add(a.start);
        if (!isPoint(a.kind))
            add(a.end);
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    return cuts;
}

InlinePiece lookOf(const Block &block, int start, int end)
{
    InlinePiece piece{start, end};
    for (const StyleRun &run : block.styles) {
        if (run.start <= start && end <= run.end)
            piece.styles |= run.styles;
    }
    for (const Anchor &a : block.anchors) {
        if (isPoint(a.kind) || a.start > start || end > a.end)
            continue;
        if (a.kind == AnchorKind::CrossReference)
            piece.reference = a.index;
        else
            piece.entity = a.index;
    }
    return piece;
}

} // namespace

void walkInline(const Block &block, int from, int to, InlineVisitor &visitor)
{
    from = std::clamp(from, 0, int(block.text.size()));
    to = std::clamp(to, from, int(block.text.size()));
    const std::vector<int> cuts = boundaries(block, from, to);
    auto anchor = block.anchors.begin();
    // Anchors are sorted by start; points before `from` belong to an earlier cell.
    const auto pointsUpTo = [&](int at, bool inclusive) {
        for (; anchor != block.anchors.end() && (anchor->start < at || (inclusive && anchor->start == at)); ++anchor) {
            if (isPoint(anchor->kind) && anchor->start >= from)
                visitor.point(*anchor);
        }
    };
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
        pointsUpTo(cuts[i], true);
        visitor.text(lookOf(block, cuts[i], cuts[i + 1]));
    }
    pointsUpTo(to, true);
}

bool saysIbid(const RichText &content)
{
    return plainText(content).contains(QLatin1String("ibid"), Qt::CaseInsensitive);
}

QString sanitizedForTextDocument(QStringView text)
{
    QString out = text.toString();
    for (QChar &c : out) {
        switch (c.unicode()) {
        case u'\n': // a <lb/>: a line break inside the block, one character as in the reading text
            c = QChar(QChar::LineSeparator);
            break;
        case u'\r':
        case u'\t':
        case 0x2028: // line separator
        case 0x2029: // paragraph separator: QTextDocument's own block separator
        case 0xfdd0: // QTextBeginningOfFrame
        case 0xfdd1: // QTextEndOfFrame
            c = QLatin1Char(' ');
            break;
        case 0xfffc: // QChar::ObjectReplacementCharacter would ask for an inline object
            c = QChar(QChar::ReplacementCharacter);
            break;
        default:
            break;
        }
    }
    return out;
}

} // namespace marginalia

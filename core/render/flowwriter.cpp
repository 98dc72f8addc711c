#include "flowwriter.h"

#include "documentrenderer.h"
#include "inlinewalk.h"
#include "links.h"
#include "model/documentnumber.h"
#include "model/volume.h"
#include "util/plaintext.h"

#include <QTextTable>

#include <algorithm>

namespace marginalia {

namespace {

// The offset of each block in the flow's reading text, as ReadingText and plainText() lay it out.
std::vector<int> blockStarts(const RichText &flow)
{
    std::vector<int> starts;
    starts.reserve(flow.size());
    int at = 0;
    for (const Block &b : flow) {
        starts.push_back(at);
        at += int(b.text.size()) + 2; // "\n\n"
    }
    return starts;
}

// [start, end) of each cell of a table row: the '\t' between cells belongs to no cell.
std::vector<std::pair<int, int>> cellRanges(const Block &row)
{
    const int size = int(row.text.size());
    if (row.cellStarts.empty())
        return {{0, size}};
    std::vector<std::pair<int, int>> cells;
    for (std::size_t i = 0; i < row.cellStarts.size(); ++i) {
        const int start = std::clamp(row.cellStarts[i], 0, size);
        const int next = i + 1 < row.cellStarts.size() ? row.cellStarts[i + 1] - 1 : size;
        cells.emplace_back(start, std::clamp(next, start, size));
    }
    return cells;
}

} // namespace

FlowWriter::FlowWriter(const Volume &volume, const Document &doc, const RenderStyle &style, RenderedText &out)
    : m_volume(volume), m_doc(doc), m_style(style), m_out(out), m_cursor(out.document.get())
{
    m_out.markers.assign(doc.footnotes.size(), {});
    m_out.pageBreaks.assign(doc.pageBreaks.size(), -1);
}

void FlowWriter::startBlock(const QTextBlockFormat &block, const QTextCharFormat &chars)
{
    if (m_blockPending) {
        m_cursor.setBlockFormat(block);
        m_cursor.setBlockCharFormat(chars);
        m_blockPending = false;
    } else {
        m_cursor.insertBlock(block, chars);
    }
}

void FlowWriter::insertAdded(const QString &text, const QTextCharFormat &format)
{
    m_cursor.insertText(text, format);
}

void FlowWriter::insertDocumentNumber(const Block &heading, const QTextCharFormat &format)
{
    // Old volumes' heads carry no number ("The Ambassador in Chile (Sevier) to …"); the reader still
    // wants to see which document this is, as the library and the citation call it.
    const QString number = normalDocumentNumber(m_doc.number);
    if (number.isEmpty() || ownNumberLength(heading.text, number) > 0)
        return;
    insertAdded(sanitizedForTextDocument(number) + QStringLiteral(". "), format);
}

void FlowWriter::writeFlow(const RichText &flow, int footnote, qreal indent, const QString &label)
{
    const std::vector<int> starts = blockStarts(flow);
    for (std::size_t i = 0; i < flow.size();) {
        const Block &block = flow[i];
        if (block.kind == BlockKind::TableRow) {
            if (i == 0 && !label.isEmpty()) { // a note that opens with a table still shows its label
                startBlock(baseBlockFormat(m_style), baseCharFormat(m_style));
                insertAdded(label, styledFormat(baseCharFormat(m_style), Bold));
            }
            i = writeTable(flow, i, starts, footnote, indent);
            continue;
        }
        BlockLook look = blockLook(block, m_style);
        const bool labelled = i == 0 && !label.isEmpty();
        const qreal labelWidth = label.isEmpty() ? 0 : noteLabelWidth(m_style);
        if (labelled)
            setHangingIndent(look.block, indent, labelWidth);
        else
            look.block.setLeftMargin(look.block.leftMargin() + indent + labelWidth);
        startBlock(look.block, look.chars);
        if (labelled)
            insertAdded(label + QLatin1Char('\t'), styledFormat(look.chars, Bold));
        if (footnote < 0 && i == 0 && block.kind == BlockKind::Heading)
            insertDocumentNumber(block, look.chars);
        int from = 0;
        if (block.kind == BlockKind::ListItem && block.labelLength > 0) {
            // The label is reading text of its own styles; the tab that hangs it stands for its space.
            writeInline(block, 0, block.labelLength, starts[i], footnote, look.chars);
            insertAdded(QStringLiteral("\t"), look.chars);
            from = block.labelLength;
            if (from < int(block.text.size()) && block.text.at(from) == u' ')
                ++from;
        }
        writeInline(block, from, int(block.text.size()), starts[i], footnote, look.chars);
        ++i;
    }
}

std::size_t FlowWriter::writeTable(const RichText &flow, std::size_t first, const std::vector<int> &starts,
                                   int footnote, qreal indent)
{
    std::size_t last = first;
    int columns = 1;
    while (last < flow.size() && flow[last].kind == BlockKind::TableRow) {
        columns = std::max(columns, int(std::max<std::size_t>(1, flow[last].cellStarts.size())));
        ++last;
    }
    QTextTableFormat format = tableFormat(m_style);
    format.setLeftMargin(indent);
    int headerRows = 0;
    while (first + std::size_t(headerRows) < last && flow[first + std::size_t(headerRows)].hasFlag(HeaderRow))
        ++headerRows;
    format.setHeaderRowCount(headerRows);
    QTextTable *table = m_cursor.insertTable(int(last - first), columns, format);
    for (std::size_t r = first; r < last; ++r) {
        const Block &row = flow[r];
        const BlockLook look = blockLook(row, m_style);
        const auto cells = cellRanges(row);
        for (std::size_t c = 0; c < cells.size() && int(c) < columns; ++c) {
            // Cells are filled in document order, so every position recorded before stays put.
            m_cursor = table->cellAt(int(r - first), int(c)).firstCursorPosition();
            m_cursor.setBlockCharFormat(look.chars);
            writeInline(row, cells[c].first, cells[c].second, starts[r], footnote, look.chars);
        }
    }
    m_cursor = table->lastCursorPosition();
    m_cursor.movePosition(QTextCursor::NextBlock);
    m_blockPending = true; // the empty paragraph Qt keeps after every table
    return last;
}

void FlowWriter::writeInline(const Block &block, int from, int to, int readingStart, int footnote,
                             const QTextCharFormat &chars)
{
    class Visitor : public InlineVisitor {
    public:
        Visitor(FlowWriter &w, const Block &b, int start, int fn, const QTextCharFormat &base)
            : m_w(w), m_block(b), m_start(start), m_footnote(fn), m_base(base) {}
        void point(const Anchor &anchor) override
        {
            if (anchor.kind == AnchorKind::FootnoteMarker)
                m_w.insertMarker(anchor.index, m_base);
            else if (anchor.index >= 0 && std::size_t(anchor.index) < m_w.m_out.pageBreaks.size())
                m_w.m_out.pageBreaks[std::size_t(anchor.index)] = m_w.position();
        }
        void text(const InlinePiece &p) override
        {
            const QString text = sanitizedForTextDocument(QStringView(m_block.text).mid(p.start, p.end - p.start));
            m_w.insertReading(text, m_w.pieceFormat(m_base, p.styles, p.reference, p.entity), m_start + p.start,
                              m_footnote);
        }

    private:
        FlowWriter &m_w;
        const Block &m_block;
        int m_start;
        int m_footnote;
        const QTextCharFormat &m_base;
    };
    Visitor visitor(*this, block, readingStart, footnote, chars);
    walkInline(block, from, to, visitor);
}

void FlowWriter::insertReading(const QString &text, const QTextCharFormat &format, int readingOffset, int footnote)
{
    if (text.isEmpty())
        return;
    const int at = m_cursor.position();
    m_cursor.insertText(text, format);
    auto &segments = m_out.segments;
    const int length = int(text.size());
    if (!segments.empty()) {
        RenderedText::Segment &prev = segments.back();
        if (prev.footnote == footnote && prev.position + prev.length == at
            && prev.readingOffset + prev.length == readingOffset) {
            prev.length += length; // a change of style only: keep one run
            return;
        }
    }
    segments.push_back({at, readingOffset, length, footnote});
}

void FlowWriter::insertMarker(int footnote, const QTextCharFormat &base)
{
    if (footnote < 0 || std::size_t(footnote) >= m_doc.footnotes.size())
        return;
    const QString &label = m_doc.footnotes[std::size_t(footnote)].label;
    QTextCharFormat format = base;
    format.setVerticalAlignment(QTextCharFormat::AlignSuperScript);
    format.setForeground(QBrush(m_style.link));
    format.setAnchor(true);
    format.setAnchorHref(linkUrl({LinkTarget::Footnote, footnote, {}}).toString());
    // A word joiner (added text, not reading text) keeps the marker on the line of the word before it.
    m_cursor.insertText(QString(QChar(0x2060)), base);
    RenderedText::Span span;
    span.start = m_cursor.position();
    m_cursor.insertText(label.isEmpty() ? QStringLiteral("*") : sanitizedForTextDocument(label), format);
    span.end = m_cursor.position();
    m_out.markers[std::size_t(footnote)] = span;
}

QTextCharFormat FlowWriter::pieceFormat(const QTextCharFormat &base, std::uint8_t styles, int reference,
                                        int entity) const
{
    QTextCharFormat format = styledFormat(base, styles);
    if (entity >= 0 && std::size_t(entity) < m_doc.entities.size()) {
        const EntityRef &ref = m_doc.entities[std::size_t(entity)];
        // Only a name the volume's lists explain is marked: an underline that leads nowhere is a promise broken.
        const QString tooltip = glossaryTooltip(m_volume, ref);
        if (!tooltip.isEmpty()) {
            format.setUnderlineStyle(ref.kind == EntityRef::Person ? QTextCharFormat::DotLine
                                                                   : QTextCharFormat::SingleUnderline);
            format.setUnderlineColor(m_style.entityUnderline);
            format.setToolTip(plainTooltip(tooltip)); // a name from the document, never markup
            format.setAnchor(true);
            format.setAnchorHref(
                linkUrl({ref.kind == EntityRef::Person ? LinkTarget::Person : LinkTarget::Term, -1, ref.id}).toString());
        }
    }
    if (reference >= 0 && std::size_t(reference) < m_doc.crossReferences.size()) {
        format.setForeground(QBrush(m_style.link));
        format.setAnchor(true);
        format.setAnchorHref(linkUrl({LinkTarget::Reference, reference, {}}).toString());
    }
    return format;
}

} // namespace marginalia

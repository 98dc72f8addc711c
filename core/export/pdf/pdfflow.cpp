#include "pdfflow.h"

#include <QAbstractTextDocumentLayout>
#include <QImage>
#include <QTextBlock>
#include <QTextLayout>
#include <QTextTable>

#include <algorithm>

namespace marginalia {

namespace {

// How far ink may reach past a line's box (accents, a table's border): kept inside the first and last slice.
constexpr double kInkPad = 12;
// Half the gap between the clips of two slices of a section.
constexpr double kCutGap = 0.05;
// A destination opens a little above its line, so the line is not glued to the viewer's edge.
constexpr double kDestinationPad = 6;

// US Letter: FRUS is a US series, and its readers print on Letter.
constexpr double kPageWidth = 612;
constexpr double kPageHeight = 792;
constexpr double kLeftMargin = 96;  // one inch and a third: room for "[Page 704]"
constexpr double kRightMargin = 84; // room for the annotations' numbers
constexpr double kTopMargin = 66;
constexpr double kBottomMargin = 72;

} // namespace

PageFrame PageFrame::letter()
{
    PageFrame frame;
    frame.page = QSizeF(kPageWidth, kPageHeight);
    frame.text = QRectF(kLeftMargin, kTopMargin, kPageWidth - kLeftMargin - kRightMargin,
                        kPageHeight - kTopMargin - kBottomMargin);
    frame.footerBaseline = kPageHeight - 40;
    return frame;
}

namespace {

QImage deviceOf(int dpi)
{
    QImage image(1, 1, QImage::Format_RGB32);
    const int dotsPerMeter = qRound(dpi / 0.0254);
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    return image;
}

} // namespace

QPaintDevice *layoutDevice()
{
    static QImage device = deviceOf(96);
    return &device;
}

QPaintDevice *pointDevice()
{
    static QImage device = deviceOf(72);
    return &device;
}

FlowSection::FlowSection(std::unique_ptr<QTextDocument> document, const QRectF &column)
    : m_document(std::move(document)), m_left(column.left()), m_width(column.width())
{
    m_document->documentLayout()->setPaintDevice(layoutDevice());
    // Qt shapes letters that are spaced without ligatures, and 1/64 pixel is spacing nobody sees: an "ff"
    // ligature would reach the PDF as U+FB00, and neither a search for "effort" nor pdftotext would find it.
    QFont font = m_document->defaultFont();
    font.setLetterSpacing(QFont::AbsoluteSpacing, 1.0 / 64);
    m_document->setDefaultFont(font);
    // Unhinted advances: the glyphs land in the PDF where the layout measured them, at any zoom.
    m_document->setUseDesignMetrics(true);
    m_document->setDocumentMargin(0);
    m_document->setTextWidth(m_width / kPointsPerPixel);
    m_height = m_document->documentLayout()->documentSize().height(); // lays the whole document out
    measureBands();
}

void FlowSection::addBlockBands(const QTextBlock &block, std::vector<Band> &bands) const
{
    // Asked first: it lays the block out if the layout has not come this far yet.
    const double top = m_document->documentLayout()->blockBoundingRect(block).top();
    const QTextLayout *text = block.layout();
    if (!text || !block.isVisible() || text->lineCount() == 0)
        return;
    if (qobject_cast<QTextTable *>(m_document->frameAt(block.position()))) {
        // A cell's lines stay together: overlapping cells merge into their row, which is never cut.
        const QTextLine last = text->lineAt(text->lineCount() - 1);
        bands.push_back({top, top + last.y() + last.height(), block.blockNumber(), false});
        return;
    }
    for (int i = 0; i < text->lineCount(); ++i) {
        const QTextLine line = text->lineAt(i);
        bands.push_back({top + line.y(), top + line.y() + line.height(), block.blockNumber(), i > 0});
    }
}

void FlowSection::measureBands()
{
    std::vector<Band> lines;
    for (QTextBlock block = m_document->begin(); block.isValid(); block = block.next())
        addBlockBands(block, lines);
    // Table cells come cell by cell, so their tops go back up: sort, then merge what overlaps.
    std::stable_sort(lines.begin(), lines.end(), [](const Band &a, const Band &b) { return a.top < b.top; });
    for (const Band &line : lines) {
        if (!m_bands.empty() && line.top < m_bands.back().bottom - 0.5)
            m_bands.back().bottom = std::max(m_bands.back().bottom, line.bottom);
        else
            m_bands.push_back(line);
    }
}

std::pair<int, double> FlowSection::toPage(double documentY) const
{
    if (m_slices.empty())
        return {0, 0};
    auto after = std::upper_bound(m_slices.begin(), m_slices.end(), documentY,
                                  [](double y, const Slice &s) { return y < s.clipTop; });
    const Slice &slice = after == m_slices.begin() ? *after : *(after - 1);
    return {slice.page, slice.pageY + (documentY - slice.anchorY) * kPointsPerPixel};
}

void FlowSection::lineRects(int from, int to, const std::function<void(int, const QRectF &)> &visit) const
{
    if (!m_document || from >= to)
        return;
    QAbstractTextDocumentLayout *layout = m_document->documentLayout();
    for (QTextBlock block = m_document->findBlock(from); block.isValid() && block.position() < to;
         block = block.next()) {
        const QTextLayout *text = block.layout();
        const int start = std::max(from, block.position()) - block.position();
        const int end = std::min(to, block.position() + block.length() - 1) - block.position();
        if (!text || start >= end || text->lineCount() == 0)
            continue;
        const QString chars = block.text();
        const QPointF origin = layout->blockBoundingRect(block).topLeft();
        for (int i = text->lineForTextPosition(start).lineNumber(); i >= 0 && i < text->lineCount(); ++i) {
            const QTextLine line = text->lineAt(i);
            if (line.textStart() >= end)
                break;
            int a = std::max(start, line.textStart());
            int b = std::min(end, line.textStart() + line.textLength());
            while (a < b && chars.at(a).isSpace())
                ++a;
            while (b > a && chars.at(b - 1).isSpace())
                --b;
            if (a >= b)
                continue;
            const double x1 = line.cursorToX(a);
            const double x2 = line.cursorToX(b);
            const auto [page, y] = toPage(origin.y() + line.y());
            visit(page, QRectF(m_left + (origin.x() + std::min(x1, x2)) * kPointsPerPixel, y,
                               std::abs(x2 - x1) * kPointsPerPixel, (line.ascent() + line.descent()) * kPointsPerPixel));
        }
    }
}

PdfGeometry::Destination FlowSection::destination(int position) const
{
    const auto [page, y] = baseline(position);
    const QTextBlock block = m_document ? m_document->findBlock(position) : QTextBlock();
    double ascent = 0;
    if (block.isValid() && block.layout() && block.layout()->lineCount() > 0)
        ascent = block.layout()->lineForTextPosition(std::max(0, position - block.position())).ascent();
    return {page, std::max(0.0, y - ascent * kPointsPerPixel - kDestinationPad)};
}

PdfGeometry::Destination FlowSection::start() const
{
    const double top = m_bands.empty() ? 0 : m_bands.front().top;
    const auto [page, y] = toPage(top);
    return {page, std::max(0.0, y - kDestinationPad)};
}

std::pair<int, double> FlowSection::baseline(int position) const
{
    if (!m_document)
        return {0, 0};
    const QTextBlock block = m_document->findBlock(position);
    if (!block.isValid() || !block.layout() || block.layout()->lineCount() == 0)
        return toPage(m_document->documentLayout()->blockBoundingRect(block).top());
    const QTextLine line = block.layout()->lineForTextPosition(std::max(0, position - block.position()));
    const QTextLine valid = line.isValid() ? line : block.layout()->lineAt(block.layout()->lineCount() - 1);
    return toPage(m_document->documentLayout()->blockBoundingRect(block).top() + valid.y() + valid.ascent());
}

void Paginator::newPage()
{
    ++m_page;
    m_y = m_frame.text.top();
    m_pageEmpty = true;
}

void Paginator::breakPage()
{
    if (!m_pageEmpty)
        newPage();
}

namespace {

// Where to break when band `i` no longer fits: before it, unless that leaves one line alone at the top
// of the next page (a section's last line — a signature — or a paragraph's last line); then a line
// earlier, so that it has company, as long as the page keeps something of the section.
std::size_t breakBefore(const std::vector<FlowSection::Band> &bands, std::size_t i, std::size_t first)
{
    const bool lastOfSection = i + 1 == bands.size();
    const bool lastOfBlock = lastOfSection || bands[i + 1].block != bands[i].block;
    if ((lastOfSection || (bands[i].midBlock && lastOfBlock)) && i - 1 > first)
        return i - 1;
    return i;
}

} // namespace

void Paginator::place(FlowSection &section, double spaceBefore, double keep)
{
    const auto &bands = section.bands();
    auto &slices = section.slices();
    slices.clear();
    if (!m_pageEmpty)
        m_y += spaceBefore;
    if (bands.empty()) { // nothing to draw, but a place to point at
        slices.push_back({m_page, 0, m_y, -kInkPad, kInkPad});
        return;
    }
    const double firstLine = bands.front().bottom * kPointsPerPixel;
    if (!m_pageEmpty && m_y + std::max(keep, firstLine) > m_frame.text.bottom())
        newPage();
    // At a page's top the section starts with its first line; below other text, with its own top margin.
    FlowSection::Slice slice{m_page, m_pageEmpty ? bands.front().top : 0, m_y, -kInkPad, 0};
    std::size_t first = 0;
    for (std::size_t i = 0; i < bands.size(); ++i) {
        const double bottom = slice.pageY + (bands[i].bottom - slice.anchorY) * kPointsPerPixel;
        if (i == first || bottom <= m_frame.text.bottom() + 0.01)
            continue;
        const std::size_t at = breakBefore(bands, i, first);
        const double cut = (bands[at - 1].bottom + bands[at].top) / 2;
        // QTextLayout draws every line that touches its clip: the two sides of a cut must not meet.
        slice.clipBottom = cut - kCutGap;
        slices.push_back(slice);
        newPage();
        slice = {m_page, bands[at].top, m_y, cut + kCutGap, 0, bands[at].midBlock ? bands[at].block : -1};
        first = at;
    }
    slice.clipBottom = std::max(bands.back().bottom, section.height()) + kInkPad;
    slices.push_back(slice);
    m_y = slice.pageY + (bands.back().bottom - slice.anchorY) * kPointsPerPixel;
    m_pageEmpty = false;
}

double leadingHeight(const FlowSection &section, std::size_t lines)
{
    const auto &bands = section.bands();
    if (bands.empty() || lines == 0)
        return 0;
    return bands[std::min(lines, bands.size()) - 1].bottom * kPointsPerPixel;
}

} // namespace marginalia

#pragma once

// Internal to the PDF composer: laid-out QTextDocuments stacked onto pages, and the maps from document
// positions to page rectangles that the PDF objects need.

#include "pdfgeometry.h"

#include <QRectF>
#include <QTextDocument>

#include <functional>
#include <memory>
#include <vector>

class QImage;
class QTextBlock;

namespace marginalia {

// The page and where text may go on it, in points with the origin at the top-left.
struct PageFrame {
    QSizeF page;
    QRectF text; // the text column; the gutters lie left and right of it
    double footerBaseline = 0;

    static PageFrame letter();
};

// QTextDocuments are laid out in the 96-dpi pixels the renderer's spacing assumes; the PDF is in points.
constexpr double kPointsPerPixel = 72.0 / 96.0;

// A device QTextDocument layouts are measured against: 96 dpi, whatever screen the process has (the
// offscreen platform reports 100), so a PDF lays out the same everywhere.
QPaintDevice *layoutDevice();
// A 72-dpi device: what the composer draws itself is measured against it, in points.
QPaintDevice *pointDevice();

// One laid-out QTextDocument and the pieces of it that went onto pages. A slice shows the document
// between clipTop and clipBottom (document pixels) with the document's y = anchorY at the page's y = pageY.
class FlowSection {
public:
    struct Slice {
        int page = 0;
        double anchorY = 0;
        double pageY = 0;
        double clipTop = 0;
        double clipBottom = 0;
        // The paragraph the slice begins inside of (its first lines are on the page before), or -1.
        int splitBlock = -1;
    };
    // What may not be cut: a line, or a table's row (its cells stand side by side). In document pixels.
    struct Band {
        double top = 0;
        double bottom = 0;
        int block = -1;        // the block of its first line
        bool midBlock = false; // that line is not its block's first, and the block is no table cell
    };

    // Takes the document and lays it out as wide as `column` (points), whose left edge it is drawn at.
    FlowSection(std::unique_ptr<QTextDocument> document, const QRectF &column);

    QTextDocument *document() const { return m_document.get(); }
    const std::vector<Band> &bands() const { return m_bands; }
    double left() const { return m_left; }
    double width() const { return m_width; }
    double height() const { return m_height; } // document pixels
    std::vector<Slice> &slices() { return m_slices; }
    const std::vector<Slice> &slices() const { return m_slices; }
    bool placed() const { return !m_slices.empty(); }

    // The page and the page y of a document y.
    std::pair<int, double> toPage(double documentY) const;
    // The rectangles of the lines holding [from, to), tight to their glyphs, in page coordinates, in
    // order; whitespace at a line's ends is left out.
    void lineRects(int from, int to, const std::function<void(int page, const QRectF &)> &visit) const;
    // Where a destination showing `position`'s line should open.
    PdfGeometry::Destination destination(int position) const;
    // The top of the section.
    PdfGeometry::Destination start() const;
    // The baseline of the line holding `position`: page and page y.
    std::pair<int, double> baseline(int position) const;
    // Frees the document once every slice is painted.
    void release() { m_document.reset(); }
    // The export's document the section belongs to (an index into the composition's parts); -1: none.
    int owner() const { return m_owner; }
    void setOwner(int owner) { m_owner = owner; }

private:
    void measureBands();
    void addBlockBands(const QTextBlock &block, std::vector<Band> &bands) const;

    std::unique_ptr<QTextDocument> m_document;
    double m_left = 0;
    double m_width = 0;
    double m_height = 0;
    int m_owner = -1;
    std::vector<Band> m_bands;
    std::vector<Slice> m_slices;
};

// Places sections one after the other onto pages, breaking only between lines.
class Paginator {
public:
    explicit Paginator(const PageFrame &frame) : m_frame(frame), m_y(frame.text.top()) {}

    // Puts `section` after what is placed, `spaceBefore` points below it (none at a page's top). When
    // less than `keep` points of it (at least its first line) fit on this page, it starts a new one.
    void place(FlowSection &section, double spaceBefore, double keep = 0);
    // The next section starts on a new page (unless this one is still empty).
    void breakPage();
    // Points left on the current page.
    double roomLeft() const { return m_frame.text.bottom() - m_y; }
    int pageCount() const { return m_page + 1; }
    int currentPage() const { return m_page; }

private:
    void newPage();

    PageFrame m_frame;
    int m_page = 0;
    double m_y = 0; // page y where the next line may start
    bool m_pageEmpty = true;
};

// The height in points of a section's first `lines` lines (with what lies between them).
double leadingHeight(const FlowSection &section, std::size_t lines);

} // namespace marginalia

#pragma once

// Internal to the PDF composer: everything laid out, before it is painted. The composer (pdfcomposer.cpp)
// renders and places the sections, pdfmarks.cpp works out what lies where (PdfGeometry, highlights,
// margin labels), pdfpagepainter.cpp paints each page from its plan.

#include "annotation/anchoredannotation.h"
#include "pdfcomposer.h"
#include "pdfflow.h"
#include "pdfsections.h"
#include "render/renderedtext.h"

#include <QColor>
#include <QFont>
#include <QStringList>

#include <map>
#include <memory>
#include <optional>
#include <vector>

class QPaintDevice;

namespace marginalia {

class Library;
struct Document;

// Text the composer draws itself, outside the text column or over it: "[Page 704]", an annotation's
// number, a page number of the contents.
struct PageText {
    QString text;
    QRectF rect; // page coordinates; the text's box (ascent to descent)
    Qt::Alignment align = Qt::AlignLeft;
    double pointSize = 8;
    bool bold = false;
    QColor ink;
    QColor box; // filled behind the text when valid
    // Drawn as shapes rather than text: a margin number would otherwise read, in extracted text, as a
    // word of the line beside it.
    bool shapes = false;
};

struct PagePlan {
    std::vector<std::pair<FlowSection *, std::size_t>> slices; // section and index of its slice
    std::vector<PageText> texts;
    QString footer; // what the page shows: the document's citation, or the export's title
};

// One document of the export, rendered and placed.
struct PartLayout {
    const PdfDocumentPart *part = nullptr;
    const Document *doc = nullptr;
    QString citation;     // "FRUS 1961–63, vol. IX, Doc. 317"
    QString volumeName;   // "FRUS 1961–63, vol. IX"
    QString outlineTitle; // "317. Letter From …"
    RenderedText body;  // its document moved into `bodySection`
    RenderedText notes; // its document moved into `notesSection`
    std::vector<RenderedLink> bodyLinks;
    std::vector<RenderedLink> noteLinks;
    std::vector<AnchoredAnnotation> annotations; // in the order they are numbered
    std::vector<TextSpan> entryLabels;           // in `annotationsSection`, like `annotations`
    FlowSection *caption = nullptr;
    FlowSection *bodySection = nullptr;
    FlowSection *notesHeading = nullptr;
    FlowSection *notesSection = nullptr;
    FlowSection *annotationsHeading = nullptr;
    FlowSection *annotationsSection = nullptr;
};

struct Composition {
    Composition(const Library &library, const PdfComposeOptions &options);

    // A section for `document`, laid out in the text column, belonging to part `owner`; the composition
    // owns it.
    FlowSection &add(std::unique_ptr<QTextDocument> document, int owner = -1);
    // The part showing document `document` of volume `volume`; -1 when it is not in the export.
    int partOf(int volume, int document) const;
    // The plan of `page`, made when first asked for.
    PagePlan &plan(int page);
    // The font of what the composer draws itself, measured at 72 dpi (points).
    QFont font(double pointSize, bool bold) const;
    double textWidth(const QString &text, const QFont &font) const;

    const Library &library;
    const PdfComposeOptions &options;
    RenderStyle style;
    PageFrame frame;
    Paginator paginator;
    std::vector<std::unique_ptr<FlowSection>> sections; // in the order they were placed
    std::vector<PartLayout> parts;
    FlowSection *contents = nullptr;
    std::vector<TextSpan> contentsEntries; // like `parts`
    std::map<std::pair<int, int>, int> partIndex; // (volume, document) → index in `parts`
    std::map<QString, int> partByKey;             // document key → index in `parts` (the first with it)
    const std::vector<PdfDocumentPart> *sourceParts = nullptr; // what `parts` are made from, like them
    std::vector<PagePlan> pages;
    PdfGeometry geometry;

    // A passage the index of tags points at.
    struct TaggedPassage {
        QStringList tags;
        PdfGeometry::Destination at;
    };
    std::vector<TaggedPassage> tagged;
    // The last margin label placed, so that the next one on its line moves aside.
    struct LastMark {
        int page = -1;
        QRectF rect;
    };
    LastMark lastNumber; // right margin
    LastMark lastLabel;  // left margin
};

// Where a link the renderer made leads in this PDF (pdflinks.cpp): a place in it (the part `part`'s
// caption, note, marker or printed page `index`), a history.state.gov page, or nowhere.
struct LinkPlace {
    enum Kind { Nowhere, Caption, Note, Marker, PageBreak, Web } kind = Nowhere;
    int part = -1;
    int index = -1;
    QString uri; // Web
};
// Decided from the rendered documents alone, before any is placed, so that a link leading nowhere can
// lose its colour before it is laid out; `p` needs its document, body and notes.
LinkPlace linkPlace(const Composition &composition, const PartLayout &p, const LinkTarget &link);
// The destination of a place in the file, once every part is placed.
std::optional<PdfGeometry::Destination> destinationOf(const Composition &composition, const LinkPlace &place);
// Gives the links of `document` that lead nowhere the colour of the text around them.
void unlinkStyle(QTextDocument &document, const std::vector<RenderedLink> &links, const Composition &composition,
                 const PartLayout &p);
// "https://history.state.gov/historicaldocuments/frus1961-63v09/d316": the page of an id of a volume (a
// note's is its document's), or the volume's own when `id` is empty; empty for ids that are no plain
// names (the only web addresses a PDF links to are these).
QString historyPageUrl(const QString &volumeId, const QString &id);

// What lies where on the pages, once every part is placed: highlights, the annotations'
// numbers in the right margin, "[Page 704]" in the left one, the internal links and the outline.
void markPart(Composition &composition, PartLayout &part);
// The page numbers of the contents and their links.
void markContents(Composition &composition);
// Lays out and places the index of tags (at the end) and links its page numbers.
void addTagIndex(Composition &composition);

// Draws the small capitals of every section in a marker shade and records them (pdfsmallcaps.cpp).
void markSmallCaps(Composition &composition);

// Paints `page` of the composition with `painter` (in points) and frees the sections it finishes.
void paintPage(QPainter &painter, Composition &composition, int page);

} // namespace marginalia

#pragma once

#include <QColor>
#include <QDateTime>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <vector>

namespace marginalia {

// What the composer placed where, for the PDF objects that QPdfWriter cannot write (highlights, internal
// links, outline). Rectangles are in PDF points with the origin at the TOP-LEFT of the page (y down);
// pdfobjects converts to PDF user space. Pages are 0-based.
struct PdfGeometry {
    struct Destination {
        int page = 0;
        double y = 0; // top of what the destination shows
    };
    // A link: a footnote marker, a note's back link, "Document 316" (in the file, or on history.state.gov
    // when it is not), a table-of-contents or index entry, an annotation's margin number.
    struct Link {
        int page = 0;
        QRectF rect;
        Destination target;
        QString uri; // when set, a web page (history.state.gov) instead of `target`
    };
    // A passage an annotation covers: one rectangle per line, tight around its glyphs.
    struct Highlight {
        QString id; // the annotation's uuid → /NM
        int page = 0;
        std::vector<QRectF> lines;
        QColor color;     // → /C
        QString contents; // the note and the tags → /Contents
        QString author;   // → /T
        QString modified; // ISO 8601
    };
    struct OutlineEntry {
        QString title;
        Destination target;
        int level = 0; // 0: a document; 1: within it (its notes, its annotations)
    };

    // A named destination ("d317", "d317fn3"), so that "file.pdf#d317" opens there.
    struct Name {
        QString name;
        Destination target;
    };

    // A piece of small capitals on one line (Qt draws them as capitals of two sizes): its text as
    // written, for /ActualText, and the colour it was drawn in, a shade (`marker`) off its own (`color`)
    // so that the PDF step can find its glyphs.
    struct SmallCaps {
        int page = 0;
        QString text;
        QRgb marker = 0;
        QRgb color = 0;
    };

    QSizeF pageSize; // points
    int pageCount = 0;
    std::vector<Link> links;
    std::vector<Highlight> highlights; // a passage across a page break gives one per page
    std::vector<OutlineEntry> outline;
    std::vector<Name> names; // in file order; a name given twice leads to its first place
    std::vector<SmallCaps> smallCaps; // page by page, in the order each page paints them
    QString title;
    QString subject;
    QStringList keywords; // the tags
    QString source;       // the history.state.gov page of what is exported (a document, a volume), or empty
    QDateTime date;       // when it was made: creation and modification date
};

} // namespace marginalia

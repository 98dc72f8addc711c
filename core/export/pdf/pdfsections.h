#pragma once

// Internal to the PDF composer: the QTextDocuments it adds around the renderer's (captions, section
// headings, the list of annotations, the contents and the index of tags), and the removal of the
// renderer's links before QPdfWriter sees them.

#include "render/links.h"
#include "render/renderstyle.h"

#include <QColor>
#include <QStringList>
#include <QTextDocument>

#include <memory>
#include <vector>

namespace marginalia {

// [start, end) in a QTextDocument.
struct TextSpan {
    int start = 0;
    int end = 0;
};

// A link the renderer made: its text and where it leads.
struct RenderedLink {
    TextSpan span;
    LinkTarget target;
};

// Takes the renderer's anchors out of `document` and returns them. QPdfEngine turns every anchor it
// draws into a /URI link, and the renderer's private-scheme URLs must never reach a PDF: the composer
// makes the internal links itself from what this returns.
std::vector<RenderedLink> takeLinks(QTextDocument &document);

// "FRUS 1961–63, vol. IX, Doc. 317", small and muted, above the renderer's heading of the document.
std::unique_ptr<QTextDocument> captionDocument(const QString &caption, const RenderStyle &style);
// One paragraph of plain text in the reading face ("Cite as": the document's full citation).
std::unique_ptr<QTextDocument> paragraphDocument(const QString &text, const RenderStyle &style);
// The heading of a part of a document ("Notes", "Annotations") or of the export ("Contents").
std::unique_ptr<QTextDocument> headingDocument(const QString &text, const RenderStyle &style, qreal scale);

struct AnnotationEntry {
    QString quote;
    QString note;
    QStringList tags;
    QString citation;
    QColor color;
};

// A list whose entries the composer links: the span of each entry's label (or title).
struct ListDocument {
    std::unique_ptr<QTextDocument> document;
    std::vector<TextSpan> labels;
};

// The annotations of a document: "1." on the annotation's colour, the quote, the note, the tags and the
// citation with its page.
ListDocument annotationsDocument(const std::vector<AnnotationEntry> &entries, const RenderStyle &style);

struct ContentsEntry {
    QString group; // the volume: a muted line whenever it changes
    QString title; // "317. Letter From …"
};

// The table of contents: one paragraph per document, with room on the right for the page number the
// composer draws once every page is known.
ListDocument contentsDocument(const QString &title, const std::vector<ContentsEntry> &entries,
                              const RenderStyle &style);
// The right margin contentsDocument leaves for page numbers, in points.
double contentsNumberWidth();

struct IndexEntry {
    QString tag;
    std::vector<int> pages; // 0-based, ascending, distinct
};

// The index of tags: each tag, then its page numbers; `numbers` holds the span of every number, in order.
struct IndexDocument {
    std::unique_ptr<QTextDocument> document;
    std::vector<std::vector<TextSpan>> numbers;
};
IndexDocument indexDocument(const std::vector<IndexEntry> &entries, const RenderStyle &style);

} // namespace marginalia

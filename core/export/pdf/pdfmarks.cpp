// What lies where, once every section is placed: the geometry pdfobjects turns into PDF objects, and the

#include "util/translate.h"
// marks the pages show besides the text (numbers and labels in the margins). A passage's colour is its
// /Highlight annotation's alone: painted into the page too, it would stay when the annotation is hidden
// or deleted.

#include "library/library.h"
#include "pdfcomposition.h"

#include <QCoreApplication>
#include <QFontMetricsF>

#include <map>

namespace marginalia {

namespace {

constexpr double kMarginFontSize = 7.5;
constexpr double kLabelFontSize = 8;
constexpr double kMarginGap = 10;  // between the text column and what stands in a margin
constexpr double kLinkPad = 1.5;   // a link reaches a little past its glyphs: a marker is small

void addLink(Composition &c, int page, const QRectF &rect, const PdfGeometry::Destination &target)
{
    c.geometry.links.push_back({page, rect.adjusted(-kLinkPad, -kLinkPad, kLinkPad, kLinkPad), target, {}});
}

// Links over every line of [from, to) of `section`.
void linkSpan(Composition &c, const FlowSection &section, TextSpan span, const PdfGeometry::Destination &target)
{
    section.lineRects(span.start, span.end, [&](int page, const QRectF &rect) { addLink(c, page, rect, target); });
}

// The box of `text` set in `font` with its baseline at `baseline`, `width` wide.
QRectF textBox(const QFont &font, double x, double baseline, double width)
{
    const QFontMetricsF metrics(font, pointDevice());
    return QRectF(x, baseline - metrics.ascent(), width, metrics.ascent() + metrics.descent());
}

QString highlightContents(const Annotation &a)
{
    QStringList parts;
    if (!a.note.trimmed().isEmpty())
        parts.append(a.note.trimmed());
    if (!a.tags.isEmpty())
        parts.append(Tr::tr("Tags: %1").arg(a.tags.join(QStringLiteral(", "))));
    return parts.join(QLatin1Char('\n'));
}

// The annotation's number in the right margin, level with the passage's first line, linked to its entry.
void addMarginNumber(Composition &c, int number, int page, const QRectF &line, const QColor &color,
                     const PdfGeometry::Destination &entry)
{
    const QFont font = c.font(kMarginFontSize, true);
    const QString text = QString::number(number);
    const QFontMetricsF metrics(font, pointDevice());
    const double height = metrics.ascent() + metrics.descent();
    QRectF box(c.frame.text.right() + kMarginGap, line.center().y() - height / 2,
               c.textWidth(text, font) + 5, height);
    // Two passages starting on one line: the later number stands after the earlier.
    if (c.lastNumber.page == page && std::abs(c.lastNumber.rect.top() - box.top()) < height)
        box.moveLeft(c.lastNumber.rect.right() + 3);
    c.lastNumber = {page, box};
    c.plan(page).texts.push_back({text, box, Qt::AlignHCenter, kMarginFontSize, true, c.style.text, color, true});
    addLink(c, page, box, entry);
}

void markAnnotation(Composition &c, PartLayout &p, std::size_t index)
{
    const AnchoredAnnotation &a = p.annotations[index];
    const PdfGeometry::Destination entry = p.annotationsSection->destination(p.entryLabels[index].start);
    const bool inNote = a.footnote >= 0;
    const RenderedText &text = inNote ? p.notes : p.body;
    const FlowSection *section = inNote ? p.notesSection : p.bodySection;
    if (!a.anchor.found() || !section)
        return;
    const int from = text.positionOfOffset(a.anchor.start, a.footnote);
    // A passage ending where a footnote marker stands ends before it: the marker is no part of its text.
    const int to = text.positionOfEndOffset(a.anchor.end, a.footnote);
    if (from < 0 || to <= from)
        return;
    QColor color(a.annotation.color);
    if (!color.isValid())
        color = c.style.highlight;
    const PdfGeometry::Highlight like{a.annotation.id, 0, {}, color, highlightContents(a.annotation),
                                      a.annotation.author, a.annotation.modified.toString(Qt::ISODate)};
    std::size_t first = c.geometry.highlights.size();
    section->lineRects(from, to, [&](int page, const QRectF &rect) {
        auto &all = c.geometry.highlights;
        if (all.size() == first || all.back().page != page) {
            all.push_back(like);
            all.back().page = page;
        }
        all.back().lines.push_back(rect);
    });
    if (c.geometry.highlights.size() == first)
        return;
    const PdfGeometry::Highlight &start = c.geometry.highlights[first];
    const QRectF line = start.lines.front();
    addMarginNumber(c, int(index + 1), start.page, line, color, entry);
    const PdfGeometry::Destination passage{start.page, std::max(0.0, line.top() - 6)};
    linkSpan(c, *p.annotationsSection, p.entryLabels[index], passage);
    if (!a.annotation.tags.isEmpty())
        c.tagged.push_back({a.annotation.tags, passage});
}

void markLinks(Composition &c, const PartLayout &p, const std::vector<RenderedLink> &links, const FlowSection *section)
{
    if (!section)
        return;
    for (const RenderedLink &link : links) {
        const LinkPlace place = linkPlace(c, p, link.target);
        if (place.kind == LinkPlace::Web) {
            section->lineRects(link.span.start, link.span.end, [&](int page, const QRectF &rect) {
                c.geometry.links.push_back({page, rect.adjusted(-kLinkPad, -kLinkPad, kLinkPad, kLinkPad), {}, place.uri});
            });
        } else if (const auto target = destinationOf(c, place)) {
            linkSpan(c, *section, link.span, *target);
        }
    }
}

// "[Page 704]" in the left margin, on the line where the printed page begins.
void markPageBreaks(Composition &c, const PartLayout &p, const RenderedText &text, const FlowSection *section)
{
    if (!section)
        return;
    const QFont font = c.font(kLabelFontSize, false);
    for (std::size_t i = 0; i < text.pageBreaks.size() && i < p.doc->pageBreaks.size(); ++i) {
        if (text.pageBreaks[i] < 0)
            continue;
        const QString label = Tr::tr("[Page %1]").arg(p.doc->pageBreaks[i].n);
        const auto [page, baseline] = section->baseline(text.pageBreaks[i]);
        const double width = c.textWidth(label, font);
        QRectF box = textBox(font, c.frame.text.left() - kMarginGap - width, baseline, width);
        if (c.lastLabel.page == page && box.top() < c.lastLabel.rect.bottom())
            box.moveTop(c.lastLabel.rect.bottom());
        c.lastLabel = {page, box};
        c.plan(page).texts.push_back({label, box, Qt::AlignRight, kLabelFontSize, false, c.style.muted, {}});
    }
}

// The document's id and its notes' ids as named destinations.
void addNames(Composition &c, const PartLayout &p)
{
    if (!p.doc->id.isEmpty())
        c.geometry.names.push_back({p.doc->id, p.caption->start()});
    if (!p.notesSection)
        return;
    for (std::size_t i = 0; i < p.doc->footnotes.size() && i < p.notes.notes.size(); ++i) {
        if (!p.doc->footnotes[i].id.isEmpty() && p.notes.notes[i].valid())
            c.geometry.names.push_back({p.doc->footnotes[i].id, p.notesSection->destination(p.notes.notes[i].start)});
    }
}

void addOutline(Composition &c, const PartLayout &p)
{
    c.geometry.outline.push_back({p.outlineTitle, p.caption->start(), 0});
    if (p.notesHeading)
        c.geometry.outline.push_back({Tr::tr("Notes"), p.notesHeading->start(), 1});
    if (p.annotationsHeading)
        c.geometry.outline.push_back({Tr::tr("Annotations"), p.annotationsHeading->start(), 1});
}

} // namespace

void markPart(Composition &c, PartLayout &p)
{
    addOutline(c, p);
    addNames(c, p);
    for (std::size_t i = 0; i < p.annotations.size(); ++i)
        markAnnotation(c, p, i);
    markLinks(c, p, p.bodyLinks, p.bodySection);
    markLinks(c, p, p.noteLinks, p.notesSection);
    markPageBreaks(c, p, p.body, p.bodySection);
    markPageBreaks(c, p, p.notes, p.notesSection);
}

void markContents(Composition &c)
{
    if (!c.contents)
        return;
    const QFont font = c.font(c.style.pointSize(), false);
    for (std::size_t i = 0; i < c.contentsEntries.size() && i < c.parts.size(); ++i) {
        const PdfGeometry::Destination target = c.parts[i].caption->start();
        const TextSpan span = c.contentsEntries[i];
        linkSpan(c, *c.contents, span, target);
        const auto [page, baseline] = c.contents->baseline(span.end);
        const QString number = QString::number(target.page + 1);
        const double width = contentsNumberWidth();
        const QRectF box = textBox(font, c.frame.text.right() - width, baseline, width);
        c.plan(page).texts.push_back({number, box, Qt::AlignRight, c.style.pointSize(), false, c.style.text, {}});
        addLink(c, page, box, target);
    }
}

void addTagIndex(Composition &c)
{
    // Tags as first typed, grouped without regard to case; each page once, pointing at its first passage.
    std::map<QString, std::pair<QString, std::map<int, PdfGeometry::Destination>>> byTag;
    for (const Composition::TaggedPassage &passage : c.tagged) {
        for (const QString &tag : passage.tags) {
            auto &entry = byTag[tag.toCaseFolded()];
            if (entry.first.isEmpty())
                entry.first = tag;
            entry.second.emplace(passage.at.page, passage.at);
        }
    }
    if (byTag.empty())
        return;
    std::vector<IndexEntry> entries;
    for (const auto &[key, entry] : byTag) {
        IndexEntry e{entry.first, {}};
        for (const auto &[page, at] : entry.second)
            e.pages.push_back(page);
        entries.push_back(std::move(e));
    }
    IndexDocument index = indexDocument(entries, c.style);
    c.paginator.breakPage();
    FlowSection &heading = c.add(headingDocument(Tr::tr("Index of tags"), c.style, 1.4));
    FlowSection &list = c.add(std::move(index.document));
    c.paginator.place(heading, 0);
    c.paginator.place(list, 8);
    std::size_t i = 0;
    for (const auto &[key, entry] : byTag) {
        std::size_t n = 0;
        for (const auto &[page, at] : entry.second)
            linkSpan(c, list, index.numbers[i][n++], at);
        ++i;
    }
}

} // namespace marginalia

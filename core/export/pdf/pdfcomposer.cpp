// Composes the PDF in two steps: everything is rendered, laid out and placed on pages first (so that
// the contents know every page number and every link its target), then the pages are painted in order
// with QPdfWriter. Notes go after each document, as endnotes: FRUS notes are often long (a source note,
// a memorandum summarised over half a page), and at the foot of the page they would push the letter's
// lines from page to page; after the document, with links both ways, the letter keeps its lines as the
// reader shows them and each note is one click from its marker and back.

#include "pdfcomposer.h"

#include "annotation/documentkey.h"
#include "library/citationlabel.h"
#include "library/documentlabel.h"
#include "library/library.h"
#include "model/readingtext.h"
#include "pdfcomposition.h"
#include "render/documentrenderer.h"

#include "util/translate.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>
#include <tuple>

namespace marginalia {

namespace {

// Print sets type smaller than a screen: 11 pt on a 6-inch column is about 75 characters a line.
constexpr double kPrintPointSize = 11;
// The share of the progress bar laying out takes; painting the pages takes the rest.
constexpr double kLayoutShare = 0.6;
// Space between documents, and above the notes and the annotations, in points.
constexpr double kDocumentGap = 30;
constexpr double kPartGap = 16;
constexpr double kHeadingGap = 4;

Error cancelled(const QString &path)
{
    return Error{path, 0, 0, Tr::tr("%1 was not written: cancelled").arg(QFileInfo(path).fileName())};
}

// Body passages first in reading order, then those in the notes in the order the notes are listed,
// then the passages not found; the list and the margin numbers follow this order.
void sortForNumbering(std::vector<AnchoredAnnotation> &annotations, const RenderedText &notes)
{
    const auto key = [&](const AnchoredAnnotation &a) {
        if (!a.anchor.found())
            return std::tuple(2, 0, 0);
        if (a.footnote < 0)
            return std::tuple(0, 0, a.anchor.start);
        const std::size_t note = std::size_t(a.footnote);
        return std::tuple(1, note < notes.notes.size() ? notes.notes[note].start : 0, a.anchor.start);
    };
    std::stable_sort(annotations.begin(), annotations.end(),
                     [&](const AnchoredAnnotation &x, const AnchoredAnnotation &y) { return key(x) < key(y); });
}

// "FRUS 1961–63, vol. IX, Doc. 317, p. 704" (or "pp. 703–704"): where the passage is now; a passage not
// found is cited without a page.
QString passageCitation(const Library &library, const PdfDocumentPart &part, const QString &volumeId,
                        const QString &volumeTitle, const AnchoredAnnotation &a)
{
    const Document &doc = library.volume(part.volume).documents.at(std::size_t(part.document));
    if (!a.anchor.found())
        return citationLabel(volumeId, volumeTitle, doc, {}) + Tr::tr(" (passage not found in the text)");
    return passageCitationLabel(library, part.volume, part.document, volumeId, volumeTitle, a.footnote, a.anchor.start,
                                a.anchor.end);
}

std::vector<AnnotationEntry> annotationEntries(const Library &library, const PartLayout &p, const QString &volumeId,
                                               const QString &volumeTitle, const QColor &fallback)
{
    std::vector<AnnotationEntry> entries;
    entries.reserve(p.annotations.size());
    for (const AnchoredAnnotation &a : p.annotations) {
        const QColor color(a.annotation.color);
        entries.push_back({a.annotation.selector.exact, a.annotation.note, a.annotation.tags,
                           passageCitation(library, *p.part, volumeId, volumeTitle, a),
                           color.isValid() ? color : fallback});
    }
    return entries;
}

// Renders the document, its notes and its annotations, and takes the renderer's links out.
PartLayout renderPart(Composition &c, const PdfDocumentPart &part)
{
    PartLayout p;
    p.part = &part;
    const Volume &volume = c.library.volume(part.volume);
    p.doc = &volume.documents.at(std::size_t(part.document));
    const int home = c.library.homeVolume(part.volume);
    const QString volumeId = c.library.volumeIdOf(part.volume);
    const QString volumeTitle = c.library.volume(home >= 0 ? home : part.volume).title;
    p.citation = citationLabel(volumeId, volumeTitle, *p.doc, {});
    p.volumeName = shortVolumeName(volumeId, volumeTitle);
    p.outlineTitle = p.doc->number.isEmpty() ? p.doc->title : Tr::tr("%1. %2").arg(p.doc->number, p.doc->title);
    if (p.outlineTitle.isEmpty())
        p.outlineTitle = p.citation;
    p.body = renderDocument(volume, *p.doc, c.style);
    p.bodyLinks = takeLinks(*p.body.document);
    if (!p.doc->footnotes.empty()) {
        const std::vector<QString> citations = c.library.citations(part.volume, part.document);
        p.notes = renderFootnotes(volume, *p.doc, citations, c.style);
        p.noteLinks = takeLinks(*p.notes.document);
    }
    // Before the sections are laid out: a link that leads nowhere is plain text (a colour, not a width).
    unlinkStyle(*p.body.document, p.bodyLinks, c, p);
    if (p.notes.document)
        unlinkStyle(*p.notes.document, p.noteLinks, c, p);
    p.annotations = anchorAnnotations(*p.doc, part.annotations);
    sortForNumbering(p.annotations, p.notes);
    if (!p.annotations.empty()) {
        ListDocument list =
            annotationsDocument(annotationEntries(c.library, p, volumeId, volumeTitle, c.style.highlight), c.style);
        p.entryLabels = std::move(list.labels);
        p.annotationsSection = &c.add(std::move(list.document), int(c.parts.size()));
    }
    return p;
}

// Lays the part's sections out and places them after what is placed: the caption with the heading and
// the first lines, each heading with the first lines under it.
void placePart(Composition &c, PartLayout &p, int owner)
{
    const bool first = owner == 0;
    QString caption = p.citation;
    if (!c.options.tagFilter.isEmpty())
        caption = Tr::tr("%1 \u00b7 passages tagged \u201c%2\u201d").arg(p.citation, c.options.tagFilter);
    p.caption = &c.add(captionDocument(caption, c.style), owner);
    p.bodySection = &c.add(std::move(p.body.document), owner);
    c.paginator.place(*p.caption, first ? 0 : kDocumentGap,
                      leadingHeight(*p.caption, 1) + kHeadingGap + leadingHeight(*p.bodySection, 3));
    c.paginator.place(*p.bodySection, kHeadingGap);
    const auto placeUnder = [&](FlowSection *&heading, const QString &title, FlowSection *section) {
        heading = &c.add(headingDocument(title, c.style, 1.1), owner);
        c.paginator.place(*heading, kPartGap, leadingHeight(*heading, 1) + kHeadingGap + leadingHeight(*section, 2));
        c.paginator.place(*section, kHeadingGap);
    };
    if (p.notes.document && !p.notes.document->isEmpty()) {
        p.notesSection = &c.add(std::move(p.notes.document), owner);
        placeUnder(p.notesHeading, Tr::tr("Notes"), p.notesSection);
    }
    if (p.annotationsSection)
        placeUnder(p.annotationsHeading, Tr::tr("Annotations"), p.annotationsSection);
    if (c.options.citeDocument) {
        const QString citation = c.options.citeDocument(p.part->volume, p.part->document);
        if (!citation.isEmpty()) {
            FlowSection *citeHeading = nullptr;
            placeUnder(citeHeading, Tr::tr("Cite as"), &c.add(paragraphDocument(citation, c.style), owner));
        }
    }
}

void addContents(Composition &c, const std::vector<PdfDocumentPart> &parts)
{
    std::vector<ContentsEntry> entries;
    entries.reserve(parts.size());
    for (const PdfDocumentPart &part : parts) {
        const Document &doc = c.library.volume(part.volume).documents.at(std::size_t(part.document));
        const int home = c.library.homeVolume(part.volume);
        const QString group = shortVolumeName(c.library.volumeIdOf(part.volume),
                                              c.library.volume(home >= 0 ? home : part.volume).title);
        entries.push_back({group, documentLabel(doc)});
    }
    QString heading = Tr::tr("Contents");
    if (!c.options.tagFilter.isEmpty())
        heading = Tr::tr("Passages tagged \u201c%1\u201d").arg(c.options.tagFilter);
    ListDocument list = contentsDocument(heading, entries, c.style);
    c.contentsEntries = std::move(list.labels);
    c.contents = &c.add(std::move(list.document));
    c.paginator.place(*c.contents, 0);
    c.paginator.breakPage();
}

// The title of an export of several documents: their volume's, when they are all of one; else the
// volumes' short names.
QString titleOfParts(const Composition &c, const QStringList &volumes)
{
    int home = -1;
    for (const PartLayout &p : c.parts) {
        const int h = c.library.homeVolume(p.part->volume);
        const int volume = h >= 0 ? h : p.part->volume;
        if (home >= 0 && volume != home)
            return volumes.join(QStringLiteral("; "));
        home = volume;
    }
    const QString title = home >= 0 ? c.library.volume(home).title.simplified() : QString();
    return title.isEmpty() ? volumes.join(QStringLiteral("; ")) : title;
}

// The history.state.gov page of what is exported: the document's, or the volume's when its documents
// are all of one.
QString sourceOfParts(const Composition &c)
{
    QString volumeId;
    for (const PartLayout &p : c.parts) {
        const QString id = c.library.volumeIdOf(p.part->volume);
        if (id.isEmpty() || (!volumeId.isEmpty() && id != volumeId))
            return {};
        volumeId = id;
    }
    return historyPageUrl(volumeId, c.parts.size() == 1 ? c.parts.front().doc->id : QString());
}

void describe(Composition &c)
{
    PdfGeometry &g = c.geometry;
    g.pageSize = c.frame.page;
    g.pageCount = c.paginator.pageCount();
    QStringList volumes;
    for (const PartLayout &p : c.parts) {
        if (!volumes.contains(p.volumeName))
            volumes.append(p.volumeName);
        for (const AnchoredAnnotation &a : p.annotations) {
            for (const QString &tag : a.annotation.tags) {
                if (!g.keywords.contains(tag, Qt::CaseInsensitive))
                    g.keywords.append(tag);
            }
        }
    }
    g.title = c.options.title;
    if (g.title.isEmpty())
        g.title = c.parts.size() == 1 ? c.parts.front().outlineTitle : titleOfParts(c, volumes);
    g.keywords.sort(Qt::CaseInsensitive);
    g.subject = c.parts.size() == 1 ? c.parts.front().citation : volumes.join(QStringLiteral("; "));
    if (!c.options.tagFilter.isEmpty())
        g.subject = Tr::tr("Passages tagged \u201c%1\u201d, %2").arg(c.options.tagFilter, g.subject);
    g.source = sourceOfParts(c);
    // To the second: what PDF dates and XMP both hold.
    g.date = QDateTime::currentDateTimeUtc();
    g.date.setTime(QTime(g.date.time().hour(), g.date.time().minute(), g.date.time().second()));
}

// Every slice goes into its page's plan; each page's footer names the document at its top.
void planPages(Composition &c)
{
    c.pages.resize(std::size_t(c.geometry.pageCount));
    for (const auto &section : c.sections) {
        for (std::size_t i = 0; i < section->slices().size(); ++i)
            c.plan(section->slices()[i].page).slices.emplace_back(section.get(), i);
    }
    for (PagePlan &page : c.pages) {
        const int owner = page.slices.empty() ? -1 : page.slices.front().first->owner();
        page.footer = owner >= 0 ? c.parts[std::size_t(owner)].citation : c.geometry.title;
    }
}

bool validParts(const Library &library, const std::vector<PdfDocumentPart> &parts)
{
    return std::all_of(parts.begin(), parts.end(), [&](const PdfDocumentPart &p) {
        return p.volume >= 0 && p.volume < library.size() && p.document >= 0
            && std::size_t(p.document) < library.volume(p.volume).documents.size();
    });
}

Result<bool> writePages(Composition &c, QIODevice &device, const QString &path,
                        const std::function<bool(double)> &report)
{
    QPdfWriter writer(&device);
    writer.setResolution(72); // painter units are points, like the geometry's
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::Letter), QPageLayout::Portrait, QMarginsF(),
                                     QPageLayout::Point));
    writer.setTitle(c.geometry.title);
    writer.setCreator(QStringLiteral("Marginalia"));
    QPainter painter;
    if (!painter.begin(&writer))
        return fail(path, 0, 0, Tr::tr("%1 could not be written").arg(path));
    const int pages = c.geometry.pageCount;
    for (int page = 0; page < pages; ++page) {
        if (!report(kLayoutShare + (1 - kLayoutShare) * page / pages)) {
            painter.end();
            return fail(cancelled(path));
        }
        if (page > 0)
            writer.newPage();
        paintPage(painter, c, page);
    }
    if (!painter.end())
        return fail(path, 0, 0, Tr::tr("%1 could not be written").arg(path));
    return true;
}

} // namespace

Composition::Composition(const Library &library, const PdfComposeOptions &options)
    : library(library), options(options), style(RenderStyle::light()), frame(PageFrame::letter()), paginator(frame)
{
    style.zoom = kPrintPointSize / style.pointSize();
    // The light underline of persons and terms says "hover me" on screen; paper has no hover.
    style.entityUnderline = Qt::transparent;
}

FlowSection &Composition::add(std::unique_ptr<QTextDocument> document, int owner)
{
    sections.push_back(std::make_unique<FlowSection>(std::move(document), frame.text));
    sections.back()->setOwner(owner);
    return *sections.back();
}

int Composition::partOf(int volume, int document) const
{
    const auto it = partIndex.find({volume, document});
    return it == partIndex.end() ? -1 : it->second;
}

PagePlan &Composition::plan(int page)
{
    if (page >= int(pages.size()))
        pages.resize(std::size_t(page) + 1);
    return pages[std::size_t(std::max(0, page))];
}

QFont Composition::font(double pointSize, bool bold) const
{
    QFont font = style.bodyFont;
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    return font;
}

double Composition::textWidth(const QString &text, const QFont &font) const
{
    return QFontMetricsF(font, pointDevice()).horizontalAdvance(text);
}

Result<PdfGeometry> composePdf(const Library &library, const std::vector<PdfDocumentPart> &parts,
                               const PdfComposeOptions &options, const QString &path,
                               const std::function<bool(double)> &progress)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(path, 0, 0, Tr::tr("cannot write the file: %1").arg(file.errorString()));
    Result<PdfGeometry> geometry = composePdf(library, parts, options, file, path, progress);
    // QPdfWriter does not say when a write failed (a full disk): the file does.
    if (geometry && (!file.flush() || file.error() != QFileDevice::NoError))
        return fail(path, 0, 0, Tr::tr("cannot write the file: %1").arg(file.errorString()));
    return geometry;
}

Result<PdfGeometry> composePdf(const Library &library, const std::vector<PdfDocumentPart> &parts,
                               const PdfComposeOptions &options, QIODevice &device, const QString &path,
                               const std::function<bool(double)> &progress)
{
    if (parts.empty())
        return fail(path, 0, 0, Tr::tr("there is no document to export"));
    if (!validParts(library, parts))
        return fail(path, 0, 0, Tr::tr("a document to export is no longer open"));
    const auto report = [&](double done) { return !progress || progress(done); };
    Composition c(library, options);
    c.sourceParts = &parts;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        c.partIndex.emplace(std::pair(parts[i].volume, parts[i].document), int(i));
        c.partByKey.emplace(documentKey(library, parts[i].volume, parts[i].document), int(i));
    }
    if (options.tableOfContents)
        addContents(c, parts);
    c.parts.reserve(parts.size());
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (!report(kLayoutShare * double(i) / double(parts.size())))
            return fail(cancelled(path));
        c.parts.push_back(renderPart(c, parts[i]));
        placePart(c, c.parts.back(), int(i));
    }
    for (PartLayout &part : c.parts)
        markPart(c, part);
    if (options.tableOfContents)
        markContents(c);
    if (options.tagIndex)
        addTagIndex(c);
    markSmallCaps(c);
    describe(c);
    planPages(c);
    if (Result<bool> written = writePages(c, device, path, report); !written)
        return fail(written.error());
    return std::move(c.geometry);
}

} // namespace marginalia

// Where the links the renderer made lead in a PDF. Whatever the text shows as a link is one: a place in
// the file when what it names is exported too, else its page on history.state.gov; a reference that has
// neither loses the link colour instead (unlinkStyle), so that nothing looks like a link and is none.

#include "annotation/documentkey.h"
#include "library/library.h"
#include "pdfcomposition.h"

#include <QRegularExpression>
#include <QTextCursor>

namespace marginalia {

namespace {

const QLatin1String kHistoryBase("https://history.state.gov/historicaldocuments/");

bool isPlainId(const QString &id)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]*$"));
    return plain.match(id).hasMatch();
}

// history.state.gov shows a note on its document's page: "d318fn3" is on "d318".
QString pageIdOf(const QString &id)
{
    static const QRegularExpression note(QStringLiteral("^(d\\d+)fn\\w+$"));
    const QRegularExpressionMatch m = note.match(id);
    return m.hasMatch() ? m.captured(1) : id;
}

// A site address as an External reference writes it: "/historicaldocuments/frus1950v01/d5", with or
// without the host; anything else leads nowhere.
QString externalUrl(const QString &raw)
{
    static const QRegularExpression site(QStringLiteral(
        "^(?:https?://history\\.state\\.gov)?/historicaldocuments/([A-Za-z0-9_.-]+)(?:/([A-Za-z0-9_.-]+))?/?$"),
                                         QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = site.match(raw.trimmed());
    return m.hasMatch() ? historyPageUrl(m.captured(1), m.captured(2)) : QString();
}

// The part showing the document `document` of `volume` (by its key: a text copy and its TEI are the
// same document), or -1.
int partShowing(const Composition &c, int volume, int document)
{
    if (volume < 0 || document < 0)
        return -1;
    const auto it = c.partByKey.find(documentKey(c.library, volume, document));
    return it == c.partByKey.end() ? -1 : it->second;
}

const Document &partDocument(const Composition &c, int part)
{
    const PdfDocumentPart &p = c.sourceParts->at(std::size_t(part));
    return c.library.volume(p.volume).documents.at(std::size_t(p.document));
}

// Where a resolved reference leads in this file, when what it names is in it.
std::optional<LinkPlace> placeInFile(const Composition &c, const ResolvedTarget &resolved)
{
    const int part = partShowing(c, resolved.volume, resolved.document);
    if (part < 0)
        return std::nullopt;
    const Document &named = c.library.volume(resolved.volume).documents.at(std::size_t(resolved.document));
    const Document &shown = partDocument(c, part);
    switch (resolved.target.kind) {
    case IdTarget::Document:
        return LinkPlace{LinkPlace::Caption, part, -1, {}};
    case IdTarget::Footnote: {
        if (resolved.target.index < 0 || std::size_t(resolved.target.index) >= named.footnotes.size())
            return std::nullopt;
        const QString id = named.footnotes[std::size_t(resolved.target.index)].id;
        for (std::size_t i = 0; i < shown.footnotes.size(); ++i) {
            if (shown.footnotes[i].id == id)
                return LinkPlace{LinkPlace::Note, part, int(i), {}};
        }
        return std::nullopt;
    }
    case IdTarget::Page: {
        const std::vector<VolumePage> &pages = c.library.volume(resolved.volume).pages;
        if (resolved.target.index < 0 || std::size_t(resolved.target.index) >= pages.size())
            return std::nullopt;
        const VolumePage &page = pages[std::size_t(resolved.target.index)];
        for (std::size_t i = 0; i < shown.pageBreaks.size(); ++i) {
            if (shown.pageBreaks[i].n == page.n)
                return LinkPlace{LinkPlace::PageBreak, part, int(i), {}};
        }
        if (shown.firstPage == page.n)
            return LinkPlace{LinkPlace::Caption, part, -1, {}};
        return std::nullopt;
    }
    default:
        return std::nullopt;
    }
}

LinkPlace referencePlace(const Composition &c, const PartLayout &p, std::size_t index)
{
    if (index >= p.doc->crossReferences.size())
        return {};
    const CrossReference &ref = p.doc->crossReferences[index];
    if (const auto resolved = c.library.resolve(p.part->volume, ref)) {
        if (const auto place = placeInFile(c, *resolved))
            return *place;
    }
    const QString url = ref.kind == ReferenceKind::External
        ? externalUrl(ref.raw)
        : historyPageUrl(ref.volume.isEmpty() ? c.library.volumeIdOf(p.part->volume) : ref.volume, ref.target);
    return url.isEmpty() ? LinkPlace{} : LinkPlace{LinkPlace::Web, -1, -1, url};
}

} // namespace

QString historyPageUrl(const QString &volumeId, const QString &id)
{
    if (!isPlainId(volumeId) || (!id.isEmpty() && !isPlainId(id)))
        return {};
    return kHistoryBase + volumeId + (id.isEmpty() ? QString() : QLatin1Char('/') + pageIdOf(id));
}

LinkPlace linkPlace(const Composition &c, const PartLayout &p, const LinkTarget &link)
{
    const int self = c.partOf(p.part->volume, p.part->document);
    const std::size_t index = std::size_t(link.index);
    switch (link.kind) {
    case LinkTarget::Footnote:
        if (index < p.notes.notes.size() && p.notes.notes[index].valid())
            return {LinkPlace::Note, self, link.index, {}};
        return {};
    case LinkTarget::Back:
        // The source note has no marker in the text: it leads back to the document's top.
        if (index < p.body.markers.size() && p.body.markers[index].valid())
            return {LinkPlace::Marker, self, link.index, {}};
        return {LinkPlace::Caption, self, -1, {}};
    case LinkTarget::Reference:
        return referencePlace(c, p, index);
    case LinkTarget::Person:
    case LinkTarget::Term:
        return {};
    }
    return {};
}

std::optional<PdfGeometry::Destination> destinationOf(const Composition &c, const LinkPlace &place)
{
    if (place.part < 0 || std::size_t(place.part) >= c.parts.size())
        return std::nullopt;
    const PartLayout &p = c.parts[std::size_t(place.part)];
    const std::size_t index = std::size_t(place.index);
    switch (place.kind) {
    case LinkPlace::Caption:
        return p.caption ? std::optional(p.caption->start()) : std::nullopt;
    case LinkPlace::Note:
        if (p.notesSection && index < p.notes.notes.size() && p.notes.notes[index].valid())
            return p.notesSection->destination(p.notes.notes[index].start);
        return std::nullopt;
    case LinkPlace::Marker:
        if (p.bodySection && index < p.body.markers.size() && p.body.markers[index].valid())
            return p.bodySection->destination(p.body.markers[index].start);
        return std::nullopt;
    case LinkPlace::PageBreak:
        if (p.bodySection && index < p.body.pageBreaks.size() && p.body.pageBreaks[index] >= 0)
            return p.bodySection->destination(p.body.pageBreaks[index]);
        return std::nullopt;
    case LinkPlace::Nowhere:
    case LinkPlace::Web:
        return std::nullopt;
    }
    return std::nullopt;
}

void unlinkStyle(QTextDocument &document, const std::vector<RenderedLink> &links, const Composition &c,
                 const PartLayout &p)
{
    QTextCursor cursor(&document);
    for (const RenderedLink &link : links) {
        if (link.target.kind == LinkTarget::Person || link.target.kind == LinkTarget::Term
            || linkPlace(c, p, link.target).kind != LinkPlace::Nowhere)
            continue;
        cursor.setPosition(link.span.start);
        cursor.setPosition(link.span.end, QTextCursor::KeepAnchor);
        QTextCharFormat plain;
        plain.setForeground(QBrush(c.style.text));
        cursor.mergeCharFormat(plain);
    }
}

} // namespace marginalia

#include "teidocumentfixups.h"

#include "model/documentnumber.h"

#include <algorithm>

namespace marginalia {

namespace {

ReferenceKind kindOfLocalTarget(QStringView id)
{
    if (id.startsWith(QLatin1String("pg_")))
        return ReferenceKind::Page;
    // d{N} names a document, d{N}fn{M} one of its footnotes.
    qsizetype i = 1;
    while (i < id.size() && id[i].isDigit())
        ++i;
    if (id.startsWith(u'd') && i > 1) {
        if (i == id.size())
            return ReferenceKind::Document;
        if (id.mid(i).startsWith(QLatin1String("fn")))
            return ReferenceKind::Footnote;
    }
    return ReferenceKind::Section;
}

// Moves body block `from` to the front, keeping every body location pointing at the same text.
void moveBlockToFront(Document &doc, int from)
{
    auto remap = [from](Location &l) {
        if (!l.inBody())
            return;
        if (l.block == from)
            l.block = 0;
        else if (l.block < from)
            ++l.block;
    };
    std::rotate(doc.body.begin(), doc.body.begin() + from, doc.body.begin() + from + 1);
    for (Footnote &f : doc.footnotes)
        remap(f.marker);
    for (CrossReference &r : doc.crossReferences)
        remap(r.where);
    for (PageBreak &p : doc.pageBreaks)
        remap(p.where);
}

void labelReferences(Document &doc, const RichText &text)
{
    for (const Block &b : text) {
        for (const Anchor &a : b.anchors) {
            if (a.kind == AnchorKind::CrossReference)
                doc.crossReferences[std::size_t(a.index)].label = b.text.mid(a.start, a.end - a.start).simplified();
        }
    }
}

} // namespace

QString sameDayDate(QStringView min, QStringView max)
{
    if (min.size() < 10 || max.size() < 10 || min.left(10) != max.left(10))
        return {};
    return min.left(10).toString();
}

CrossReference parseReferenceTarget(QStringView raw)
{
    CrossReference ref;
    ref.raw = raw.toString();
    QStringView first = raw.trimmed();
    if (const qsizetype space = first.indexOf(u' '); space > 0)
        first = first.left(space);
    const qsizetype hash = first.indexOf(u'#');
    if (hash == 0) {
        ref.target = first.mid(1).toString();
        ref.kind = kindOfLocalTarget(first.mid(1));
    } else if (hash > 0 && first.startsWith(QLatin1String("frus"))) {
        ref.volume = first.left(hash).toString();
        ref.target = first.mid(hash + 1).toString();
        ref.kind = ReferenceKind::OtherVolume;
    } else if (hash < 0 && first.startsWith(QLatin1String("frus"))) {
        ref.volume = first.toString();
        ref.kind = ReferenceKind::OtherVolume;
    } else {
        ref.kind = ReferenceKind::External;
    }
    return ref;
}

void finishDocument(Document &doc, int titleBlock)
{
    // n="11." or n="[9]": the number the library, the citation and the made-up head call the document.
    doc.number = normalDocumentNumber(doc.number);
    if (titleBlock < 0) {
        Block heading;
        heading.kind = BlockKind::Heading;
        heading.level = 1;
        // An empty head is an empty title, as the printed page has it; the view shows the number.
        if (titleBlock != kEmptyTitleHead)
            heading.text = doc.number.isEmpty() ? doc.id : doc.number + u'.';
        doc.body.push_back(std::move(heading));
        titleBlock = int(doc.body.size()) - 1;
    }
    if (titleBlock > 0)
        moveBlockToFront(doc, titleBlock);
    if (doc.number.isEmpty() && doc.id.size() > 1 && doc.id.front() == u'd') {
        bool digits = false;
        doc.id.mid(1).toInt(&digits);
        if (digits)
            doc.number = doc.id.mid(1);
    }
    // "317. Letter From …" in modern volumes, "No. 38. Mr. McAdoo to …" in old ones, "2." alone: the head's
    // own number goes, a year or another number that opens the title stays.
    doc.title = withoutOwnNumber(doc.body.front().text, doc.number);
    labelReferences(doc, doc.body);
    for (const Footnote &f : doc.footnotes)
        labelReferences(doc, f.content);
}

void finishVolume(Volume &volume)
{
    int resolved = 0;
    for (const Document &doc : volume.documents) {
        for (const CrossReference &ref : doc.crossReferences) {
            if (ref.raw.startsWith(u'#') && volume.ids.contains(ref.target))
                ++resolved;
        }
    }
    volume.stats.resolvedReferences = resolved;
}

} // namespace marginalia

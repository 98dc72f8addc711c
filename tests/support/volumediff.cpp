#include "volumediff.h"

namespace marginalia::test {

namespace {

QString shown(const QString &s)
{
    return QLatin1Char('"') + s + QLatin1Char('"');
}

QString shown(int n)
{
    return QString::number(n);
}

QString shown(const Location &l)
{
    return QStringLiteral("(%1,%2,%3)").arg(l.footnote).arg(l.block).arg(l.offset);
}

// Collects differences; the walk below stops descending into lists whose lengths differ.
class Differences {
public:
    template <typename T>
    void same(const T &a, const T &b, const QString &where)
    {
        if (!(a == b))
            m_lines << where + QStringLiteral(": ") + shown(a) + QStringLiteral(" / ") + shown(b);
    }
    bool sameSize(std::size_t a, std::size_t b, const QString &where)
    {
        same(int(a), int(b), where + QStringLiteral(".size"));
        return a == b;
    }
    QStringList lines() const { return m_lines; }

private:
    QStringList m_lines;
};

QString at(const QString &where, std::size_t i, const char *field)
{
    return QStringLiteral("%1[%2].%3").arg(where).arg(i).arg(QLatin1String(field));
}

void compareText(Differences &d, const RichText &a, const RichText &b, const QString &where)
{
    if (!d.sameSize(a.size(), b.size(), where))
        return;
    for (std::size_t i = 0; i < a.size(); ++i) {
        d.same(int(a[i].kind), int(b[i].kind), at(where, i, "kind"));
        d.same(int(a[i].flags), int(b[i].flags), at(where, i, "flags"));
        d.same(a[i].label, b[i].label, at(where, i, "label"));
        d.same(a[i].labelLength, b[i].labelLength, at(where, i, "labelLength"));
        d.same(a[i].text, b[i].text, at(where, i, "text"));
        d.sameSize(a[i].styles.size(), b[i].styles.size(), at(where, i, "styles"));
        if (!d.sameSize(a[i].anchors.size(), b[i].anchors.size(), at(where, i, "anchors")))
            continue;
        for (std::size_t k = 0; k < a[i].anchors.size(); ++k) {
            d.same(a[i].anchors[k].start, b[i].anchors[k].start, at(at(where, i, "anchors"), k, "start"));
            d.same(a[i].anchors[k].index, b[i].anchors[k].index, at(at(where, i, "anchors"), k, "index"));
        }
    }
}

void compareDocument(Differences &d, const Document &x, const Document &y, const QString &where)
{
    d.same(x.id, y.id, where + QStringLiteral(".id"));
    d.same(x.title, y.title, where + QStringLiteral(".title"));
    d.same(x.date, y.date, where + QStringLiteral(".date"));
    d.same(x.dateFrom, y.dateFrom, where + QStringLiteral(".dateFrom"));
    d.same(x.dateTo, y.dateTo, where + QStringLiteral(".dateTo"));
    d.same(x.number, y.number, where + QStringLiteral(".number"));
    d.same(x.subtype, y.subtype, where + QStringLiteral(".subtype"));
    d.same(x.place, y.place, where + QStringLiteral(".place"));
    d.same(x.firstPage, y.firstPage, where + QStringLiteral(".firstPage"));
    d.same(x.division, y.division, where + QStringLiteral(".division"));
    d.same(x.precedingCitations.last, y.precedingCitations.last, where + QStringLiteral(".precedingCitations.last"));
    d.same(x.precedingCitations.lastWithParts, y.precedingCitations.lastWithParts,
           where + QStringLiteral(".precedingCitations.lastWithParts"));
    compareText(d, x.body, y.body, where + QStringLiteral(".body"));
    const QString notes = where + QStringLiteral(".footnotes");
    if (d.sameSize(x.footnotes.size(), y.footnotes.size(), notes)) {
        for (std::size_t f = 0; f < x.footnotes.size(); ++f) {
            d.same(x.footnotes[f].id, y.footnotes[f].id, at(notes, f, "id"));
            d.same(x.footnotes[f].marker, y.footnotes[f].marker, at(notes, f, "marker"));
            compareText(d, x.footnotes[f].content, y.footnotes[f].content, at(notes, f, "content"));
        }
    }
    const QString refs = where + QStringLiteral(".crossReferences");
    if (d.sameSize(x.crossReferences.size(), y.crossReferences.size(), refs)) {
        for (std::size_t r = 0; r < x.crossReferences.size(); ++r) {
            d.same(x.crossReferences[r].label, y.crossReferences[r].label, at(refs, r, "label"));
            d.same(x.crossReferences[r].where, y.crossReferences[r].where, at(refs, r, "where"));
        }
    }
    d.sameSize(x.pageBreaks.size(), y.pageBreaks.size(), where + QStringLiteral(".pageBreaks"));
}

void compareDetails(Differences &d, const Document &x, const Document &y)
{
    if (d.sameSize(x.pageBreaks.size(), y.pageBreaks.size(), QStringLiteral("pageBreaks"))) {
        for (std::size_t i = 0; i < x.pageBreaks.size(); ++i) {
            d.same(x.pageBreaks[i].n, y.pageBreaks[i].n, at(QStringLiteral("pageBreaks"), i, "n"));
            d.same(x.pageBreaks[i].id, y.pageBreaks[i].id, at(QStringLiteral("pageBreaks"), i, "id"));
            d.same(x.pageBreaks[i].where, y.pageBreaks[i].where, at(QStringLiteral("pageBreaks"), i, "where"));
        }
    }
    if (d.sameSize(x.entities.size(), y.entities.size(), QStringLiteral("entities"))) {
        for (std::size_t i = 0; i < x.entities.size(); ++i) {
            d.same(int(x.entities[i].kind), int(y.entities[i].kind), at(QStringLiteral("entities"), i, "kind"));
            d.same(x.entities[i].id, y.entities[i].id, at(QStringLiteral("entities"), i, "id"));
        }
    }
    if (x.footnotes.size() == y.footnotes.size()) {
        for (std::size_t i = 0; i < x.footnotes.size(); ++i)
            d.same(x.footnotes[i].label, y.footnotes[i].label, at(QStringLiteral("footnotes"), i, "label"));
    }
    if (x.crossReferences.size() == y.crossReferences.size()) {
        for (std::size_t i = 0; i < x.crossReferences.size(); ++i) {
            const CrossReference &a = x.crossReferences[i];
            const CrossReference &b = y.crossReferences[i];
            const QString where = at(QStringLiteral("crossReferences"), i, "");
            d.same(a.raw, b.raw, where + QStringLiteral("raw"));
            d.same(a.volume, b.volume, where + QStringLiteral("volume"));
            d.same(a.target, b.target, where + QStringLiteral("target"));
            d.same(int(a.kind), int(b.kind), where + QStringLiteral("kind"));
        }
    }
}

void compareIds(Differences &d, const Volume &a, const Volume &b)
{
    if (!d.sameSize(std::size_t(a.ids.size()), std::size_t(b.ids.size()), QStringLiteral("ids")))
        return;
    for (auto it = a.ids.cbegin(); it != a.ids.cend(); ++it) {
        const IdTarget other = b.ids.value(it.key(), IdTarget{IdTarget::Other, -7, -7});
        const QString where = QStringLiteral("ids[%1]").arg(shown(it.key()));
        d.same(int(it->kind), int(other.kind), where + QStringLiteral(".kind"));
        d.same(it->document, other.document, where + QStringLiteral(".document"));
        d.same(it->index, other.index, where + QStringLiteral(".index"));
    }
}

} // namespace

QStringList volumeDifferences(const Volume &a, const Volume &b)
{
    Differences d;
    d.same(a.id, b.id, QStringLiteral("id"));
    d.same(a.title, b.title, QStringLiteral("title"));
    d.same(a.subseries, b.subseries, QStringLiteral("subseries"));
    d.same(a.header.series, b.header.series, QStringLiteral("header.series"));
    d.same(a.header.volumeNumber, b.header.volumeNumber, QStringLiteral("header.volumeNumber"));
    d.same(a.header.volumeTitle, b.header.volumeTitle, QStringLiteral("header.volumeTitle"));
    d.same(a.header.editors.join(u'|'), b.header.editors.join(u'|'), QStringLiteral("header.editors"));
    d.same(a.header.generalEditors.join(u'|'), b.header.generalEditors.join(u'|'), QStringLiteral("header.generalEditors"));
    d.same(a.header.publisher, b.header.publisher, QStringLiteral("header.publisher"));
    d.same(a.header.pubPlace, b.header.pubPlace, QStringLiteral("header.pubPlace"));
    d.same(a.header.published, b.header.published, QStringLiteral("header.published"));
    d.same(a.stats.documents, b.stats.documents, QStringLiteral("stats.documents"));
    d.same(a.stats.footnotes, b.stats.footnotes, QStringLiteral("stats.footnotes"));
    d.same(a.stats.pageBreaks, b.stats.pageBreaks, QStringLiteral("stats.pageBreaks"));
    d.same(a.stats.references, b.stats.references, QStringLiteral("stats.references"));
    d.same(a.stats.internalReferences, b.stats.internalReferences, QStringLiteral("stats.internalReferences"));
    d.same(a.stats.resolvedReferences, b.stats.resolvedReferences, QStringLiteral("stats.resolvedReferences"));
    d.sameSize(a.divisions.size(), b.divisions.size(), QStringLiteral("divisions"));
    if (d.sameSize(a.pages.size(), b.pages.size(), QStringLiteral("pages"))) {
        for (std::size_t i = 0; i < a.pages.size(); ++i) {
            d.same(a.pages[i].n, b.pages[i].n, at(QStringLiteral("pages"), i, "n"));
            d.same(a.pages[i].document, b.pages[i].document, at(QStringLiteral("pages"), i, "document"));
        }
    }
    compareIds(d, a, b);
    if (d.sameSize(a.documents.size(), b.documents.size(), QStringLiteral("documents"))) {
        for (std::size_t i = 0; i < a.documents.size(); ++i)
            compareDocument(d, a.documents[i], b.documents[i], QStringLiteral("documents[%1]").arg(i));
    }
    return d.lines();
}

QStringList documentDifferences(const Document &a, const Document &b)
{
    Differences d;
    compareDocument(d, a, b, QStringLiteral("document"));
    compareDetails(d, a, b);
    return d.lines();
}

} // namespace marginalia::test

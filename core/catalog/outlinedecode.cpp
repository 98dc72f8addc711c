// decodeVolumeOutline: the fields volumeoutline.cpp writes (its layout is described there), read back
// once outlineframe.cpp has checked and uncompressed them, with every count and index checked: the
// bytes come from a database that may be damaged.
#include "volumeoutline.h"

#include "outlineframe.h"
#include "util/translate.h"

#include <QDataStream>
#include <QIODevice>

namespace marginalia {

namespace {

class OutlineReader {
public:
    explicit OutlineReader(const QByteArray &encoded) : m_in(encoded) { m_in.setVersion(QDataStream::Qt_6_0); }

    bool ok() const { return !m_bad && m_in.status() == QDataStream::Ok; }
    bool atEnd() const { return m_in.atEnd(); }
    void damaged() { m_bad = true; }

    QString string()
    {
        QByteArray utf8;
        m_in >> utf8;
        return QString::fromUtf8(utf8);
    }
    QByteArray bytes()
    {
        QByteArray b;
        m_in >> b;
        return b;
    }
    template <typename T>
    T number()
    {
        T n = 0;
        m_in >> n;
        return n;
    }
    // A count of items that take at least `minBytes` each: one the bytes left cannot hold is damage, so
    // that no damaged count makes the reader reserve gigabytes.
    std::size_t count(qint64 minBytes)
    {
        const auto n = number<quint32>();
        if (!ok() || qint64(n) > m_in.device()->bytesAvailable() / minBytes) {
            m_bad = true;
            return 0;
        }
        return n;
    }

private:
    QDataStream m_in;
    bool m_bad = false;
};

void readGlossary(OutlineReader &in, QHash<QString, GlossaryEntry> &glossary)
{
    const std::size_t n = in.count(12);
    glossary.reserve(qsizetype(n));
    for (std::size_t i = 0; i < n && in.ok(); ++i) {
        const QString key = in.string();
        GlossaryEntry entry;
        entry.name = in.string();
        entry.description = in.string();
        glossary.insert(key, std::move(entry));
    }
}

void readHeader(OutlineReader &in, VolumeHeader &h)
{
    h.series = in.string();
    h.volumeNumber = in.string();
    h.volumeTitle = in.string();
    for (QStringList *names : {&h.editors, &h.generalEditors}) {
        const std::size_t n = in.count(4);
        for (std::size_t i = 0; i < n && in.ok(); ++i)
            names->append(in.string());
    }
    h.publisher = in.string();
    h.pubPlace = in.string();
    h.published = in.string();
}

void readStructure(OutlineReader &in, Volume &v)
{
    v.id = in.string();
    v.title = in.string();
    v.subseries = in.string();
    const auto format = in.number<quint8>();
    if (format > quint8(SourceFormat::TextCopy))
        in.damaged();
    v.format = SourceFormat(format);
    readHeader(in, v.header);
    v.divisions.resize(in.count(20));
    for (Division &d : v.divisions) {
        d.id = in.string();
        d.type = in.string();
        d.title = in.string();
        d.parent = in.number<qint32>();
        d.depth = in.number<qint32>();
    }
    v.pages.resize(in.count(12));
    for (VolumePage &p : v.pages) {
        p.n = in.string();
        p.id = in.string();
        p.document = in.number<qint32>();
    }
    readGlossary(in, v.persons);
    readGlossary(in, v.terms);
    const std::size_t ids = in.count(13);
    v.ids.reserve(qsizetype(ids));
    for (std::size_t i = 0; i < ids && in.ok(); ++i) {
        const QString key = in.string();
        const auto kind = in.number<quint8>();
        if (kind > IdTarget::Other)
            in.damaged();
        const auto document = in.number<qint32>();
        const auto index = in.number<qint32>();
        v.ids.insert(key, IdTarget{IdTarget::Kind(kind), document, index});
    }
}

void readDocuments(OutlineReader &in, Volume &v)
{
    VolumeStats &s = v.stats;
    for (int *field : {&s.documents, &s.footnotes, &s.pageBreaks, &s.references, &s.internalReferences,
                       &s.resolvedReferences})
        *field = in.number<qint32>();
    v.warnings.resize(in.count(28));
    for (Error &w : v.warnings) {
        w.file = in.string();
        if (w.file.isEmpty())
            w.file = v.sourcePath;
        w.line = in.number<qint64>();
        w.column = in.number<qint64>();
        w.message = in.string();
    }
    v.documents.resize(in.count(48));
    for (Document &d : v.documents) {
        for (QString *field : {&d.id, &d.number, &d.title, &d.place, &d.date, &d.dateFrom, &d.dateTo,
                               &d.subtype, &d.firstPage})
            *field = in.string();
        d.division = in.number<qint32>();
        d.precedingCitations.last = in.string();
        d.precedingCitations.lastWithParts = in.string();
    }
}

bool inRange(int index, std::size_t size)
{
    return index >= -1 && index < qint64(size);
}

// Whether every index names what exists, as code that takes the volume assumes (ids are looked up with
// at() nowhere, but documents and divisions are indexed directly).
bool consistent(const VolumeOutline &o)
{
    const Volume &v = o.volume;
    for (std::size_t i = 0; i < v.divisions.size(); ++i) {
        if (!inRange(v.divisions[i].parent, i) || v.divisions[i].depth < 0) // parents come first
            return false;
    }
    for (const VolumePage &p : v.pages) {
        if (!inRange(p.document, v.documents.size()))
            return false;
    }
    for (const Document &d : v.documents) {
        if (!inRange(d.division, v.divisions.size()))
            return false;
    }
    for (const IdTarget &t : v.ids) {
        if (!inRange(t.document, v.documents.size()) || t.index < -1
            || (t.kind == IdTarget::Page && !inRange(t.index, v.pages.size()))
            || (t.kind == IdTarget::Division && !inRange(t.index, v.divisions.size())))
            return false;
    }
    if (!o.spans.empty() && o.spans.size() != v.documents.size())
        return false;
    for (const DocumentSpan &s : o.spans) {
        if (s.begin < 0 || s.end <= s.begin || s.end > o.fileSize || s.line < 0 || s.column < 0)
            return false;
    }
    return true;
}

QString damagedMessage()
{
    return Tr::tr("the library's outline of this volume is damaged; re-index the volume");
}

} // namespace

Result<VolumeOutline> decodeVolumeOutline(const QByteArray &encoded, const QString &sourcePath)
{
    const Result<QByteArray> fields = outlineFields(encoded, sourcePath);
    if (!fields)
        return fail(fields.error());
    OutlineReader in(*fields);
    VolumeOutline outline;
    outline.volume.sourcePath = sourcePath;
    readStructure(in, outline.volume);
    readDocuments(in, outline.volume);
    outline.spans.resize(in.count(32));
    for (DocumentSpan &s : outline.spans) {
        s.begin = in.number<qint64>();
        s.end = in.number<qint64>();
        s.line = in.number<qint64>();
        s.column = in.number<qint64>();
    }
    outline.namespaces = in.bytes();
    outline.fileSize = in.number<qint64>();
    if (!in.ok() || !in.atEnd() || !consistent(outline))
        return fail(sourcePath, 0, 0, damagedMessage());
    return outline;
}

} // namespace marginalia

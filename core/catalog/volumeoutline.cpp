#include "volumeoutline.h"

#include "outlineframe.h"
#include "parse/teisplitter.h"
#include "parse/unicodeinput.h"

#include <QDataStream>
#include <QIODevice>

#include <algorithm>
#include <cstring>
#include <optional>

namespace marginalia {

// Layout of the fields, version 3 (QDataStream, Qt 6.0 rules, big-endian; a string is its UTF-8 as a
// QByteArray), framed and compressed by outlineframe.cpp:
//   volume: id, title, subseries, format (quint8)
//   header (version 3): series, volumeNumber, volumeTitle, editors and generalEditors (each a count,
//     then the names), publisher, pubPlace, published
//   divisions: count, then id, type, title, parent, depth
//   pages: count, then n, id, document
//   persons, terms: count, then key, name, description (keys sorted)
//   ids: count, then key, kind (quint8), document, index (keys sorted)
//   stats: documents, footnotes, pageBreaks, references, internalReferences, resolvedReferences
//   warnings: count, then file (empty: the volume's file), line, column (qint64), message
//   documents: count, then id, number, title, place, date, dateFrom, dateTo, subtype, firstPage, division,
//     precedingCitations.last, precedingCitations.lastWithParts (version 2)
//   spans: count (0 or the document count), then begin, end, line, column (qint64)
//   namespaces (QByteArray), file size (qint64)
// Counts are quint32, indexes qint32. Sorted keys make the bytes the same for the same volume.

namespace {

constexpr QDataStream::Version kStreamVersion = QDataStream::Qt_6_0;

void put(QDataStream &out, const QString &s) { out << s.toUtf8(); }

template <typename T>
std::vector<typename QHash<QString, T>::const_iterator> sortedEntries(const QHash<QString, T> &hash)
{
    std::vector<typename QHash<QString, T>::const_iterator> entries;
    entries.reserve(std::size_t(hash.size()));
    for (auto it = hash.cbegin(); it != hash.cend(); ++it)
        entries.push_back(it);
    std::sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) { return a.key() < b.key(); });
    return entries;
}

void putGlossary(QDataStream &out, const QHash<QString, GlossaryEntry> &glossary)
{
    out << quint32(glossary.size());
    for (const auto &it : sortedEntries(glossary)) {
        put(out, it.key());
        put(out, it->name);
        put(out, it->description);
    }
}

void putHeader(QDataStream &out, const VolumeHeader &h)
{
    put(out, h.series);
    put(out, h.volumeNumber);
    put(out, h.volumeTitle);
    for (const QStringList *names : {&h.editors, &h.generalEditors}) {
        out << quint32(names->size());
        for (const QString &name : *names)
            put(out, name);
    }
    put(out, h.publisher);
    put(out, h.pubPlace);
    put(out, h.published);
}

void putVolume(QDataStream &out, const Volume &v)
{
    put(out, v.id);
    put(out, v.title);
    put(out, v.subseries);
    out << quint8(v.format);
    putHeader(out, v.header);
    out << quint32(v.divisions.size());
    for (const Division &d : v.divisions) {
        put(out, d.id);
        put(out, d.type);
        put(out, d.title);
        out << qint32(d.parent) << qint32(d.depth);
    }
    out << quint32(v.pages.size());
    for (const VolumePage &p : v.pages) {
        put(out, p.n);
        put(out, p.id);
        out << qint32(p.document);
    }
    putGlossary(out, v.persons);
    putGlossary(out, v.terms);
    out << quint32(v.ids.size());
    for (const auto &it : sortedEntries(v.ids)) {
        put(out, it.key());
        out << quint8(it->kind) << qint32(it->document) << qint32(it->index);
    }
    const VolumeStats &s = v.stats;
    out << qint32(s.documents) << qint32(s.footnotes) << qint32(s.pageBreaks) << qint32(s.references)
        << qint32(s.internalReferences) << qint32(s.resolvedReferences);
    out << quint32(v.warnings.size());
    for (const Error &w : v.warnings) {
        put(out, w.file == v.sourcePath ? QString() : w.file);
        out << qint64(w.line) << qint64(w.column);
        put(out, w.message);
    }
    out << quint32(v.documents.size());
    for (const Document &d : v.documents) {
        for (const QString *field : {&d.id, &d.number, &d.title, &d.place, &d.date, &d.dateFrom, &d.dateTo,
                                     &d.subtype, &d.firstPage})
            put(out, *field);
        out << qint32(d.division);
        put(out, d.precedingCitations.last);
        put(out, d.precedingCitations.lastWithParts);
    }
}

// Whether the split found the volume's documents, one for one and in order: each start tag holds its
// document's id (a cheap check that catches a split that went astray).
bool splitMatches(const TeiSplit &split, const Volume &volume, const QByteArray &data)
{
    if (split.crowdedTag >= 0 || split.documents.size() != volume.documents.size())
        return false;
    for (std::size_t i = 0; i < split.documents.size(); ++i) {
        const TeiSplit::Span &s = split.documents[i];
        const QByteArray tag = QByteArray::fromRawData(data.constData() + s.begin, s.tagEnd - s.begin);
        const QString &id = volume.documents[i].id;
        if (!id.isEmpty() && !tag.contains(id.toUtf8()))
            return false;
    }
    return true;
}

struct Parts {
    std::vector<DocumentSpan> spans;
    QByteArray namespaces;
};

// The spans of the volume's documents with the line and column each starts at, counted in one pass.
Parts partsOf(const Volume &volume, const QByteArray &data)
{
    if (volume.format != SourceFormat::Tei || volume.documents.empty() || !declaresUtf8(data))
        return {};
    const std::optional<TeiSplit> split = splitTeiDocuments(data);
    if (!split || !splitMatches(*split, volume, data))
        return {};
    Parts parts;
    parts.namespaces = split->namespaces;
    std::vector<DocumentSpan> &spans = parts.spans;
    spans.reserve(split->documents.size());
    const char *p = data.constData();
    qint64 line = 1;
    qsizetype counted = 0;   // newlines counted up to here
    qsizetype lineStart = 0; // just after the last newline before `counted`
    for (const TeiSplit::Span &s : split->documents) {
        line += std::count(p + counted, p + s.begin, '\n');
        if (const void *nl = memrchr(p + counted, '\n', std::size_t(s.begin - counted)))
            lineStart = static_cast<const char *>(nl) + 1 - p;
        counted = s.begin;
        // Characters, not bytes: UTF-8 continuation bytes do not start one.
        const qint64 column = std::count_if(p + lineStart, p + s.begin, [](char c) { return (uchar(c) & 0xC0) != 0x80; });
        spans.push_back({s.begin, s.end, line, column});
    }
    return parts;
}

} // namespace

QByteArray encodeVolumeOutline(const Volume &volume, const QByteArray &fileData)
{
    QByteArray fields;
    fields.reserve(4096 + qsizetype(volume.ids.size()) * 24 + qsizetype(volume.documents.size()) * 200);
    QDataStream out(&fields, QIODevice::WriteOnly);
    out.setVersion(kStreamVersion);
    putVolume(out, volume);
    const Parts parts = partsOf(volume, fileData);
    out << quint32(parts.spans.size());
    for (const DocumentSpan &s : parts.spans)
        out << qint64(s.begin) << qint64(s.end) << qint64(s.line) << qint64(s.column);
    out << parts.namespaces << qint64(fileData.size());
    return framedOutline(fields);
}

Document documentStub(const Document &d)
{
    Document stub;
    stub.id = d.id;
    stub.number = d.number;
    stub.title = d.title;
    stub.place = d.place;
    stub.date = d.date;
    stub.dateFrom = d.dateFrom;
    stub.dateTo = d.dateTo;
    stub.subtype = d.subtype;
    stub.firstPage = d.firstPage;
    stub.division = d.division;
    stub.precedingCitations = d.precedingCitations;
    return stub;
}

Volume volumeWithDocuments(const VolumeOutline &outline, const std::vector<std::pair<int, Document>> &documents)
{
    Volume volume = outline.volume;
    for (const auto &[index, document] : documents) {
        if (index >= 0 && std::size_t(index) < volume.documents.size())
            volume.documents[std::size_t(index)] = document;
    }
    return volume;
}

} // namespace marginalia

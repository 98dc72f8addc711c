#include "documentjson.h"

#include "parse/citation.h"
#include "library/library.h"
#include "model/readingtext.h"

#include <QJsonArray>
#include <QJsonValue>

#include <algorithm>
#include <tuple>

namespace marginalia {

namespace {

QJsonValue stringOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

// For each footnote, the body location its marker ends up at, following nested notes out to the body;
// Location{} for a chain that loops or names no note. Each note's answer is kept, so a note nested
// 100,000 deep costs one step, not 100,000 (walking each chain anew was quadratic in the nesting).
std::vector<Location> bodyMarkers(const Document &doc)
{
    const std::size_t n = doc.footnotes.size();
    enum State : std::uint8_t { Unknown, OnChain, Known };
    std::vector<Location> out(n);
    std::vector<State> state(n, Unknown);
    std::vector<std::size_t> chain;
    for (std::size_t i = 0; i < n; ++i) {
        Location found;
        for (std::size_t at = i;;) {
            if (state[at] != Unknown) {
                found = state[at] == Known ? out[at] : Location{}; // OnChain: a loop
                break;
            }
            state[at] = OnChain;
            chain.push_back(at);
            const Location &marker = doc.footnotes[at].marker;
            if (marker.inBody() || std::size_t(marker.footnote) >= n) {
                found = marker.inBody() ? marker : Location{};
                break;
            }
            at = std::size_t(marker.footnote);
        }
        for (const std::size_t c : chain) {
            out[c] = found;
            state[c] = Known;
        }
        chain.clear();
    }
    return out;
}

QJsonArray footnotesJson(const Library &library, int volumeIndex, int documentIndex,
                         const ReadingText &reading, const std::vector<Location> &markers)
{
    const Document &doc = library.volume(volumeIndex).documents.at(std::size_t(documentIndex));
    // Same as Library::citation for each note, computed once for the whole document.
    const std::vector<QString> citations = documentCitations(doc);
    QJsonArray out;
    for (std::size_t i = 0; i < doc.footnotes.size(); ++i) {
        const Footnote &fn = doc.footnotes[i];
        out.append(QJsonObject{
            {QStringLiteral("id"), fn.id},
            {QStringLiteral("label"), fn.label},
            {QStringLiteral("text"), plainText(fn.content, QStringLiteral(" ")).simplified()},
            {QStringLiteral("offset"), reading.offsetOf(markers[i])},
            {QStringLiteral("citation"), stringOrNull(citations[i])},
        });
    }
    return out;
}

// References in reading order: a note's references stand where its marker does, before body text
// that follows the marker.
std::vector<std::size_t> referencesInReadingOrder(const Document &doc, const std::vector<Location> &markers)
{
    using Key = std::tuple<int, int, int, int, int, int>;
    std::vector<std::pair<Key, std::size_t>> keyed;
    for (std::size_t i = 0; i < doc.crossReferences.size(); ++i) {
        const Location &w = doc.crossReferences[i].where;
        if (w.inBody()) {
            keyed.push_back({Key{w.block, w.offset, 1, 0, 0, 0}, i});
        } else {
            const Location m = std::size_t(w.footnote) < markers.size() ? markers[std::size_t(w.footnote)] : Location{};
            keyed.push_back({Key{m.block, m.offset, 0, w.footnote, w.block, w.offset}, i});
        }
    }
    std::stable_sort(keyed.begin(), keyed.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    std::vector<std::size_t> order;
    order.reserve(keyed.size());
    for (const auto &k : keyed)
        order.push_back(k.second);
    return order;
}

QJsonArray crossReferencesJson(const Library &library, int volumeIndex, const Document &doc,
                               const std::vector<Location> &markers)
{
    static const char *const kindNames[] = {"document", "footnote", "page", "section", "otherVolume",
                                            "external"};
    QJsonArray out;
    for (std::size_t i : referencesInReadingOrder(doc, markers)) {
        const CrossReference &ref = doc.crossReferences[i];
        const std::optional<ResolvedTarget> target = library.resolve(volumeIndex, ref);
        // An unresolved reference names the volume it was looked up in: its own, for "#d312".
        const QString volumeId = target ? library.volume(target->volume).id
            : ref.volume.isEmpty() ? library.volumeIdOf(volumeIndex) : ref.volume;
        out.append(QJsonObject{
            {QStringLiteral("label"), ref.label.simplified()},
            {QStringLiteral("target"), ref.target},
            {QStringLiteral("volume"), stringOrNull(volumeId)},
            {QStringLiteral("resolved"), target.has_value()},
            {QStringLiteral("kind"), QLatin1String(kindNames[std::size_t(ref.kind)])},
        });
    }
    return out;
}

QJsonArray pageBreaksJson(const Document &doc, const ReadingText &reading, const std::vector<Location> &markers)
{
    QJsonArray out;
    for (const PageBreak &pb : doc.pageBreaks) {
        // A break inside a long footnote belongs to the note: it stands where the note's marker does.
        const bool inNote = !pb.where.inBody() && std::size_t(pb.where.footnote) < doc.footnotes.size();
        const Location at = inNote ? markers[std::size_t(pb.where.footnote)] : pb.where;
        out.append(QJsonObject{
            {QStringLiteral("n"), pb.n},
            {QStringLiteral("offset"), reading.offsetOf(at)},
            {QStringLiteral("footnote"),
             inNote ? QJsonValue(doc.footnotes[std::size_t(pb.where.footnote)].id) : QJsonValue(QJsonValue::Null)},
        });
    }
    return out;
}

// A text copy has no dateline; the copy of the same document in its home volume does.
QString documentDate(const Library &library, int volumeIndex, const Document &doc)
{
    const int home = library.homeVolume(volumeIndex);
    if (!doc.date.isEmpty() || home < 0 || home == volumeIndex)
        return doc.date;
    const Document *same = library.volume(home).document(doc.id);
    return same ? same->date : QString();
}

} // namespace

QJsonObject documentJson(const Library &library, int volumeIndex, int documentIndex)
{
    const Document &doc = library.volume(volumeIndex).documents.at(std::size_t(documentIndex));
    const ReadingText reading(doc.body);
    const std::vector<Location> markers = bodyMarkers(doc);
    return QJsonObject{
        {QStringLiteral("volume"), stringOrNull(library.volumeIdOf(volumeIndex))},
        {QStringLiteral("id"), doc.id},
        {QStringLiteral("number"), stringOrNull(doc.number)},
        {QStringLiteral("title"), doc.title},
        {QStringLiteral("date"), stringOrNull(documentDate(library, volumeIndex, doc))},
        {QStringLiteral("text"), reading.text()},
        {QStringLiteral("footnotes"), footnotesJson(library, volumeIndex, documentIndex, reading, markers)},
        {QStringLiteral("crossReferences"), crossReferencesJson(library, volumeIndex, doc, markers)},
        {QStringLiteral("pageBreaks"), pageBreaksJson(doc, reading, markers)},
    };
}

} // namespace marginalia

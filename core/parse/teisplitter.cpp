#include "teisplitter.h"

#include "util/translate.h"
#include "util/utf8.h"

#include <climits>
#include <cstring>

namespace marginalia {

namespace {

bool isNameEnd(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '>' || c == '/';
}

const char *find(const char *from, const char *limit, char c)
{
    const auto *found = static_cast<const char *>(std::memchr(from, c, std::size_t(limit - from)));
    return found ? found : limit;
}

// Index just past the '>' that closes the tag starting at `at`, honouring quoted attribute values, or -1
// when the file ends first. `values` (if given) counts the quoted values, which in a well-formed start
// tag are its attributes; it counts them up to the end of the file when the tag never closes.
qsizetype tagEnd(const QByteArray &data, qsizetype at, int *values = nullptr)
{
    const char *p = data.constData();
    const char *end = p + data.size();
    const char *q = p + at;
    // The next '>' at or after q (end: none), and the next quote of each kind before it (close: none).
    // Each is searched again only once q has passed it, so a tag is scanned about once for each however
    // many values it holds; a '>' passed is one inside a value, and then the quotes are searched anew.
    const char *close = nullptr;
    const char *dq = nullptr;
    const char *sq = nullptr;
    for (;;) {
        if (!close || close < q)
            close = find(q, end, '>');
        if (!dq || dq < q || dq > close)
            dq = find(q, close, '"');
        if (!sq || sq < q || sq > close)
            sq = find(q, close, '\'');
        const char *quote = std::min(dq, sq);
        if (quote == close) // no quote before the '>'
            return close == end ? -1 : close + 1 - p;
        const auto *closing = static_cast<const char *>(std::memchr(quote + 1, *quote, std::size_t(end - quote - 1)));
        if (!closing)
            return -1;
        if (values && *values < INT_MAX)
            ++*values;
        q = closing + 1;
    }
}

qsizetype skipPast(const QByteArray &data, qsizetype from, const char *terminator)
{
    const qsizetype at = data.indexOf(terminator, from);
    return at < 0 ? -1 : at + qsizetype(std::strlen(terminator));
}

// What a '<' at `at` opens when it is no element: a comment, CDATA or a processing instruction, skipped
// whole (`next` is the index past it, -1 when the file ends first), or a document type declaration,
// which both scans leave to the reader to refuse.
enum class Markup { Element, Skipped, Doctype };
struct MarkupAt {
    Markup kind = Markup::Element;
    qsizetype next = -1;
};

MarkupAt markupAt(const QByteArray &data, qsizetype at)
{
    const char *p = data.constData() + at;
    const qsizetype left = data.size() - at;
    if (left < 2 || (p[1] != '!' && p[1] != '?'))
        return {};
    if (p[1] == '?')
        return {Markup::Skipped, skipPast(data, at + 2, "?>")};
    if (left >= 4 && std::memcmp(p, "<!--", 4) == 0)
        return {Markup::Skipped, skipPast(data, at + 4, "-->")};
    if (left >= 9 && std::memcmp(p, "<![CDATA[", 9) == 0)
        return {Markup::Skipped, skipPast(data, at + 9, "]]>")};
    return {Markup::Doctype, -1};
}

bool isDocumentTag(const QByteArray &data, qsizetype begin, qsizetype end)
{
    const QByteArray tag = QByteArray::fromRawData(data.constData() + begin, end - begin);
    return tag.contains("type=\"document\"") || tag.contains("type='document'");
}

QByteArray rootNamespaces(const QByteArray &data, qsizetype begin, qsizetype end)
{
    const QByteArray tag = data.mid(begin, end - begin);
    QByteArray out;
    qsizetype at = 0;
    while ((at = tag.indexOf("xmlns", at)) >= 0) {
        const qsizetype eq = tag.indexOf('=', at);
        if (eq < 0 || eq + 1 >= tag.size())
            break;
        const char quote = tag.at(eq + 1);
        const qsizetype close = tag.indexOf(quote, eq + 2);
        if (close < 0)
            break;
        out += ' ';
        out += tag.mid(at, close + 1 - at);
        at = close + 1;
    }
    return out;
}

} // namespace

std::optional<TeiSplit> splitTeiDocuments(const QByteArray &data)
{
    TeiSplit split;
    const char *p = data.constData();
    const qsizetype n = data.size();
    bool sawRoot = false;
    int depth = 0; // div nesting inside the current document; 0 outside documents
    TeiSplit::Span current;
    auto nextTag = [p, n](qsizetype from) -> qsizetype {
        if (from < 0 || from >= n)
            return -1;
        const auto *at = static_cast<const char *>(std::memchr(p + from, '<', std::size_t(n - from)));
        return at ? at - p : -1;
    };
    for (qsizetype i = nextTag(0); i >= 0 && i < n; i = nextTag(i)) {
        if (i + 1 >= n)
            return std::nullopt;
        const char next = p[i + 1];
        if (const MarkupAt markup = markupAt(data, i); markup.kind == Markup::Doctype) {
            return std::nullopt; // left to the sequential reader to refuse
        } else if (markup.kind == Markup::Skipped) {
            i = markup.next;
        } else if (next == '/') {
            // Only a div's end tag matters; any other holds no '<' before the next tag.
            if (depth == 0 || i + 5 >= n || std::memcmp(p + i + 2, "div", 3) != 0 || !isNameEnd(p[i + 5])) {
                i += 2;
                continue;
            }
            const qsizetype end = tagEnd(data, i);
            if (end < 0)
                return std::nullopt;
            if (--depth == 0) {
                current.end = end;
                split.documents.push_back(current);
            }
            i = end;
        } else {
            const bool isDiv = i + 4 < n && std::memcmp(p + i + 1, "div", 3) == 0 && isNameEnd(p[i + 4]);
            if (sawRoot && !isDiv) {
                // Most tags: nothing to learn but whether they are crowded, and an attribute takes at
                // least five bytes (` a=""`) before any '<', so a short tag need not be scanned.
                const qsizetype nextLt = nextTag(i + 1);
                if ((nextLt < 0 ? n : nextLt) - i < 5 * qsizetype(kMaxAttributes)) {
                    i = nextLt;
                    continue;
                }
            }
            int attributes = 0;
            const qsizetype end = tagEnd(data, i, &attributes);
            if (attributes > kMaxAttributes) {
                split.crowdedTag = i; // the reader would spend minutes on it: the caller refuses the file
                return split;
            }
            if (end < 0)
                return std::nullopt;
            const bool selfClosing = p[end - 2] == '/';
            if (!sawRoot) {
                sawRoot = true;
                split.namespaces = rootNamespaces(data, i, end);
            } else if (isDiv) {
                if (depth > 0) {
                    depth += selfClosing ? 0 : 1;
                } else if (isDocumentTag(data, i, end)) {
                    current = {i, end, end};
                    if (selfClosing)
                        split.documents.push_back(current); // an empty document: tagEnd == end
                    else
                        depth = 1;
                }
            }
            i = end;
        }
        if (i < 0)
            return std::nullopt;
    }
    if (depth != 0 || !sawRoot)
        return std::nullopt;
    return split;
}

qsizetype findCrowdedStartTag(const QByteArray &data)
{
    const char *p = data.constData();
    const qsizetype n = data.size();
    for (qsizetype i = data.indexOf('<'); i >= 0 && i + 1 < n; i = data.indexOf('<', i)) {
        if (const MarkupAt markup = markupAt(data, i); markup.kind == Markup::Doctype) {
            return -1; // which the reader refuses at once
        } else if (markup.kind == Markup::Skipped) {
            i = markup.next;
        } else {
            int attributes = 0;
            const qsizetype end = tagEnd(data, i, p[i + 1] == '/' ? nullptr : &attributes);
            if (attributes > kMaxAttributes)
                return i;
            i = end;
        }
        if (i < 0)
            return -1; // unterminated: the reader reports where
    }
    return -1;
}

Error crowdedTagError(const QByteArray &data, qsizetype at, const QString &fileName)
{
    qsizetype nameEnd = at + 1;
    while (nameEnd < data.size() && nameEnd - at <= 64 && !isNameEnd(data[nameEnd]))
        ++nameEnd;
    const QString name = QString::fromUtf8(data.mid(at + 1, nameEnd - at - 1));
    const Utf8Problem where = positionOfByte(data, at);
    return Error{fileName, where.line, where.column,
                 Tr::tr("the element <%1> has more than %2 attributes; no FRUS volume has an element with more than "
                        "a few, so the file is damaged or not a FRUS volume, and reading it would take minutes")
                     .arg(name)
                     .arg(kMaxAttributes)};
}

QByteArray wrapDocuments(const QByteArray &data, const TeiSplit &split, std::size_t first, std::size_t last)
{
    qsizetype size = split.namespaces.size() + 48;
    for (std::size_t i = first; i < last; ++i)
        size += split.documents[i].end - split.documents[i].begin;
    QByteArray out;
    out.reserve(size);
    out += "<TEI";
    out += split.namespaces;
    out += "><text><body>";
    for (std::size_t i = first; i < last; ++i) {
        const TeiSplit::Span &span = split.documents[i];
        out.append(data.constData() + span.begin, span.end - span.begin);
    }
    out += "</body></text></TEI>";
    return out;
}

QByteArray skeletonOf(const QByteArray &data, const TeiSplit &split)
{
    QByteArray out;
    qsizetype from = 0;
    for (const TeiSplit::Span &span : split.documents) {
        out.append(data.constData() + from, span.tagEnd - from);
        if (span.tagEnd != span.end)
            out += "</div>";
        from = span.end;
    }
    out.append(data.constData() + from, data.size() - from);
    return out;
}

} // namespace marginalia

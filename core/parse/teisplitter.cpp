#include "teisplitter.h"

#include <cstring>

namespace marginalia {

namespace {

bool isNameEnd(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '>' || c == '/';
}

// Index just past the '>' that closes the tag starting at `at`, honouring quoted attribute values.
qsizetype tagEnd(const QByteArray &data, qsizetype at)
{
    const char *p = data.constData();
    const char *end = p + data.size();
    const char *q = p + at;
    for (;;) {
        const auto *close = static_cast<const char *>(std::memchr(q, '>', std::size_t(end - q)));
        if (!close)
            return -1;
        // Most tags hold no quote before their '>'; only then does a quoted '>' need care.
        const auto *dq = static_cast<const char *>(std::memchr(q, '"', std::size_t(close - q)));
        const auto *sq = static_cast<const char *>(std::memchr(q, '\'', std::size_t(close - q)));
        const char *quote = dq && sq ? std::min(dq, sq) : (dq ? dq : sq);
        if (!quote)
            return close + 1 - p;
        const auto *closing = static_cast<const char *>(std::memchr(quote + 1, *quote, std::size_t(end - quote - 1)));
        if (!closing)
            return -1;
        q = closing + 1;
    }
}

qsizetype skipPast(const QByteArray &data, qsizetype from, const char *terminator)
{
    const qsizetype at = data.indexOf(terminator, from);
    return at < 0 ? -1 : at + qsizetype(std::strlen(terminator));
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
        if (next == '!' && i + 4 <= n && std::memcmp(p + i, "<!--", 4) == 0) {
            i = skipPast(data, i + 4, "-->");
        } else if (next == '!' && i + 9 <= n && std::memcmp(p + i, "<![CDATA[", 9) == 0) {
            i = skipPast(data, i + 9, "]]>");
        } else if (next == '?') {
            i = skipPast(data, i + 2, "?>");
        } else if (next == '!') {
            return std::nullopt; // a document type declaration: left to the sequential reader to refuse
        } else if (next == '/') {
            const qsizetype end = tagEnd(data, i);
            if (end < 0)
                return std::nullopt;
            if (depth > 0 && i + 5 < n && std::memcmp(p + i + 2, "div", 3) == 0 && isNameEnd(p[i + 5]) && --depth == 0) {
                current.end = end;
                split.documents.push_back(current);
            }
            i = end;
        } else {
            const qsizetype end = tagEnd(data, i);
            if (end < 0)
                return std::nullopt;
            const bool selfClosing = p[end - 2] == '/';
            if (!sawRoot) {
                sawRoot = true;
                split.namespaces = rootNamespaces(data, i, end);
            } else if (i + 4 < n && std::memcmp(p + i + 1, "div", 3) == 0 && isNameEnd(p[i + 4])) {
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

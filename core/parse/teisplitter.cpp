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
    const qsizetype n = data.size();
    char quote = 0;
    for (qsizetype i = at; i < n; ++i) {
        const char c = p[i];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return i + 1;
        }
    }
    return -1;
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
    QByteArray out;
    qsizetype at = begin;
    while ((at = data.indexOf("xmlns", at)) >= 0 && at < end) {
        const qsizetype eq = data.indexOf('=', at);
        if (eq < 0 || eq >= end)
            break;
        const qsizetype open = eq + 1;
        const char quote = data.at(open);
        const qsizetype close = data.indexOf(quote, open + 1);
        if (close < 0 || close >= end)
            break;
        out += ' ';
        out += data.mid(at, close + 1 - at);
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
    for (qsizetype i = data.indexOf('<'); i >= 0 && i < n; i = data.indexOf('<', i)) {
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

QByteArray wrapDocument(const QByteArray &data, const TeiSplit &split, std::size_t i)
{
    const TeiSplit::Span &span = split.documents.at(i);
    QByteArray out;
    out.reserve(span.end - span.begin + split.namespaces.size() + 48);
    out += "<TEI";
    out += split.namespaces;
    out += "><text><body>";
    out.append(data.constData() + span.begin, span.end - span.begin);
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

#include "librarysearch.h"

#include "library/library.h"
#include "model/readingtext.h"
#include "util/textfold.h"

#include <QStringView>

#include <algorithm>

namespace marginalia {

namespace {

// How far context reaches on each side of a hit before it is cut at a word boundary.
constexpr qsizetype contextReach = 40;

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing;
}

bool atWordBoundaries(QStringView text, qsizetype start, qsizetype length)
{
    const qsizetype end = start + length;
    const bool startsWord = isWordChar(text[start]);
    const bool endsWord = isWordChar(text[end - 1]);
    if (startsWord && start > 0 && isWordChar(text[start - 1]))
        return false;
    return !(endsWord && end < text.size() && isWordChar(text[end]));
}

bool isBlank(QChar c)
{
    return c.isSpace();
}

// The span of `text` around a hit that its context shows: about contextReach characters each side,
// within the hit's block (a newline ends it), cut where a word ends rather than inside one.
std::pair<qsizetype, qsizetype> contextSpan(QStringView text, qsizetype start, qsizetype end)
{
    qsizetype from = std::max<qsizetype>(0, start - contextReach);
    qsizetype to = std::min(text.size(), end + contextReach);
    for (qsizetype i = start - 1; i >= from; --i) {
        if (text[i] == u'\n') {
            from = i + 1;
            break;
        }
    }
    for (qsizetype i = end; i < to; ++i) {
        if (text[i] == u'\n') {
            to = i;
            break;
        }
    }
    if (from > 0 && !isBlank(text[from - 1])) {
        qsizetype i = from;
        while (i < start && !isBlank(text[i]))
            ++i;
        if (i < start) // else the hit's own word is longer than the reach: cut inside it
            from = i;
    }
    if (to < text.size() && !isBlank(text[to])) {
        qsizetype i = to;
        while (i > end && !isBlank(text[i - 1]))
            --i;
        if (i > end)
            to = i;
    }
    return {from, to};
}

// Fills hit.context and hit.contextStart: the span on one line, whitespace runs as one space, "…" where
// the span was cut short of its block.
void fillContext(QStringView text, qsizetype start, qsizetype end, SearchHit &hit)
{
    auto [from, to] = contextSpan(text, start, end);
    while (from < start && isBlank(text[from]))
        ++from;
    while (to > end && isBlank(text[to - 1]))
        --to;
    const QChar ellipsis(0x2026);
    QString context;
    context.reserve(to - from + 2);
    if (from > 0 && text[from - 1] != u'\n')
        context += ellipsis;
    bool lastBlank = false;
    for (qsizetype i = from; i < to; ++i) {
        if (i == start)
            hit.contextStart = int(context.size());
        const QChar c = text[i];
        if (isBlank(c)) {
            if (!lastBlank)
                context += QLatin1Char(' ');
        } else {
            context += c;
        }
        lastBlank = isBlank(c);
    }
    if (to < text.size() && text[to] != u'\n')
        context += ellipsis;
    hit.context = context;
}

// Runs one query over texts, collecting hits until the limit. Holds the folded copy of the text being
// searched, reused from one text to the next; nothing outlives the search.
class Searcher {
public:
    Searcher(const QString &query, const SearchOptions &options, std::vector<SearchHit> &hits, bool counting)
        : m_options(options)
        , m_hits(hits)
        , m_counting(counting)
    {
        foldForSearch(query, options.caseSensitive ? FoldCase::Keep : FoldCase::Ignore, m_needle);
    }

    bool full() const { return int(m_hits.size()) >= m_options.maxHits; }
    // Nothing more to find: the list is full and the total is not asked for.
    bool done() const { return full() && !m_counting; }
    int total() const { return m_total; }

    void searchDocument(int volume, int document, const Document &doc)
    {
        searchText(ReadingText(doc.body).text(), volume, document, -1);
        if (!m_options.includeNotes)
            return;
        for (std::size_t f = 0; f < doc.footnotes.size() && !done(); ++f)
            searchText(plainText(doc.footnotes[f].content), volume, document, int(f));
    }

private:
    void searchText(const QString &text, int volume, int document, int footnote)
    {
        if (text.size() < m_needle.size())
            return;
        foldForSearch(text, m_options.caseSensitive ? FoldCase::Keep : FoldCase::Ignore, m_folded);
        const qsizetype length = m_needle.size();
        qsizetype from = 0;
        while (!done()) {
            const qsizetype at = QStringView(m_folded).indexOf(m_needle, from);
            if (at < 0)
                return;
            if (m_options.wholeWords && !atWordBoundaries(text, at, length)) {
                from = at + 1;
                continue;
            }
            ++m_total;
            from = at + length;
            if (full())
                continue; // counted only
            SearchHit hit{volume, document, footnote, int(at), int(length), {}, 0};
            fillContext(text, at, at + length, hit);
            m_hits.push_back(std::move(hit));
        }
    }

    const SearchOptions &m_options;
    std::vector<SearchHit> &m_hits;
    bool m_counting;
    int m_total = 0;
    QString m_needle;
    QString m_folded;
};

} // namespace

std::vector<SearchHit> searchLibrary(const Library &library, const QString &query, const SearchOptions &options,
                                     const std::function<bool()> &cancelled, int *total)
{
    std::vector<SearchHit> hits;
    if (total)
        *total = 0;
    if (query.isEmpty() || options.maxHits <= 0 || options.volume >= library.size())
        return hits;
    Searcher searcher(query, options, hits, total != nullptr);
    const int firstVolume = std::max(options.volume, 0);
    const int lastVolume = options.volume >= 0 ? options.volume : library.size() - 1;
    for (int v = firstVolume; v <= lastVolume && !searcher.done(); ++v) {
        if (options.skipVolumes.contains(library.volume(v).id))
            continue;
        const std::vector<Document> &documents = library.volume(v).documents;
        const bool oneDocument = options.volume >= 0 && options.document >= 0;
        const int first = oneDocument ? options.document : 0;
        const int last = oneDocument ? std::min(options.document, int(documents.size()) - 1)
                                     : int(documents.size()) - 1;
        for (int d = first; d <= last && !searcher.done(); ++d) {
            if (cancelled && cancelled())
                return hits; // superseded: its count is of no use
            searcher.searchDocument(v, d, documents[std::size_t(d)]);
        }
    }
    if (total)
        *total = searcher.total();
    return hits;
}

} // namespace marginalia

// The relevance ranking of a library search without a pass over every match.
//
// FTS5 ranks a match in about a microsecond, and bm25 first counts every document of each phrase: over
// the whole series a common phrase ("Secretary of State", 418,600 documents of 1,400 volumes) costs
// 75 ms to count and half a second to rank. So a query is read in windows of rowids spread over the
// volumes it may match: the first matches of each window, in FTS5's own rowid order, with a LIMIT, are
// scored by marginalia_bm25 (ftsrank.h), given the phrases' document counts. A window that ends before
// its LIMIT has given all its matches; when every window has, the ranking is exact and so is the total.
// Else about rankAtMost matches, from every part of the library, were ranked, and the total is an
// estimate from how densely each window matched, until countMatches() counts it.
#include "catalogranking.h"

#include "database.h"
#include "databasecheck.h"
#include "ftsrank.h"
#include "statement.h"

#include <algorithm>
#include <cmath>

namespace marginalia {

namespace {

using State = CatalogVolumeInfo::State;

// How many windows a query's volumes are read in: enough to reach every part of the library, few enough
// that seeking into each phrase's doclist (60 to 190 µs a window) stays a small part of a search.
constexpr int kWindows = 16;

QString bounded(const CatalogScope &scope)
{
    return scope.where + QStringLiteral(" AND documents_fts.rowid BETWEEN ? AND ?");
}

bool anyVolumeFilter(const VolumeFilter &filter)
{
    return !filter.from.isEmpty() || !filter.to.isEmpty() || !filter.volume.isEmpty() || !filter.subseries.isEmpty();
}

// The rowids every document lies between; none (last < first) in an empty index.
Result<CatalogRange> documentRowids(const Database &db)
{
    // Two subqueries, not min() and max() of one: SQLite reads one end of the table for a lone min() or
    // max(), and every row for both together (a fifth of a search over the series).
    Statement span(db, QStringLiteral("SELECT (SELECT min(rowid) FROM documents), (SELECT max(rowid) FROM documents)"));
    if (auto done = span.exec(); !done)
        return fail(done.error());
    if (!span.next() || span.value(0).isNull())
        return CatalogRange{};
    return CatalogRange{span.value(0).toLongLong(), span.value(1).toLongLong(), true};
}

// A version-1 index has no volume_spans: one range over every document, read through the join unless
// nothing is filtered and no volume is hidden (missing or failed, with documents kept).
Result<std::vector<CatalogRange>> wholeIndex(const Database &db, const VolumeFilter &filter)
{
    Result<CatalogRange> span = documentRowids(db);
    if (!span)
        return fail(span.error());
    if (span->size() <= 0)
        return std::vector<CatalogRange>{};
    Result<QVariant> hidden = Statement::scalar(
        db, QStringLiteral("SELECT EXISTS (SELECT 1 FROM volumes WHERE state <> ? AND documents > 0)"), {int(State::Indexed)});
    if (!hidden)
        return fail(hidden.error());
    span->alone = !filter.perDocument && !anyVolumeFilter(filter) && !hidden->toBool();
    return std::vector<CatalogRange>{*span};
}

} // namespace

Result<CatalogRanges> catalogRanges(const Database &db, const VolumeFilter &filter, CatalogScope alone, CatalogScope joined)
{
    CatalogRanges result{{}, std::move(alone), std::move(joined)};
    Result<bool> spans = tableExists(db, QStringLiteral("volume_spans"));
    if (!spans)
        return fail(spans.error());
    if (!*spans) {
        Result<std::vector<CatalogRange>> whole = wholeIndex(db, filter);
        if (!whole)
            return fail(whole.error());
        result.ranges = std::move(*whole);
        result.filtered = result.ranges.empty() || !result.ranges.front().alone;
        Result<QVariant> documents = Statement::scalar(db, QStringLiteral("SELECT count(*) FROM documents"));
        if (!documents)
            return fail(documents.error());
        result.documents = documents->toLongLong();
        return result;
    }
    // Each volume is ruled out (0), read through the join (1) or read by FTS5 alone (2); neighbours of one
    // kind make one range. (Window functions would merge them in SQL, at three times the cost.)
    // A document matches [from, to] when its date_to >= from and its date_from <= to; a volume may hold
    // such a one when its latest date_to >= from and its earliest date_from <= to, and holds nothing else
    // when it has no undated documents and its dates lie inside.
    static const QString sql = QStringLiteral(
        "SELECT first_document, last_document,"
        "  CASE WHEN NOT (state = ? AND (? = '' OR id = ?) AND (? = '' OR subseries = ?)"
        "                 AND (? = '' OR IFNULL(date_to >= ?, 0)) AND (? = '' OR IFNULL(date_from <= ?, 0))) THEN 0"
        "       WHEN ? = 0 AND ((? = '' AND ? = '') OR undated = 0)"
        "            AND (? = '' OR IFNULL(date_from >= ?, 0)) AND (? = '' OR IFNULL(date_to <= ?, 0)) THEN 2"
        "       ELSE 1 END, documents"
        " FROM volume_spans ORDER BY first_document");
    const QString &from = filter.from, &to = filter.to;
    Statement volumes(db, sql);
    if (auto done = volumes.exec({int(State::Indexed), filter.volume, filter.volume, filter.subseries, filter.subseries,
                                  from, from, to, to, filter.perDocument ? 1 : 0, from, to, from, from, to, to});
        !done)
        return fail(done.error());
    int last = 0; // the kind of the volume before
    while (volumes.next()) {
        const int kind = volumes.integer(2);
        result.documents += volumes.value(3).toLongLong();
        result.filtered = result.filtered || kind != 2;
        if (kind != 0 && kind == last)
            result.ranges.back().last = volumes.value(1).toLongLong();
        else if (kind != 0)
            result.ranges.push_back({volumes.value(0).toLongLong(), volumes.value(1).toLongLong(), kind == 2});
        last = kind;
    }
    return result;
}

namespace {

struct Window {
    const CatalogRange *range = nullptr;
    qint64 low = 0, high = 0;
    int limit = 0;
};

// kWindows slices of the ranges laid end to end, each cut where a range ends; each window may read its
// share of `sample` matches.
std::vector<Window> windowsOf(const std::vector<CatalogRange> &ranges, qint64 sample)
{
    qint64 total = 0;
    for (const CatalogRange &r : ranges)
        total += r.size();
    std::vector<Window> windows;
    if (total <= 0)
        return windows;
    const qint64 slice = std::max<qint64>(1, (total + kWindows - 1) / kWindows);
    qint64 at = 0; // position in the ranges laid end to end
    for (const CatalogRange &r : ranges) {
        for (qint64 low = r.first; low <= r.last;) {
            const qint64 sliceEnd = (at / slice + 1) * slice; // where the slice `at` is in ends
            const qint64 high = std::min(r.last, low + (sliceEnd - at) - 1);
            const qint64 size = high - low + 1;
            const qint64 share = (sample * size + total - 1) / total;
            windows.push_back({&r, low, high, int(std::clamp<qint64>(share, 1, sample))});
            at += size;
            low = high + 1;
        }
    }
    return windows;
}

QString rankSql(const CatalogScope &scope, qsizetype phrases)
{
    QString counts;
    for (qsizetype i = 0; i < phrases; ++i)
        counts += QStringLiteral(", ?");
    // The weights are the table's own rank (catalogschema.cpp: bm25(10.0, 1.0, 1.0)).
    return QStringLiteral("SELECT documents_fts.rowid, marginalia_bm25(documents_fts, 10.0, 1.0, 1.0") + counts
        + QStringLiteral(")") + bounded(scope);
}

struct WindowRead {
    qint64 matches = 0; // counted, or estimated from the density when the LIMIT was reached
    bool complete = true;
};

// What `rows` matches read in rowid order up to `last`, of at most window.limit, say of the whole window.
WindowRead readOf(int rows, qint64 last, const Window &window)
{
    if (rows < window.limit)
        return WindowRead{rows, true};
    const double density = double(rows) / double(std::max<qint64>(1, last - window.low + 1));
    return WindowRead{std::max<qint64>(rows, qint64(std::llround(density * double(window.high - window.low + 1)))), false};
}

// The first `limit` matches of the window in rowid order, each scored.
Result<WindowRead> readWindow(const Database &db, const CatalogRanges &ranges, const Window &window,
                              const QVariantList &counts, std::vector<RankedMatch> &scored)
{
    const CatalogScope &scope = window.range->alone ? ranges.alone : ranges.joined;
    Statement read(db, rankSql(scope, counts.size()) + QStringLiteral(" ORDER BY documents_fts.rowid LIMIT ?"));
    QVariantList values = counts;
    values << scope.values << window.low << window.high << window.limit;
    if (auto done = read.exec(values); !done)
        return fail(done.error());
    int rows = 0;
    qint64 last = window.low;
    while (read.next()) {
        last = read.value(0).toLongLong();
        scored.push_back({last, read.value(1).toDouble()});
        ++rows;
    }
    return readOf(rows, last, window);
}

// How many documents of the whole index hold a phrase, as bm25 weighs it: exact when the phrase is rare,
// else estimated from four windows spread over the index.
Result<qint64> documentsHolding(const Database &db, const QString &phrase, qint64 low, qint64 high, int sample)
{
    Statement count(db, QStringLiteral("SELECT count(*), max(r) FROM (SELECT documents_fts.rowid AS r FROM documents_fts"
                                       " WHERE documents_fts MATCH ? AND documents_fts.rowid BETWEEN ? AND ?"
                                       " ORDER BY documents_fts.rowid LIMIT ?)"));
    const CatalogRange whole{low, high, true};
    qint64 total = 0;
    const qint64 quarter = std::max<qint64>(1, (high - low + 1) / 4);
    for (qint64 from = low; from <= high; from += quarter) {
        const Window window{&whole, from, std::min(high, from + quarter - 1), std::max(1, sample / 4)};
        if (auto done = count.exec({phrase, window.low, window.high, window.limit}); !done)
            return fail(done.error());
        if (count.next())
            total += readOf(count.integer(0), count.value(1).toLongLong(), window).matches;
    }
    return total;
}

// bm25's document count for each phrase. A prefix phrase is left to count as the query's matches: FTS5
// merges the doclists of every word it starts before reading any of them, so each statement naming it
// costs a pass, and the query's own count is close (of "negotiat"* OR "negoti"*, the wider one's).
Result<QVariantList> phraseCounts(const Database &db, const QString &match, qint64 queryTotal, int sample)
{
    Result<CatalogRange> span = documentRowids(db);
    if (!span)
        return fail(span.error());
    QVariantList counts;
    for (const QString &phrase : ftsPhrases(match)) {
        if (phrase.endsWith(QLatin1Char('*'))) {
            counts << queryTotal;
            continue;
        }
        Result<qint64> holding = documentsHolding(db, phrase, span->first, span->last, sample);
        if (!holding)
            return fail(holding.error());
        counts << *holding;
    }
    return counts;
}

void keepBest(std::vector<RankedMatch> &scored, int needed)
{
    std::sort(scored.begin(), scored.end(), [](const RankedMatch &a, const RankedMatch &b) {
        return a.score != b.score ? a.score < b.score : a.rowid < b.rowid;
    });
    if (scored.size() > std::size_t(needed))
        scored.resize(std::size_t(needed));
}

bool hasPrefix(const QString &match)
{
    const QStringList phrases = ftsPhrases(match);
    return std::any_of(phrases.begin(), phrases.end(), [](const QString &p) { return p.endsWith(QLatin1Char('*')); });
}

// A query with a prefix: FTS5 merges the doclists of every word with the prefix at each statement, so
// windows would pay that merge each. Two passes per range instead: FTS5 alone counts the range's matches
// (for a range read through the join, at least as many as are kept), which sets the stride, and then
// every stride-th rowid is ranked. The stride is tested before the join, so only the sampled matches are
// looked up; the kept ones among them, times the stride, estimate the join's total.
Result<RankedMatches> rankByPasses(const Database &db, const QString &match, const CatalogRanges &ranges, int sample, int needed)
{
    std::vector<qint64> inFts; // per range
    qint64 all = 0;
    for (const CatalogRange &range : ranges.ranges) {
        Result<QVariant> count = Statement::scalar(db, QStringLiteral("SELECT count(*)") + bounded(ranges.alone),
                                                   ranges.alone.values + QVariantList{range.first, range.last});
        if (!count)
            return fail(count.error());
        inFts.push_back(count->toLongLong());
        all += inFts.back();
    }
    RankedMatches result;
    if (all == 0)
        return result;
    Result<QVariantList> counts = phraseCounts(db, match, all, sample);
    if (!counts)
        return fail(counts.error());
    const qint64 stride = (all + sample - 1) / sample;
    for (std::size_t i = 0; i < ranges.ranges.size(); ++i) {
        const CatalogRange &range = ranges.ranges[i];
        if (inFts[i] == 0)
            continue;
        const CatalogScope &scope = range.alone ? ranges.alone : ranges.joined;
        Statement rank(db, rankSql(scope, counts->size()) + QStringLiteral(" AND documents_fts.rowid % ? = 0"));
        QVariantList values = *counts;
        values << scope.values << range.first << range.last << stride;
        if (auto done = rank.exec(values); !done)
            return fail(done.error());
        qint64 kept = 0;
        while (rank.next()) {
            result.best.push_back({rank.value(0).toLongLong(), rank.value(1).toDouble()});
            ++kept;
        }
        result.total += range.alone ? inFts[i] : kept * stride;
        result.exact = result.exact && (range.alone || stride == 1);
    }
    keepBest(result.best, needed);
    return result;
}

// Every match of every range scored.
Result<RankedMatches> rankEvery(const Database &db, const CatalogRanges &ranges, const QVariantList &counts, int needed)
{
    RankedMatches result;
    for (const CatalogRange &range : ranges.ranges) {
        const CatalogScope &scope = range.alone ? ranges.alone : ranges.joined;
        Statement rank(db, rankSql(scope, counts.size()));
        QVariantList values = counts;
        values << scope.values << range.first << range.last;
        if (auto done = rank.exec(values); !done)
            return fail(done.error());
        while (rank.next())
            result.best.push_back({rank.value(0).toLongLong(), rank.value(1).toDouble()});
    }
    result.total = qint64(result.best.size());
    keepBest(result.best, needed);
    return result;
}

} // namespace

Result<RankedMatches> rankMatches(const Database &db, const QString &match, const CatalogRanges &ranges,
                                  const CatalogQuery &query)
{
    const int sample = std::max(query.rankAtMost, 1);
    const int needed = std::max(0, query.limit) + std::max(0, query.offset);
    if (hasPrefix(match))
        return rankByPasses(db, match, ranges, sample, needed);
    // The counts are needed before the windows are read. One phrase over the whole index is its own
    // count: it is weighed 1, and its scores scaled by its idf once the windows have counted it.
    const bool single = ftsPhrases(match).size() == 1 && !ranges.filtered;
    Result<QVariantList> counts = single ? QVariantList{-1} : phraseCounts(db, match, 0, sample);
    if (!counts)
        return fail(counts.error());
    const auto scaled = [&](RankedMatches result) {
        if (single) {
            const double n = double(ranges.documents), holding = double(result.total);
            const double idf = std::log((n - holding + 0.5) / (holding + 0.5));
            for (RankedMatch &m : result.best)
                m.score *= idf > 0 ? idf : 1e-6; // bm25's floor (ftsrank.cpp)
        }
        return result;
    };
    // A sample too thin for the page (matches bunched in a few volumes) is read again four times as wide.
    for (qint64 wanted = sample;; wanted *= 4) {
        RankedMatches result;
        bool complete = true; // every window read to its end: every match ranked
        for (const Window &window : windowsOf(ranges.ranges, wanted)) {
            Result<WindowRead> read = readWindow(db, ranges, window, *counts, result.best);
            if (!read)
                return fail(read.error());
            result.total += read->matches;
            complete = complete && read->complete;
        }
        result.exact = complete;
        if (!complete && result.total <= qint64(sample) * 2) {
            // Perhaps as few as rankAtMost, unevenly spread, so that a window stopped at its LIMIT: the
            // estimate may miss either way, the count (of so few, cheap) does not.
            Result<qint64> total = countMatches(db, ranges);
            if (!total)
                return fail(total.error());
            if (*total <= sample) {
                Result<RankedMatches> every = rankEvery(db, ranges, *counts, needed);
                if (!every)
                    return fail(every.error());
                return scaled(std::move(*every));
            }
            result.total = *total;
            result.exact = true;
        }
        if (complete || result.best.size() >= std::size_t(needed) || wanted > result.total * 4) {
            keepBest(result.best, needed);
            return scaled(std::move(result));
        }
    }
}

Result<qint64> countMatches(const Database &db, const CatalogRanges &ranges)
{
    qint64 total = 0;
    for (const CatalogRange &range : ranges.ranges) {
        const CatalogScope &scope = range.alone ? ranges.alone : ranges.joined;
        QVariantList values = scope.values;
        values << range.first << range.last;
        Result<QVariant> count = Statement::scalar(db, QStringLiteral("SELECT count(*)") + bounded(scope), values);
        if (!count)
            return fail(count.error());
        total += count->toLongLong();
    }
    return total;
}

} // namespace marginalia

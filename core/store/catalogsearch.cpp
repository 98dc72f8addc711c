// CatalogStore's search: the library index's FTS5 table with the catalog's filters.
#include "catalogstore.h"

#include "catalogquery.h"
#include "database.h"
#include "catalogranking.h"
#include "ftsrank.h"
#include "statement.h"
#include "util/translate.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace marginalia {

namespace {

// The WHERE clause of a query and its values, in order. Every value is bound; the SQL is ours.
struct Filter {
    QString from;
    QStringList conditions;
    QVariantList values;
    VolumeFilter volumes; // what rules out whole volumes (catalogranking.h)
};

Result<QString> isoDate(const QString &date, bool end)
{
    static const QRegularExpression iso(QStringLiteral("^\\d{4}(-\\d{2}(-\\d{2})?)?$"));
    const QString trimmed = date.trimmed();
    if (!iso.match(trimmed).hasMatch())
        return fail(QString(), 0, 0, Tr::tr("not a date: \"%1\"; give yyyy, yyyy-mm or yyyy-mm-dd").arg(date));
    // ISO dates compare as text. The end of a range takes in every day it names: "1962" ends after
    // "1962-12-31", since '~' sorts after the digits and '-'.
    return end ? trimmed + QLatin1Char('~') : trimmed;
}

Result<Filter> filterFor(const CatalogQuery &query, const QString &match)
{
    Filter filter;
    if (match.isEmpty()) {
        filter.from = QStringLiteral("documents d");
    } else {
        filter.from = QStringLiteral("documents_fts JOIN documents d ON d.rowid = documents_fts.rowid");
        filter.conditions << QStringLiteral("documents_fts MATCH ?");
        filter.values << match;
    }
    filter.from += QStringLiteral(" JOIN volumes v ON v.rowid = d.volume");
    // Missing volumes keep their rows for the annotations' sake, but their files cannot be opened.
    filter.conditions << QStringLiteral("v.state = ?");
    filter.values << int(CatalogVolumeInfo::State::Indexed);
    // A document whose [date_from, date_to] overlaps [from, to].
    if (!query.from.trimmed().isEmpty()) {
        Result<QString> from = isoDate(query.from, false);
        if (!from)
            return fail(from.error());
        filter.conditions << QStringLiteral("d.date_to >= ?");
        filter.values << *from;
        filter.volumes.from = *from;
    }
    if (!query.to.trimmed().isEmpty()) {
        Result<QString> to = isoDate(query.to, true);
        if (!to)
            return fail(to.error());
        filter.conditions << QStringLiteral("d.date_from <= ?") << QStringLiteral("d.date_from <> ''");
        filter.values << *to;
        filter.volumes.to = *to;
    }
    const std::pair<const QString *, const char *> equal[] = {
        {&query.volume, "v.id = ?"}, {&query.subseries, "v.subseries = ?"}, {&query.kind, "d.kind = ?"},
        {&query.person, "EXISTS (SELECT 1 FROM document_persons p WHERE p.document = d.rowid AND p.person = ?)"}};
    for (const auto &[value, condition] : equal) {
        if (!value->isEmpty()) {
            filter.conditions << QString::fromLatin1(condition);
            filter.values << *value;
        }
    }
    filter.volumes.volume = query.volume;
    filter.volumes.subseries = query.subseries;
    filter.volumes.perDocument = !query.kind.isEmpty() || !query.person.isEmpty() || query.documents.has_value();
    if (query.documents) {
        // One bound value however many keys: a JSON array, read back by json_each.
        filter.conditions << QStringLiteral("(v.id || '/' || d.id) IN (SELECT value FROM json_each(?))");
        filter.values << QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(*query.documents)).toJson(QJsonDocument::Compact));
    }
    return filter;
}

QString dateOf(const QString &from, const QString &to)
{
    return to.isEmpty() || to == from ? from : from + QLatin1Char('/') + to;
}

// The text around the first hit, from the document's stored text: its body, else its notes, else its title.
QString snippetFor(const QString &title, const QString &text, const QString &notes, const SnippetMaker &snippets)
{
    for (const QString *part : {&text, &notes, &title}) {
        QString snippet = snippets.snippet(*part);
        if (!snippet.isEmpty())
            return snippet;
    }
    // FTS5 matched what the C++ matcher does not see (or nothing was asked): the opening instead.
    const qsizetype titleEnd = text.indexOf(QLatin1Char('\n'));
    const QString opening = text.mid(titleEnd < 0 ? 0 : titleEnd).simplified();
    return QString(opening.left(150) + (opening.size() > 150 ? QStringLiteral("…") : QString()));
}

// Fills in the hits' snippets. Hits often come from neighbouring documents, so each block of text is
// read and decompressed once.
Result<void> addSnippets(const Database &db, const std::vector<qint64> &rowids, const SnippetMaker &snippets,
                         std::vector<CatalogHit> &hits)
{
    Statement where(db, QStringLiteral("SELECT text_block, text_part FROM documents WHERE rowid = ?"));
    Statement block(db, QStringLiteral("SELECT data FROM text_blocks WHERE rowid = ?"));
    QHash<qint64, QByteArray> blocks;
    QString title, text, notes;
    for (std::size_t i = 0; i < rowids.size(); ++i) {
        if (auto done = where.exec({rowids[i]}); !done)
            return done;
        if (!where.next())
            continue;
        const qint64 blockId = where.value(0).toLongLong();
        auto it = blocks.find(blockId);
        if (it == blocks.end()) {
            if (auto done = block.exec({blockId}); !done)
                return done;
            it = blocks.insert(blockId, block.next() ? uncompressTextBlock(block.value(0).toByteArray()) : QByteArray());
        }
        if (documentTextAt(*it, where.integer(1), title, text, notes))
            hits[i].snippet = snippetFor(title, text, notes, snippets);
    }
    return {};
}

// A statement to run and its values.
struct HitQuery {
    QString sql;
    QVariantList values;
};

const QString kFtsAlone = QStringLiteral(" FROM documents_fts WHERE documents_fts MATCH ?");

const QString kHitColumns = QStringLiteral("d.rowid, v.id, d.id, d.number, d.title, d.date_from, d.date_to, d.kind");

// The hits' columns, in the ranking's order.
Result<void> describeHits(const Database &db, const std::vector<RankedMatch> &ranked, std::size_t from, std::size_t count,
                          std::vector<qint64> &rowids, CatalogSearchResults &results)
{
    Statement describe(db, QStringLiteral("SELECT ") + kHitColumns
                               + QStringLiteral(" FROM documents d JOIN volumes v ON v.rowid = d.volume WHERE d.rowid = ?"));
    for (std::size_t i = from; i < ranked.size() && i < from + count; ++i) {
        if (auto done = describe.exec({ranked[i].rowid}); !done)
            return done;
        if (!describe.next())
            continue; // a dangling FTS row (see catalogwrite.cpp): no document
        rowids.push_back(ranked[i].rowid);
        results.results.push_back({describe.text(1), describe.text(2), describe.text(3), describe.text(4),
                                   dateOf(describe.text(5), describe.text(6)), describe.text(7), ranked[i].score, {}});
    }
    return {};
}

// The matches in date order, undated ones (date_from NULL or '') last. When the query matches a good part of the library (a
// common word), walking the documents in date order and asking FTS5 about each finds the first fifty at
// once, where reading every match and sorting them takes seconds; for fewer matches the other way round
// is faster. The count says which is which. `ranges` are the query's when it has words (their
// `documents` is the library's size), null when it has none.
HitQuery datedHits(const Filter &filter, const CatalogQuery &query, int total, const CatalogRanges *ranges)
{
    const bool matching = ranges != nullptr;
    const bool common = matching && qint64(total) * 50 > ranges->documents; // over 2 % of the library
    QString sql;
    QVariantList values;
    if (common) {
        // CROSS JOIN keeps the documents (by their date index) outermost; dated ones first, then the rest.
        QString from = filter.from;
        from.replace(QStringLiteral("documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"),
                     QStringLiteral("documents d CROSS JOIN documents_fts ON documents_fts.rowid = d.rowid"));
        const QString where = QStringLiteral(" FROM ") + from + QStringLiteral(" WHERE ")
            + filter.conditions.join(QStringLiteral(" AND "));
        sql = QStringLiteral("SELECT * FROM (SELECT ") + kHitColumns + QStringLiteral(", 0") + where
            + QStringLiteral(" AND d.date_from > '' ORDER BY d.date_from, v.id, d.ordinal LIMIT ?) UNION ALL SELECT * FROM (SELECT ")
            + kHitColumns + QStringLiteral(", 0") + where
            + QStringLiteral(" AND IFNULL(d.date_from, '') = '' ORDER BY v.id, d.ordinal LIMIT ?) LIMIT ? OFFSET ?");
        const int needed = query.limit + std::max(0, query.offset);
        values << filter.values << needed << filter.values << needed;
    } else {
        const QString where = QStringLiteral(" FROM ") + filter.from + QStringLiteral(" WHERE ")
            + filter.conditions.join(QStringLiteral(" AND "));
        sql = QStringLiteral("SELECT ") + kHitColumns + (matching ? QStringLiteral(", documents_fts.rank") : QStringLiteral(", 0"))
            + where + QStringLiteral(" ORDER BY IFNULL(d.date_from, '') = '', d.date_from, v.id, d.ordinal LIMIT ? OFFSET ?");
        values << filter.values;
    }
    values << query.limit << std::max(0, query.offset);
    return HitQuery{sql, values};
}

// A query made SQL: the MATCH expression, the filters, and the " FROM … WHERE …" they make.
struct PreparedQuery {
    CatalogMatch match;
    Filter filter;
    QString where;
};

Result<PreparedQuery> prepare(const CatalogQuery &query)
{
    Result<CatalogMatch> match = parseCatalogQuery(query.text);
    if (!match)
        return fail(match.error());
    Result<Filter> filter = filterFor(query, match->match);
    if (!filter)
        return fail(filter.error());
    const QString where = QStringLiteral(" FROM ") + filter->from + QStringLiteral(" WHERE ")
        + filter->conditions.join(QStringLiteral(" AND "));
    return PreparedQuery{std::move(*match), std::move(*filter), where};
}

// What a query with words reads (catalogranking.h); none for browsing by the filters alone.
Result<std::optional<CatalogRanges>> rangesOf(const Database &db, const PreparedQuery &prepared)
{
    if (prepared.match.match.isEmpty())
        return std::optional<CatalogRanges>{};
    Result<CatalogRanges> ranges = catalogRanges(db, prepared.filter.volumes, {kFtsAlone, {prepared.match.match}},
                                                 {prepared.where, prepared.filter.values});
    if (!ranges)
        return fail(ranges.error());
    return std::optional<CatalogRanges>(std::move(*ranges));
}

// Every match counted; without words, every document the filters keep (browsing: no FTS5).
Result<qint64> countAll(const Database &db, const PreparedQuery &prepared, const CatalogRanges *ranges)
{
    if (ranges)
        return countMatches(db, *ranges);
    Result<QVariant> total = Statement::scalar(db, QStringLiteral("SELECT count(*)") + prepared.where, prepared.filter.values);
    if (!total)
        return fail(total.error());
    return total->toLongLong();
}

// The best matches by relevance (catalogranking.cpp), counted when asked, described in rank order.
Result<void> rankedHits(const Database &db, const PreparedQuery &prepared, const CatalogRanges &ranges,
                        const CatalogQuery &query, std::vector<qint64> &rowids, CatalogSearchResults &results)
{
    Result<RankedMatches> ranked = rankMatches(db, prepared.match.match, ranges, query);
    if (!ranked)
        return fail(ranked.error());
    results.total = int(ranked->total);
    results.totalExact = ranked->exact;
    if (query.exactTotal && !ranked->exact) {
        Result<qint64> total = countMatches(db, ranges);
        if (!total)
            return fail(total.error());
        results.total = int(*total);
        results.totalExact = true;
    }
    return describeHits(db, ranked->best, std::size_t(std::max(0, query.offset)), std::size_t(std::max(0, query.limit)),
                        rowids, results);
}

// The matches (or, without words, the documents) in date order.
Result<void> datedHitsOf(const Database &db, const PreparedQuery &prepared, const CatalogRanges *ranges,
                         const CatalogQuery &query, std::vector<qint64> &rowids, CatalogSearchResults &results)
{
    if (query.limit <= 0 || results.total <= query.offset)
        return {};
    const HitQuery plan = datedHits(prepared.filter, query, results.total, ranges);
    Statement hits(db, plan.sql);
    if (auto done = hits.exec(plan.values); !done)
        return done;
    while (hits.next()) {
        rowids.push_back(hits.value(0).toLongLong());
        results.results.push_back({hits.text(1), hits.text(2), hits.text(3), hits.text(4),
                                   dateOf(hits.text(5), hits.text(6)), hits.text(7), hits.value(8).toDouble(), {}});
    }
    return {};
}

} // namespace

Result<int> CatalogStore::count(const CatalogQuery &query) const
{
    Result<PreparedQuery> prepared = prepare(query);
    if (!prepared)
        return fail(prepared.error());
    Result<std::optional<CatalogRanges>> ranges = rangesOf(m_db, *prepared);
    if (!ranges)
        return fail(ranges.error());
    Result<qint64> total = countAll(m_db, *prepared, *ranges ? &**ranges : nullptr);
    if (!total)
        return fail(total.error());
    return int(*total);
}

Result<CatalogSearchResults> CatalogStore::search(const CatalogQuery &query) const
{
    Result<PreparedQuery> prepared = prepare(query);
    if (!prepared)
        return fail(prepared.error());
    CatalogSearchResults results;
    std::vector<qint64> rowids;
    const bool byRank = query.sort == CatalogQuery::Sort::Relevance && !prepared->match.match.isEmpty();
    Result<std::optional<CatalogRanges>> ranges = rangesOf(m_db, *prepared);
    if (!ranges)
        return fail(ranges.error());
    if (byRank) {
        if (!m_rankReady) {
            if (auto ready = registerFtsRank(m_db); !ready)
                return fail(ready.error());
            m_rankReady = true;
        }
        if (auto done = rankedHits(m_db, *prepared, **ranges, query, rowids, results); !done)
            return fail(done.error());
    } else {
        const CatalogRanges *matching = *ranges ? &**ranges : nullptr;
        Result<qint64> total = countAll(m_db, *prepared, matching);
        if (!total)
            return fail(total.error());
        results.total = int(*total);
        if (auto done = datedHitsOf(m_db, *prepared, matching, query, rowids, results); !done)
            return fail(done.error());
    }
    const SnippetMaker snippets(prepared->match.highlight);
    if (auto done = addSnippets(m_db, rowids, snippets, results.results); !done)
        return fail(done.error());
    return results;
}

} // namespace marginalia

// AnnotationStore's full-text side: search over the annotations, and over the documents' text beside them.
#include "annotationstore.h"

#include "database.h"
#include "documenttextstore.h"
#include "ftsquery.h"
#include "statement.h"

#include <algorithm>

namespace marginalia {

namespace {

// The best `limit` annotations by rank, with their snippets. FTS5 sorts by rank itself and stops at the
// LIMIT before reading the columns; the join comes after, in an outer query, so that it cannot take the
// ordering away from FTS5.
Result<std::vector<StoreSearchHit>> searchAnnotations(const Database &db, const QString &match, int limit,
                                                      const SnippetMaker &snippets)
{
    Statement query(db,
                    QStringLiteral("SELECT a.id, a.document, f.note, f.exact, f.tags, f.rank FROM (SELECT rowid, note,"
                                   " exact, tags, rank FROM annotations_fts WHERE annotations_fts MATCH ?"
                                   " ORDER BY rank LIMIT ?) f JOIN annotations a ON a.rowid = f.rowid ORDER BY f.rank"));
    query.bind(match).bind(limit);
    if (auto done = query.exec(); !done)
        return fail(done.error());
    std::vector<StoreSearchHit> hits;
    while (query.next()) {
        QString snippet;
        for (int column = 2; column <= 4 && snippet.isEmpty(); ++column)
            snippet = snippets.snippet(query.text(column));
        if (snippet.isEmpty())
            snippet = query.text(2).simplified();
        hits.push_back({StoreSearchHit::AnnotationHit, query.text(0), query.text(1), snippet, query.value(5).toDouble()});
    }
    return hits;
}

} // namespace

Result<std::vector<StoreSearchHit>> AnnotationStore::search(const QString &query, int limit,
                                                            const DocumentTextStore *documents) const
{
    const std::vector<SearchTerm> terms = searchTerms(query);
    const QString match = ftsQuery(terms);
    if (match.isEmpty() || limit <= 0)
        return std::vector<StoreSearchHit>();
    const SnippetMaker snippets(terms);
    Result<std::vector<StoreSearchHit>> hits = searchAnnotations(m_db, match, limit, snippets);
    if (!hits || !documents)
        return hits;
    Result<std::vector<StoreSearchHit>> inDocuments = documents->search(match, terms, limit);
    if (!inDocuments)
        return inDocuments;
    hits->insert(hits->end(), inDocuments->begin(), inDocuments->end());
    // Both ranks are bm25 of one query over short texts of one tokenizer: comparable enough to interleave.
    std::stable_sort(hits->begin(), hits->end(),
                     [](const StoreSearchHit &a, const StoreSearchHit &b) { return a.rank < b.rank; });
    if (hits->size() > std::size_t(limit))
        hits->resize(std::size_t(limit));
    return hits;
}

} // namespace marginalia

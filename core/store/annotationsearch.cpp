// AnnotationStore's full-text side: the documents' index and search over it and the annotations.
#include "annotationstore.h"

#include "database.h"
#include "ftsquery.h"
#include "statement.h"

#include <QDateTime>

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

// The best documents by rank, without snippets: see documentSnippet().
Result<std::vector<StoreSearchHit>> searchDocuments(const Database &db, const QString &match, int limit)
{
    Statement query(db,
                    QStringLiteral("SELECT rowid, key, rank FROM documents_fts WHERE documents_fts MATCH ?"
                                   " ORDER BY rank LIMIT ?"));
    query.bind(match).bind(limit);
    if (auto done = query.exec(); !done)
        return fail(done.error());
    std::vector<StoreSearchHit> hits;
    while (query.next()) {
        // The rowid rides in `snippet` until documentSnippet() replaces it.
        hits.push_back({StoreSearchHit::DocumentHit, QString(), query.text(1), query.text(0), query.value(2).toDouble()});
    }
    return hits;
}

// A document's snippet, made in C++ from its stored text (a cheap lookup by rowid): FTS5's snippet()
// would tokenize every candidate document whole, the larger part of a search for a common word.
// `row` is "SELECT title, body FROM documents_fts WHERE rowid = ?".
Result<QString> documentSnippet(Statement &row, const SnippetMaker &snippets, qint64 rowid)
{
    if (auto done = row.exec({rowid}); !done)
        return fail(done.error());
    if (!row.next())
        return QString();
    const QString body = row.text(1);
    QString snippet = snippets.snippet(body);
    if (snippet.isEmpty())
        snippet = snippets.snippet(row.text(0));
    if (snippet.isEmpty()) // FTS5 matched what the C++ matcher does not see: show the opening instead
        snippet = body.left(150).simplified() + (body.size() > 150 ? QStringLiteral("…") : QString());
    return snippet;
}

} // namespace

Result<void> AnnotationStore::indexDocument(const QString &documentKey, const QString &title, const QString &text)
{
    return m_db.transaction([&]() -> Result<void> {
        Result<QVariant> id = Statement::scalar(m_db,
                                                QStringLiteral("SELECT id FROM indexed_documents WHERE key = ?"),
                                                {documentKey});
        if (!id)
            return fail(id.error());
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        qint64 rowid = id->toLongLong();
        if (id->isValid()) {
            auto done = Statement::run(m_db, QStringLiteral("DELETE FROM documents_fts WHERE rowid = ?"), {rowid});
            if (done)
                done = Statement::run(m_db, QStringLiteral("UPDATE indexed_documents SET indexed = ? WHERE id = ?"),
                                      {now, rowid});
            if (!done)
                return done;
        } else {
            Statement insert(m_db, QStringLiteral("INSERT INTO indexed_documents (key, indexed) VALUES (?, ?)"));
            insert.bind(documentKey).bind(now);
            if (auto done = insert.exec(); !done)
                return done;
            rowid = insert.lastInsertId();
        }
        return Statement::run(m_db,
                              QStringLiteral("INSERT INTO documents_fts (rowid, key, title, body) VALUES (?, ?, ?, ?)"),
                              {rowid, documentKey, title, text});
    });
}

Result<bool> AnnotationStore::isDocumentIndexed(const QString &documentKey) const
{
    Result<QVariant> found = Statement::scalar(m_db,
                                               QStringLiteral("SELECT 1 FROM indexed_documents WHERE key = ?"),
                                               {documentKey});
    if (!found)
        return fail(found.error());
    return found->isValid();
}

Result<std::vector<StoreSearchHit>> AnnotationStore::search(const QString &query, int limit) const
{
    const std::vector<SearchTerm> terms = searchTerms(query);
    const QString match = ftsQuery(terms);
    if (match.isEmpty() || limit <= 0)
        return std::vector<StoreSearchHit>();
    const SnippetMaker snippets(terms);
    Result<std::vector<StoreSearchHit>> hits = searchAnnotations(m_db, match, limit, snippets);
    if (!hits)
        return hits;
    Result<std::vector<StoreSearchHit>> documents = searchDocuments(m_db, match, limit);
    if (!documents)
        return documents;
    hits->insert(hits->end(), documents->begin(), documents->end());
    std::stable_sort(hits->begin(), hits->end(),
                     [](const StoreSearchHit &a, const StoreSearchHit &b) { return a.rank < b.rank; });
    if (hits->size() > std::size_t(limit))
        hits->resize(std::size_t(limit));
    Statement row(m_db, QStringLiteral("SELECT title, body FROM documents_fts WHERE rowid = ?"));
    for (StoreSearchHit &hit : *hits) {
        if (hit.kind == StoreSearchHit::DocumentHit) {
            Result<QString> snippet = documentSnippet(row, snippets, hit.snippet.toLongLong());
            if (!snippet)
                return fail(snippet.error());
            hit.snippet = *snippet;
        }
    }
    return hits;
}

} // namespace marginalia

// AnnotationStore's full-text side: the documents' index and search over it and the annotations.
#include "annotationstore.h"

#include "database.h"
#include "ftsquery.h"
#include "statement.h"

#include <QDateTime>

#include <algorithm>

namespace marginalia {

namespace {

// snippet() for the best column, the match between «», at most 12 tokens, on one line.
QString snippetCall(const char *table)
{
    return QStringLiteral("snippet(%1, -1, '«', '»', '…', 12)").arg(QLatin1String(table));
}

// Ranks every match but makes snippets only for the best `limit`: a snippet re-reads and re-tokenizes
// a whole document, which for a common word over a volume would cost more than the search itself.
Result<std::vector<StoreSearchHit>> searchAnnotations(const StoreConnection &c, const QString &match, int limit)
{
    Statement query(c.db, c.path,
                    QStringLiteral("SELECT a.id, a.document, %1, annotations_fts.rank FROM annotations_fts"
                                   " JOIN annotations a ON a.rowid = annotations_fts.rowid"
                                   " WHERE annotations_fts MATCH ?1 AND annotations_fts.rowid IN"
                                   " (SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH ?1"
                                   "  ORDER BY rank LIMIT ?2)")
                        .arg(snippetCall("annotations_fts")));
    query.bind(match).bind(limit);
    if (auto done = query.exec(); !done)
        return fail(done.error());
    std::vector<StoreSearchHit> hits;
    while (query.next())
        hits.push_back({StoreSearchHit::AnnotationHit, query.text(0), query.text(1), query.text(2),
                        query.value(3).toDouble()});
    return hits;
}

Result<std::vector<StoreSearchHit>> searchDocuments(const StoreConnection &c, const QString &match, int limit)
{
    Statement query(c.db, c.path,
                    QStringLiteral("SELECT d.key, %1, documents_fts.rank FROM documents_fts"
                                   " JOIN indexed_documents d ON d.id = documents_fts.rowid"
                                   " WHERE documents_fts MATCH ?1 AND documents_fts.rowid IN"
                                   " (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?1"
                                   "  ORDER BY rank LIMIT ?2)")
                        .arg(snippetCall("documents_fts")));
    query.bind(match).bind(limit);
    if (auto done = query.exec(); !done)
        return fail(done.error());
    std::vector<StoreSearchHit> hits;
    while (query.next())
        hits.push_back({StoreSearchHit::DocumentHit, QString(), query.text(0), query.text(1), query.value(2).toDouble()});
    return hits;
}

} // namespace

Result<bool> AnnotationStore::indexDocument(const QString &documentKey, const QString &title, const QString &text)
{
    const StoreConnection c{m_db.connection(), m_db.path()};
    return m_db.transaction([&]() -> Result<bool> {
        Result<QVariant> id = Statement::scalar(c.db, c.path,
                                                QStringLiteral("SELECT id FROM indexed_documents WHERE key = ?"),
                                                {documentKey});
        if (!id)
            return fail(id.error());
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        qint64 rowid = id->toLongLong();
        if (id->isValid()) {
            auto done = Statement::run(c.db, c.path, QStringLiteral("DELETE FROM documents_fts WHERE rowid = ?"), {rowid});
            if (done)
                done = Statement::run(c.db, c.path, QStringLiteral("UPDATE indexed_documents SET indexed = ? WHERE id = ?"),
                                      {now, rowid});
            if (!done)
                return done;
        } else {
            Statement insert(c.db, c.path, QStringLiteral("INSERT INTO indexed_documents (key, indexed) VALUES (?, ?)"));
            insert.bind(documentKey).bind(now);
            if (auto done = insert.exec(); !done)
                return done;
            rowid = insert.lastInsertId();
        }
        return Statement::run(c.db, c.path,
                              QStringLiteral("INSERT INTO documents_fts (rowid, key, title, body) VALUES (?, ?, ?, ?)"),
                              {rowid, documentKey, title, text});
    });
}

Result<bool> AnnotationStore::isDocumentIndexed(const QString &documentKey) const
{
    Result<QVariant> found = Statement::scalar(m_db.connection(), m_db.path(),
                                               QStringLiteral("SELECT 1 FROM indexed_documents WHERE key = ?"),
                                               {documentKey});
    if (!found)
        return fail(found.error());
    return found->isValid();
}

Result<std::vector<StoreSearchHit>> AnnotationStore::search(const QString &query, int limit) const
{
    const QString match = ftsQuery(query);
    if (match.isEmpty() || limit <= 0)
        return std::vector<StoreSearchHit>();
    const StoreConnection c{m_db.connection(), m_db.path()};
    Result<std::vector<StoreSearchHit>> hits = searchAnnotations(c, match, limit);
    if (!hits)
        return hits;
    Result<std::vector<StoreSearchHit>> documents = searchDocuments(c, match, limit);
    if (!documents)
        return documents;
    hits->insert(hits->end(), documents->begin(), documents->end());
    std::stable_sort(hits->begin(), hits->end(),
                     [](const StoreSearchHit &a, const StoreSearchHit &b) { return a.rank < b.rank; });
    if (hits->size() > std::size_t(limit))
        hits->resize(std::size_t(limit));
    for (StoreSearchHit &hit : *hits)
        hit.snippet.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return hits;
}

} // namespace marginalia

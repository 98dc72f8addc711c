#include "documenttextstore.h"

#include "annotationstore.h"
#include "database.h"
#include "ftsquery.h"
#include "model/document.h"
#include "model/readingtext.h"
#include "statement.h"

#include <QDateTime>

#include <algorithm>

namespace marginalia {

namespace {

// The best documents by rank, without snippets: see documentSnippet().
Result<std::vector<StoreSearchHit>> searchDocuments(const Database &db, const QString &match, int limit)
{
    Statement query(db,
                    QStringLiteral("SELECT rowid, key, rank FROM annotated_documents_fts WHERE annotated_documents_fts MATCH ?"
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
// `row` is "SELECT title, body FROM annotated_documents_fts WHERE rowid = ?".
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

QStringList documentTextTables()
{
    return {
        QStringLiteral("CREATE TABLE annotated_documents ("
                       " id INTEGER PRIMARY KEY,"
                       " key TEXT NOT NULL UNIQUE,"
                       " indexed TEXT)"),
        QStringLiteral("CREATE VIRTUAL TABLE annotated_documents_fts USING fts5("
                       " key UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')"),
    };
}

DocumentTextStore::DocumentTextStore(Database &catalog) : m_db(catalog) {}

Result<void> DocumentTextStore::indexDocument(const QString &documentKey, const QString &title, const QString &text)
{
    return m_db.transaction([&]() -> Result<void> {
        Result<QVariant> id = Statement::scalar(m_db,
                                                QStringLiteral("SELECT id FROM annotated_documents WHERE key = ?"),
                                                {documentKey});
        if (!id)
            return fail(id.error());
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        qint64 rowid = id->toLongLong();
        if (id->isValid()) {
            auto done = Statement::run(m_db, QStringLiteral("DELETE FROM annotated_documents_fts WHERE rowid = ?"), {rowid});
            if (done)
                done = Statement::run(m_db, QStringLiteral("UPDATE annotated_documents SET indexed = ? WHERE id = ?"),
                                      {now, rowid});
            if (!done)
                return done;
        } else {
            Statement insert(m_db, QStringLiteral("INSERT INTO annotated_documents (key, indexed) VALUES (?, ?)"));
            insert.bind(documentKey).bind(now);
            if (auto done = insert.exec(); !done)
                return done;
            rowid = insert.lastInsertId();
        }
        return Statement::run(m_db,
                              QStringLiteral("INSERT INTO annotated_documents_fts (rowid, key, title, body) VALUES (?, ?, ?, ?)"),
                              {rowid, documentKey, title, text});
    });
}

Result<bool> DocumentTextStore::isDocumentIndexed(const QString &documentKey) const
{
    Result<QVariant> found = Statement::scalar(m_db,
                                               QStringLiteral("SELECT 1 FROM annotated_documents WHERE key = ?"),
                                               {documentKey});
    if (!found)
        return fail(found.error());
    return found->isValid();
}

Result<void> DocumentTextStore::indexDocumentOnce(const QString &documentKey, const Document &doc)
{
    Result<bool> indexed = isDocumentIndexed(documentKey);
    if (!indexed)
        return fail(indexed.error());
    if (*indexed)
        return {};
    QStringList text{ReadingText(doc.body).text()};
    for (const Footnote &note : doc.footnotes)
        text.append(plainText(note.content));
    return indexDocument(documentKey, doc.title, text.join(QStringLiteral("\n\n")));
}

Result<std::vector<StoreSearchHit>> DocumentTextStore::search(const QString &match, const std::vector<SearchTerm> &terms,
                                                              int limit) const
{
    Result<std::vector<StoreSearchHit>> hits = searchDocuments(m_db, match, limit);
    if (!hits)
        return hits;
    const SnippetMaker snippets(terms);
    Statement row(m_db, QStringLiteral("SELECT title, body FROM annotated_documents_fts WHERE rowid = ?"));
    for (StoreSearchHit &hit : *hits) {
        Result<QString> snippet = documentSnippet(row, snippets, hit.snippet.toLongLong());
        if (!snippet)
            return fail(snippet.error());
        hit.snippet = *snippet;
    }
    return hits;
}

} // namespace marginalia

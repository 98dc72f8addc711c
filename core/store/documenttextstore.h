#pragma once

#include "util/result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace marginalia {

class Database;
struct Document;
struct SearchTerm;
struct StoreSearchHit;

// The reading text of documents a user annotated, kept in the library index (catalog.sqlite) so that
// `marginalia-cli search` finds the words of the documents one works on beside the notes, also when
// their file was opened directly rather than added to the library. Derived data: made again from the
// file whenever it is lost, which is why it lives in the index and not in the annotation database.
// The tables DocumentTextStore needs, for the library index's schema. documents rows share the id of
// their annotated_documents row, so that indexing a document again finds its old row without a scan.
QStringList documentTextTables();

class DocumentTextStore {
public:
    explicit DocumentTextStore(Database &catalog);

    // Puts a document's text (body and notes) in the index under its key, replacing what was there.
    Result<void> indexDocument(const QString &documentKey, const QString &title, const QString &text);
    Result<bool> isDocumentIndexed(const QString &documentKey) const;
    // indexDocument() of the document's title, reading text and notes, unless it is there already.
    Result<void> indexDocumentOnce(const QString &documentKey, const Document &doc);
    // The best `limit` documents for an FTS5 MATCH expression, by rank, each with a snippet of the terms.
    Result<std::vector<StoreSearchHit>> search(const QString &match, const std::vector<SearchTerm> &terms,
                                               int limit) const;

private:
    Database &m_db;
};

} // namespace marginalia

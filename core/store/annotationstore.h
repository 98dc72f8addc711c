#pragma once

#include "model/annotation.h"
#include "util/result.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace marginalia {

class Database;
class DocumentTextStore;

// A hit of a full-text search (SQLite FTS5) over annotations (note, quote, tags) and documents' text.
struct StoreSearchHit {
    enum Kind { AnnotationHit, DocumentHit } kind = AnnotationHit;
    QString annotationId; // AnnotationHit
    QString document;     // the document key
    QString snippet;      // plain text around the match, the match between «»
    double rank = 0;      // lower is better (bm25)
};

// Annotations and tags in the database. Every write is one transaction and is durable when it returns.
// Writes on a read-only database fail with a message saying so.
class AnnotationStore {
public:
    explicit AnnotationStore(Database &db);

    Result<void> add(const Annotation &annotation);
    Result<void> update(const Annotation &annotation); // by id; fails when there is none
    Result<bool> remove(const QString &id);
    Result<std::optional<Annotation>> find(const QString &id) const;
    Result<std::vector<Annotation>> forDocument(const QString &documentKey) const; // by position
    Result<std::vector<Annotation>> withTag(const QString &tag) const;           // case-insensitive
    Result<std::vector<Annotation>> all() const;
    // Everyone who wrote an annotation here (a team's members after a sync), by name, each once.
    Result<QStringList> authors() const;
    // Import: adds those not there, replaces those whose `modified` is newer, keeps the rest. One
    // transaction. Returns how many were added or replaced.
    Result<int> merge(const std::vector<Annotation> &annotations);

    // Tags with the number of annotations carrying each, by name; unique case-insensitively.
    Result<std::vector<Tag>> tags() const;
    Result<void> setTagColor(const QString &name, const QString &color);
    // The colour of a tag, empty when there is no such tag.
    Result<QString> tagColor(const QString &name) const;

    // FTS5 query over the annotations and, when given, the documents' text in the library index; words
    // are matched as prefixes, quotes keep phrases.
    Result<std::vector<StoreSearchHit>> search(const QString &query, int limit = 200,
                                               const DocumentTextStore *documents = nullptr) const;

private:
    Database &m_db;
};

} // namespace marginalia

#pragma once

#include "store/annotationdatabase.h"
#include "store/catalogrecords.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace marginalia {

class CatalogStore;
class Database;

// The library index ("catalog"): its own SQLite file beside the annotation database, derived from the
// volumes the user added and so always rebuildable (discard() and index again). The window and the CLI
// read it through this class and fill it with indexCatalog() (catalogindexer.h). Missing volumes (their
// file vanished) keep their rows for the annotations' sake and are listed, but search and cited-by leave
// them out: their documents cannot be opened.
class Catalog {
public:
    ~Catalog();
    Catalog(const Catalog &) = delete;
    Catalog &operator=(const Catalog &) = delete;

    // For reading, a file that does not exist yet reads as an empty library (and is not created); a file
    // that is not a library index, or is damaged, fails with a message saying so (discard() then lets the
    // caller start a new one).
    static Result<std::unique_ptr<Catalog>> open(const QString &path, DatabaseAccess access);
    // Deletes the index file with its -wal and -shm files: the index is derived, the annotations are not
    // in it. Fails while another process indexes it.
    static Result<void> discard(const QString &path);
    // Whether a process (this one or another) holds PATH.lock, i.e. is indexing the library at `path`.
    static bool isIndexing(const QString &path);

    const QString &path() const { return m_path; }

    // Files or folders, stored absolute; re-adding is a no-op. Nothing is read until indexCatalog().
    Result<void> addSources(const QStringList &paths);
    // A volume id, a volume's file, or a source: the volumes no source covers any more are removed with
    // all their rows. A file inside a source folder is kept out of that folder from then on (adding it
    // again brings it back). Returns how many volumes were removed.
    Result<int> remove(const QString &volumeIdOrPath);
    Result<QStringList> sources() const;
    Result<std::vector<CatalogVolumeInfo>> volumes() const; // by id
    Result<CatalogStatus> status() const;
    Result<CatalogSearchResults> search(const CatalogQuery &query) const;
    Result<int> count(const CatalogQuery &query) const; // every match, as search() with exactTotal counts them
    Result<QByteArray> volumeOutline(const QString &volumeId) const;
    // A volume's documents in its order, with what the library tree shows; empty for an unknown id.
    Result<std::vector<CatalogDocumentInfo>> documents(const QString &volumeId) const;
    // A volume's glossary of persons (for the person filter) and of terms, by name.
    Result<std::vector<CatalogGlossaryEntry>> persons(const QString &volumeId) const;
    Result<std::vector<CatalogGlossaryEntry>> terms(const QString &volumeId) const;
    // The persons of all indexed volumes' glossaries, each id once (the window's person filter).
    Result<std::vector<CatalogPerson>> allPersons() const;
    // The documents citing `documentId` of `volumeId` in their text or notes, with the citing sentence.
    Result<std::vector<CitingDocument>> citedBy(const QString &volumeId, const QString &documentId) const;
    Result<QString> volumePath(const QString &volumeId) const;

private:
    Catalog() = default;

    QString m_path;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<CatalogStore> m_store; // refers to m_db: declared after it, destroyed first
};

} // namespace marginalia

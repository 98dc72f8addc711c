#pragma once

#include "catalogrecords.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace marginalia {

class Database;

// The library index's rows (catalogschema.cpp). Reads from any connection; writes come from one writer
// at a time (the indexer holds a lock file), each volume in one transaction, so that an interrupted run
// leaves whole volumes only. Missing volumes keep their rows (annotations refer to their documents) and
// are left out of search and cited-by.
class CatalogStore {
public:
    explicit CatalogStore(Database &db);

    Database &database() const { return m_db; }

    // Sources: files and folders the user added. Adding clears a path's exclusion.
    Result<void> addSource(const QString &path);
    // Keeps `path` out of the folder sources that hold it.
    Result<void> excludeSource(const QString &path);
    Result<bool> removeSource(const QString &path);
    Result<std::vector<CatalogSource>> sourceEntries() const;

    // The indexer's side (catalogwrite.cpp).
    Result<std::vector<CatalogFileState>> fileStates() const;
    // The file holding volume `id` (any state), if any.
    Result<std::optional<CatalogFileState>> fileOfVolume(const QString &id) const;
    // Replaces whatever the index held for the file `stamp.path` with `volume`; a Missing file that held
    // the same volume id elsewhere (the volume moved) gives its rows up. One transaction.
    Result<void> writeVolume(const CatalogFileStamp &stamp, const CatalogVolumeRecord &volume);
    // The file did not give a volume: its old rows go, the row says why.
    Result<void> writeFailure(const CatalogFileStamp &stamp, const QString &message);
    // The file's content is what was indexed (same hash): new size and mtime, state Indexed.
    Result<void> updateStamp(const CatalogFileStamp &stamp);
    Result<void> markMissing(const QString &path);
    // Deletes the volumes of these files with all their rows. Returns how many there were.
    Result<int> removeFiles(const QStringList &paths);

    // Readers.
    Result<std::vector<CatalogVolumeInfo>> volumes() const; // by id, then path
    Result<CatalogStatus> status() const;                   // without `indexing`
    Result<QByteArray> volumeOutline(const QString &volumeId) const;
    Result<std::vector<CatalogDocumentInfo>> documents(const QString &volumeId) const; // in volume order
    // `table` is Persons or Terms; by name.
    enum class Glossary { Persons, Terms };
    Result<std::vector<CatalogGlossaryEntry>> glossary(const QString &volumeId, Glossary table) const;
    Result<QString> volumePath(const QString &volumeId) const;
    // catalogpersons.cpp: every person id of the indexed volumes' glossaries, by name then id.
    Result<std::vector<CatalogPerson>> persons() const;
    Result<std::vector<CitingDocument>> citedBy(const QString &volumeId, const QString &documentId) const;
    // catalogsearch.cpp
    Result<CatalogSearchResults> search(const CatalogQuery &query) const;
    // Every match of the query counted: the total a search with exactTotal false only estimated.
    Result<int> count(const CatalogQuery &query) const;

private:
    Database &m_db;
    mutable bool m_rankReady = false; // marginalia_bm25 registered on the connection (ftsrank.h)
};

} // namespace marginalia

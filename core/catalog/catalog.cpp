#include "catalog.h"

#include "catalogindexer.h"
#include "catalogsources.h"
#include "store/catalogschema.h"
#include "store/catalogstore.h"
#include "store/database.h"
#include "util/translate.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>

namespace marginalia {

Catalog::~Catalog() = default;

Result<std::unique_ptr<Catalog>> Catalog::open(const QString &path, DatabaseAccess access)
{
    Result<std::unique_ptr<Database>> db = fail(path, 0, 0, QString());
    if (access == DatabaseAccess::Write)
        db = Database::open(catalogSchema(), path);
    else if (!path.isEmpty() && !QFileInfo::exists(path))
        db = Database::openEmpty(catalogSchema(), path);
    else
        db = Database::openForReading(catalogSchema(), path);
    if (!db)
        return fail(db.error());
    std::unique_ptr<Catalog> catalog(new Catalog);
    catalog->m_path = (*db)->path();
    catalog->m_db = std::move(*db);
    catalog->m_store = std::make_unique<CatalogStore>(*catalog->m_db);
    return catalog;
}

bool Catalog::isIndexing(const QString &path)
{
    QLockFile lock(QFileInfo(path).absoluteFilePath() + QStringLiteral(".lock"));
    lock.setStaleLockTime(LockStaleAfterMs);
    if (lock.tryLock(0)) {
        lock.unlock();
        return false;
    }
    return lock.error() == QLockFile::LockFailedError;
}

Result<void> Catalog::discard(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (isIndexing(absolute))
        return fail(absolute, 0, 0, Tr::tr("the library is being indexed; cancel the indexing first"));
    for (const QString &file : QStringList{absolute, absolute + QStringLiteral("-wal"), absolute + QStringLiteral("-shm")}) {
        QFile f(file);
        if (f.exists() && !f.remove())
            return fail(file, 0, 0, Tr::tr("cannot delete the file (%1)").arg(f.errorString()));
    }
    return {};
}

Result<void> Catalog::addSources(const QStringList &paths)
{
    QStringList absolute;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists())
            return fail(path, 0, 0, Tr::tr("no such file or folder"));
        absolute << QDir::cleanPath(info.absoluteFilePath());
    }
    return m_db->transaction([&]() -> Result<void> {
        for (const QString &path : std::as_const(absolute)) {
            if (auto done = m_store->addSource(path); !done)
                return done;
        }
        return {};
    });
}

Result<int> Catalog::remove(const QString &volumeIdOrPath)
{
    Result<std::optional<CatalogFileState>> byId = m_store->fileOfVolume(volumeIdOrPath);
    if (!byId)
        return fail(byId.error());
    const QString path = *byId ? (*byId)->stamp.path : QDir::cleanPath(QFileInfo(volumeIdOrPath).absoluteFilePath());
    Result<std::vector<CatalogSource>> sources = m_store->sourceEntries();
    if (!sources)
        return fail(sources.error());
    Result<bool> wasSource = m_store->removeSource(path);
    if (!wasSource)
        return fail(wasSource.error());
    if (!*wasSource) {
        if (!isCovered(path, *sources))
            return fail(volumeIdOrPath, 0, 0, Tr::tr("no such volume, file or folder in the library"));
        if (auto done = m_store->excludeSource(path); !done)
            return fail(done.error());
    }
    Result<std::vector<CatalogSource>> left = m_store->sourceEntries();
    Result<std::vector<CatalogFileState>> files = m_store->fileStates();
    if (!left || !files)
        return fail(!left ? left.error() : files.error());
    QStringList uncovered;
    for (const CatalogFileState &file : *files) {
        if (!isCovered(file.stamp.path, *left))
            uncovered << file.stamp.path;
    }
    return m_store->removeFiles(uncovered);
}

Result<QStringList> Catalog::sources() const
{
    Result<std::vector<CatalogSource>> entries = m_store->sourceEntries();
    if (!entries)
        return fail(entries.error());
    QStringList paths;
    for (const CatalogSource &source : *entries) {
        if (!source.excluded)
            paths << source.path;
    }
    return paths;
}

Result<std::vector<CatalogVolumeInfo>> Catalog::volumes() const
{
    return m_store->volumes();
}

Result<CatalogStatus> Catalog::status() const
{
    Result<CatalogStatus> status = m_store->status();
    if (status)
        status->indexing = isIndexing(m_path);
    return status;
}

Result<CatalogSearchResults> Catalog::search(const CatalogQuery &query) const
{
    return m_store->search(query);
}

Result<int> Catalog::count(const CatalogQuery &query) const
{
    return m_store->count(query);
}

Result<QByteArray> Catalog::volumeOutline(const QString &volumeId) const
{
    return m_store->volumeOutline(volumeId);
}

Result<std::vector<CatalogDocumentInfo>> Catalog::documents(const QString &volumeId) const
{
    return m_store->documents(volumeId);
}

Result<std::vector<CatalogGlossaryEntry>> Catalog::persons(const QString &volumeId) const
{
    return m_store->glossary(volumeId, CatalogStore::Glossary::Persons);
}

Result<std::vector<CatalogGlossaryEntry>> Catalog::terms(const QString &volumeId) const
{
    return m_store->glossary(volumeId, CatalogStore::Glossary::Terms);
}

Result<std::vector<CatalogPerson>> Catalog::allPersons() const
{
    return m_store->persons();
}

Result<std::vector<CitingDocument>> Catalog::citedBy(const QString &volumeId, const QString &documentId) const
{
    return m_store->citedBy(volumeId, documentId);
}

Result<QString> Catalog::volumePath(const QString &volumeId) const
{
    return m_store->volumePath(volumeId);
}

} // namespace marginalia

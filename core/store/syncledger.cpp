#include "syncledger.h"

#include "annotationrows.h"
#include "database.h"
#include "nativestatement.h"
#include "statement.h"
#include "syncapplying.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <unordered_map>

namespace marginalia {

namespace {

QString tagsText(const QStringList &tags)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact));
}

QStringList tagsFrom(const QString &text)
{
    QStringList tags;
    for (const QJsonValue &tag : QJsonDocument::fromJson(text.toUtf8()).array())
        tags << tag.toString();
    return tags;
}

Result<void> keepHistory(const Database &db, const HistoryEntry &entry)
{
    return Statement::run(db,
                          QStringLiteral("INSERT INTO annotation_history (annotation_id, note, color, tags, author,"
                                         " modified, replaced, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                          {entry.annotationId, entry.note, entry.color, tagsText(entry.tags), entry.author,
                           storedTime(entry.modified),
                           storedTime(entry.replaced.isValid() ? entry.replaced : QDateTime::currentDateTimeUtc()),
                           entry.reason});
}

HistoryEntry historyOf(const Annotation &a, const QString &reason)
{
    return HistoryEntry{a.id, a.note, a.color, a.tags, a.author, a.modified, QDateTime::currentDateTimeUtc(), reason};
}

Result<void> setVersion(const Database &db, const QString &id, qint64 version)
{
    NativeStatement write(db, "INSERT OR REPLACE INTO sync_versions (annotation_id, server_version) VALUES (?1, ?2)");
    return write.bind(1, id).bind(2, version).run();
}

Result<void> settle(const Database &db, const PendingChange &change)
{
    return Statement::run(db, QStringLiteral("DELETE FROM sync_changes WHERE annotation_id = ? AND seq = ?"),
                          {change.id, change.seq});
}

// Makes the annotation here what the server holds. Returns whether anything here changed.
// A pull of many rows (a new machine's first sync of a large team) writes into every index of the file;
// beyond SQLite's default 2 MB page cache it reads the same pages back from the OS again and again, and a
// first sync of 100,000 annotations took three times as long as one of 50,000. For such a write the
// connection keeps up to 64 MB of pages, and gives them back afterwards.
class LargerCacheWhileWriting {
public:
    LargerCacheWhileWriting(const Database &db, std::size_t rows) : m_db(db), m_raised(rows > 2000)
    {
        if (m_raised)
            (void)Statement::run(m_db, QStringLiteral("PRAGMA cache_size = -65536"));
    }
    ~LargerCacheWhileWriting()
    {
        if (m_raised)
            (void)Statement::run(m_db, QStringLiteral("PRAGMA cache_size = -2000"));
    }
    LargerCacheWhileWriting(const LargerCacheWhileWriting &) = delete;
    LargerCacheWhileWriting &operator=(const LargerCacheWhileWriting &) = delete;

private:
    const Database &m_db;
    bool m_raised;
};

Result<bool> writeTeamRow(const Database &db, const TeamRow &row, SearchRows *later = nullptr)
{
    if (auto versioned = setVersion(db, row.annotation.id, row.version); !versioned)
        return fail(versioned.error());
    if (row.deleted)
        return eraseAnnotationRow(db, row.annotation.id);
    NativeStatement find(db, "SELECT 1 FROM annotations WHERE id = ?1");
    Result<bool> existing = find.bind(1, row.annotation.id).next();
    if (!existing)
        return fail(existing.error());
    find.reset();
    if (auto written = writeAnnotationRow(db, row.annotation, *existing, later); !written)
        return fail(written.error());
    return true;
}

Result<std::optional<Annotation>> annotationHere(const Database &db, const QString &id)
{
    Result<std::vector<Annotation>> found = queryAnnotations(db, QStringLiteral("WHERE a.id = ?"), {id});
    if (!found)
        return fail(found.error());
    if (found->empty())
        return std::optional<Annotation>();
    return std::optional<Annotation>(found->front());
}

} // namespace

SyncLedger::SyncLedger(Database &db) : m_db(db) {}

Result<std::vector<PendingChange>> SyncLedger::pending() const
{
    Statement changes(m_db, QStringLiteral("SELECT c.seq, c.annotation_id, c.deleted, c.changed,"
                                           " coalesce(v.server_version, 0)"
                                           " FROM sync_changes c LEFT JOIN sync_versions v"
                                           " ON v.annotation_id = c.annotation_id ORDER BY c.seq"));
    if (auto done = changes.exec(); !done)
        return fail(done.error());
    std::vector<PendingChange> pending;
    while (changes.next())
        pending.push_back(PendingChange{changes.value(0).toLongLong(), changes.text(1), changes.integer(2) != 0,
                                        readStoredTime(changes.text(3)), changes.value(4).toLongLong(), {}});
    Result<std::vector<Annotation>> annotations = queryAnnotations(
        m_db, QStringLiteral("WHERE a.id IN (SELECT annotation_id FROM sync_changes WHERE deleted = 0)"));
    if (!annotations)
        return fail(annotations.error());
    std::unordered_map<QString, Annotation> byId;
    for (Annotation &a : *annotations)
        byId.emplace(a.id, std::move(a));
    for (PendingChange &change : pending) {
        if (change.deleted)
            continue;
        auto found = byId.find(change.id);
        if (found == byId.end())
            change.deleted = true; // deleted since the list was read; its own change follows
        else
            change.annotation = std::move(found->second);
    }
    return pending;
}

Result<QString> SyncLedger::state(const QString &key) const
{
    Result<QVariant> value = Statement::scalar(m_db, QStringLiteral("SELECT value FROM sync_state WHERE key = ?"), {key});
    if (!value)
        return fail(value.error());
    return value->toString();
}

Result<void> SyncLedger::setState(const QString &key, const QString &value)
{
    return m_db.transaction([&] {
        return Statement::run(m_db, QStringLiteral("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)"),
                              {key, value});
    });
}

Result<void> SyncLedger::forgetTeam()
{
    return applyingSync(m_db, [&]() -> Result<void> {
        for (const QString &sql : {
                 QStringLiteral("DELETE FROM sync_versions"),
                 QStringLiteral("INSERT INTO sync_changes (annotation_id) SELECT id FROM annotations"
                                " WHERE id NOT IN (SELECT annotation_id FROM sync_changes) ORDER BY created"),
                 QStringLiteral("DELETE FROM sync_state WHERE key IN ('server_version', 'team_id', 'last_sync')"),
             }) {
            if (auto done = Statement::run(m_db, sql); !done)
                return done;
        }
        return {};
    });
}

Result<void> SyncLedger::markPushed(const std::vector<std::pair<PendingChange, TeamRow>> &pushed,
                                    const std::vector<HistoryEntry> &replacedOnServer)
{
    return applyingSync(m_db, [&]() -> Result<void> {
        for (const auto &[change, row] : pushed) {
            // Version 0: the deletion of something the server never had.
            if (row.version > 0) {
                if (auto versioned = setVersion(m_db, change.id, row.version); !versioned)
                    return versioned;
            }
            if (!row.deleted) {
                if (auto authored = Statement::run(m_db, QStringLiteral("UPDATE annotations SET author = ?"
                                                                         " WHERE id = ? AND author IS NOT ?"),
                                                   {row.annotation.author, change.id, row.annotation.author});
                    !authored)
                    return authored;
            }
            if (auto settled = settle(m_db, change); !settled)
                return settled;
        }
        for (const HistoryEntry &entry : replacedOnServer) {
            if (auto kept = keepHistory(m_db, entry); !kept)
                return kept;
        }
        return {};
    });
}

Result<void> SyncLedger::markLost(const std::vector<std::pair<PendingChange, TeamRow>> &lost, const QString &reason)
{
    return applyingSync(m_db, [&]() -> Result<void> {
        for (const auto &[change, row] : lost) {
            if (change.annotation) {
                if (auto kept = keepHistory(m_db, historyOf(*change.annotation, reason)); !kept)
                    return kept;
            }
            if (auto written = writeTeamRow(m_db, row); !written)
                return fail(written.error());
            if (auto settled = settle(m_db, change); !settled)
                return settled;
        }
        return {};
    });
}

Result<LedgerCounts> SyncLedger::applyPulled(const std::vector<TeamRow> &rows, qint64 ownVersion,
                                             qint64 serverVersion)
{
    LedgerCounts counts;
    LargerCacheWhileWriting cache(m_db, rows.size());
    auto done = applyingSync(m_db, [&]() -> Result<void> {
        // What changed here since the push, read once: each pulled row is one annotation, and nothing
        // the loop writes lists a change (the triggers keep still), so the list only shrinks as it goes.
        Statement pendingOf(m_db, QStringLiteral("SELECT annotation_id, seq, deleted, changed FROM sync_changes"));
        if (auto read = pendingOf.exec(); !read)
            return read;
        std::unordered_map<QString, PendingChange> changedHere;
        while (pendingOf.next())
            changedHere.emplace(pendingOf.text(0), PendingChange{pendingOf.value(1).toLongLong(), pendingOf.text(0),
                                                                 pendingOf.integer(2) != 0,
                                                                 readStoredTime(pendingOf.text(3)), 0, {}});
        SearchRows searchRows;
        for (const TeamRow &row : rows) {
            if (row.version == ownVersion)
                continue;
            if (auto found = changedHere.find(row.annotation.id); found != changedHere.end()) {
                // Changed here after this sync's push: the newer edit wins, the other is kept.
                const PendingChange &change = found->second;
                Result<std::optional<Annotation>> here = annotationHere(m_db, row.annotation.id);
                if (!here)
                    return fail(here.error());
                const QDateTime hereModified = *here ? (*here)->modified : change.changed;
                ++counts.conflicts;
                if (hereModified > row.annotation.modified)
                    continue;
                if (*here) {
                    if (auto kept = keepHistory(m_db, historyOf(**here, QStringLiteral("replaced by a newer edit "
                                                                                     "from the team server")));
                        !kept)
                        return kept;
                }
                if (auto settled = settle(m_db, change); !settled)
                    return settled;
            }
            Result<bool> changed = writeTeamRow(m_db, row, &searchRows);
            if (!changed)
                return fail(changed.error());
            if (*changed) {
                ++counts.applied;
                if (!row.annotation.document.isEmpty() && !counts.documents.contains(row.annotation.document))
                    counts.documents << row.annotation.document;
            }
        }
        if (auto indexed = searchRows.write(m_db); !indexed)
            return indexed;
        for (const auto &[key, value] :
             {std::pair{QStringLiteral("server_version"), QString::number(serverVersion)},
              std::pair{QStringLiteral("last_sync"), storedTime(QDateTime::currentDateTimeUtc())}}) {
            if (auto stored = Statement::run(m_db, QStringLiteral("INSERT OR REPLACE INTO sync_state (key, value)"
                                                                  " VALUES (?, ?)"),
                                             {key, value});
                !stored)
                return stored;
        }
        return {};
    });
    if (!done)
        return fail(done.error());
    return counts;
}

Result<std::vector<HistoryEntry>> SyncLedger::history(const QString &annotationId) const
{
    // A file from before team sync (schema 1 or 2, read as it is) has kept nothing.
    Result<QVariant> kept = Statement::scalar(m_db, QStringLiteral("SELECT 1 FROM sqlite_schema"
                                                                   " WHERE type = 'table' AND name = 'annotation_history'"));
    if (!kept)
        return fail(kept.error());
    if (!kept->isValid())
        return std::vector<HistoryEntry>{};
    Statement query(m_db, QStringLiteral("SELECT annotation_id, note, color, tags, author, modified, replaced, reason"
                                         " FROM annotation_history WHERE ? = '' OR annotation_id = ? ORDER BY id"));
    // A null id would bind NULL, which equals nothing: "" asks for every entry.
    if (auto done = query.exec({Statement::notNull(annotationId), annotationId}); !done)
        return fail(done.error());
    std::vector<HistoryEntry> entries;
    while (query.next())
        entries.push_back(HistoryEntry{query.text(0), query.text(1), query.text(2), tagsFrom(query.text(3)),
                                       query.text(4), readStoredTime(query.text(5)), readStoredTime(query.text(6)),
                                       query.text(7)});
    return entries;
}

} // namespace marginalia

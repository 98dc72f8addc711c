// CatalogStore's writing side: what the indexer stores for each file, one transaction per volume.
#include "catalogstore.h"

#include "database.h"
#include "catalogschema.h"
#include "nativestatement.h"
#include "statement.h"

#include <QDateTime>

namespace marginalia {

namespace {

using State = CatalogVolumeInfo::State;

QVariant text(const QString &value)
{
    return Statement::notNull(value);
}

// Deletes a volume's documents with their text, full-text rows, persons and references, and its glossary.
// The contentless FTS5 table forgets a row only when told its original values ('delete').
Result<void> deleteVolumeRows(const Database &db, qint64 volume)
{
    Statement old(db, QStringLiteral("SELECT d.rowid, d.text_block, d.text_part, t.data FROM documents d"
                                     " JOIN text_blocks t ON t.rowid = d.text_block WHERE d.volume = ?"
                                     " ORDER BY d.text_block"));
    if (auto done = old.exec({volume}); !done)
        return done;
    struct Row {
        qint64 rowid;
        int part;
        QByteArray block;
    };
    std::vector<Row> rows;
    qint64 lastBlock = -1;
    QByteArray block; // shared by the rows of one block
    while (old.next()) {
        if (old.value(1).toLongLong() != lastBlock) {
            lastBlock = old.value(1).toLongLong();
            block = uncompressTextBlock(old.value(3).toByteArray());
        }
        rows.push_back({old.value(0).toLongLong(), old.integer(2), block});
    }
    Statement forget(db, QStringLiteral("INSERT INTO documents_fts(documents_fts, rowid, title, text, notes)"
                                        " VALUES ('delete', ?, ?, ?, ?)"));
    QString title, body, notes;
    for (const Row &row : rows) {
        if (!documentTextAt(row.block, row.part, title, body, notes))
            continue; // unreadable: its FTS row stays, a dangling rowid that search skips (no document)
        if (auto done = forget.exec({row.rowid, text(title), text(body), text(notes)}); !done)
            return done;
    }
    const QString ofVolume = QStringLiteral(" IN (SELECT rowid FROM documents WHERE volume = ?)");
    for (const QString &sql : QStringList{QStringLiteral("DELETE FROM text_blocks WHERE volume = ?"),
                               QStringLiteral("DELETE FROM document_persons WHERE document") + ofVolume,
                               QStringLiteral("DELETE FROM cross_references WHERE document") + ofVolume,
                               QStringLiteral("DELETE FROM documents WHERE volume = ?"),
                               QStringLiteral("DELETE FROM persons WHERE volume = ?"),
                               QStringLiteral("DELETE FROM terms WHERE volume = ?"),
                               QStringLiteral("DELETE FROM volume_spans WHERE volume = ?"),
                               QStringLiteral("DELETE FROM volume_outlines WHERE volume = ?")}) {
        if (auto done = Statement::run(db, sql, {volume}); !done)
            return done;
    }
    return {};
}

// The rowids and dates of a volume's documents, which the search reads to skip whole volumes
// (catalogschema.cpp, version 2).
QString volumeSpanOf()
{
    return QStringLiteral("INSERT OR REPLACE INTO volume_spans ") + volumeSpanSelect()
        + QStringLiteral(" WHERE d.volume = ? GROUP BY d.volume");
}

Result<QVariant> volumeRowOfPath(const Database &db, const QString &path)
{
    return Statement::scalar(db, QStringLiteral("SELECT rowid FROM volumes WHERE path = ?"), {path});
}

// The row of `stamp.path`, inserted when there is none.
Result<qint64> volumeRow(const Database &db, const CatalogFileStamp &stamp)
{
    Result<QVariant> row = volumeRowOfPath(db, stamp.path);
    if (!row)
        return fail(row.error());
    if (row->isValid())
        return row->toLongLong();
    Statement insert(db, QStringLiteral("INSERT INTO volumes (path) VALUES (?)"));
    if (auto done = insert.exec({stamp.path}); !done)
        return fail(done.error());
    return insert.lastInsertId();
}

// Through SQLite's C API: a volume is thousands of rows, and Qt's binding costs more than SQLite's work for
// the small ones (nativestatement.h).
Result<void> insertDocuments(const Database &db, qint64 volume, const CatalogVolumeRecord &record)
{
    NativeStatement block(db, "INSERT INTO text_blocks (volume, data) VALUES (?1, ?2)");
    std::vector<qint64> blocks;
    blocks.reserve(record.textBlocks.size());
    for (const QByteArray &data : record.textBlocks) {
        if (auto done = block.bind(1, volume).bind(2, data).run(); !done)
            return done;
        blocks.push_back(block.lastInsertRowid());
    }
    NativeStatement document(db, "INSERT INTO documents (volume, id, number, title, kind, date_from, date_to, place,"
                                 " first_page, division, chapter, ordinal, footnotes, text_block, text_part)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
    NativeStatement fts(db, "INSERT INTO documents_fts (rowid, title, text, notes) VALUES (?1, ?2, ?3, ?4)");
    NativeStatement person(db, "INSERT OR IGNORE INTO document_persons (document, person) VALUES (?1, ?2)");
    NativeStatement reference(db, "INSERT INTO cross_references (document, ordinal, target_volume, target, label,"
                                  " sentence, in_note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    // A value's tokens when the reader made them (a blob: SQLite converts no text), else the text.
    const auto bindFullText = [&fts](int position, const QByteArray &tokens, const QString &value) {
        if (tokens.isEmpty())
            fts.bindText(position, value);
        else
            fts.bind(position, tokens);
    };
    std::vector<qint64> rowids;
    rowids.reserve(record.documents.size());
    qint64 ordinal = 0;
    for (const CatalogDocumentRecord &d : record.documents) {
        document.bind(1, volume).bindText(2, d.id).bind(3, d.number).bind(4, d.title).bind(5, d.kind);
        document.bind(6, d.dateFrom).bind(7, d.dateTo).bind(8, d.place).bind(9, d.firstPage).bind(10, d.division);
        document.bind(11, d.chapter).bind(12, ordinal++).bind(13, qint64(d.footnotes));
        if (std::size_t(d.textBlock) < blocks.size())
            document.bind(14, blocks[std::size_t(d.textBlock)]);
        else
            document.bindNull(14);
        document.bind(15, qint64(d.textPart));
        auto done = document.run();
        if (!done)
            return done;
        const qint64 rowid = document.lastInsertRowid();
        rowids.push_back(rowid);
        fts.bind(1, rowid);
        bindFullText(2, d.titleTokens, d.title);
        bindFullText(3, d.textTokens, d.text);
        bindFullText(4, d.notesTokens, d.notes);
        done = fts.run();
        for (qsizetype i = 0; done && i < d.persons.size(); ++i)
            done = person.bind(1, rowid).bind(2, d.persons.at(i)).run();
        if (!done)
            return done;
    }
    qint64 referenceOrdinal = 0;
    for (const CatalogReferenceRecord &r : record.references) {
        if (r.document < 0 || std::size_t(r.document) >= rowids.size())
            continue;
        reference.bind(1, rowids[std::size_t(r.document)]).bind(2, referenceOrdinal++).bindText(3, r.targetVolume);
        reference.bindText(4, r.target).bind(5, r.label).bind(6, r.sentence).bind(7, qint64(r.inNote ? 1 : 0));
        if (auto done = reference.run(); !done)
            return done;
    }
    return Statement::run(db, volumeSpanOf(), {volume});
}

Result<void> insertGlossary(const Database &db, const QString &table, qint64 volume,
                            const std::vector<CatalogGlossaryRecord> &entries)
{
    // `table` is one of two names of ours, never user input.
    Statement insert(db, QStringLiteral("INSERT OR REPLACE INTO %1 (volume, id, name, description) VALUES (?, ?, ?, ?)")
                             .arg(table));
    for (const CatalogGlossaryRecord &e : entries) {
        if (auto done = insert.exec({volume, text(e.id), e.name, e.description}); !done)
            return done;
    }
    return {};
}

// A Missing file that held `id` gives it up to the file now being written: the volume moved.
Result<void> releaseMissingHolder(const Database &db, const QString &id, const QString &path)
{
    Statement holder(db, QStringLiteral("SELECT rowid FROM volumes WHERE id = ? AND path <> ? AND state = ?"));
    if (auto done = holder.exec({id, path, int(State::Missing)}); !done)
        return done;
    if (!holder.next())
        return {};
    const qint64 row = holder.value(0).toLongLong();
    if (auto done = deleteVolumeRows(db, row); !done)
        return done;
    return Statement::run(db, QStringLiteral("DELETE FROM volumes WHERE rowid = ?"), {row});
}

} // namespace

Result<std::vector<CatalogFileState>> CatalogStore::fileStates() const
{
    Statement query(m_db, QStringLiteral("SELECT path, size, mtime, hash, index_version, id, state FROM volumes"));
    if (auto done = query.exec(); !done)
        return fail(done.error());
    std::vector<CatalogFileState> states;
    while (query.next()) {
        states.push_back({{query.text(0), query.value(1).toLongLong(), query.value(2).toLongLong(), query.text(3),
                           query.integer(4)},
                          query.text(5),
                          State(query.integer(6))});
    }
    return states;
}

Result<std::optional<CatalogFileState>> CatalogStore::fileOfVolume(const QString &id) const
{
    Statement query(m_db, QStringLiteral("SELECT path, size, mtime, hash, index_version, id, state FROM volumes"
                                         " WHERE id = ?"));
    if (auto done = query.exec({id}); !done)
        return fail(done.error());
    if (!query.next())
        return std::optional<CatalogFileState>();
    return std::optional<CatalogFileState>(CatalogFileState{
        {query.text(0), query.value(1).toLongLong(), query.value(2).toLongLong(), query.text(3), query.integer(4)},
        query.text(5),
        State(query.integer(6))});
}

Result<void> CatalogStore::writeVolume(const CatalogFileStamp &stamp, const CatalogVolumeRecord &volume)
{
    return m_db.transaction([&]() -> Result<void> {
        if (auto done = releaseMissingHolder(m_db, volume.id, stamp.path); !done)
            return done;
        Result<qint64> row = volumeRow(m_db, stamp);
        if (!row)
            return fail(row.error());
        if (auto done = deleteVolumeRows(m_db, *row); !done)
            return done;
        auto done = Statement::run(
            m_db,
            QStringLiteral("UPDATE volumes SET id = ?, title = ?, subseries = ?, year_from = ?, year_to = ?, size = ?,"
                           " mtime = ?, hash = ?, index_version = ?, state = ?, error = NULL, outline = NULL,"
                           " documents = ?, footnotes = ? WHERE rowid = ?"),
            {volume.id, volume.title, volume.subseries, volume.yearFrom, volume.yearTo, stamp.size, stamp.mtime,
             stamp.hash, stamp.indexVersion, int(State::Indexed), qint64(volume.documents.size()),
             volume.footnotes, *row});
        if (done)
            done = Statement::run(m_db, QStringLiteral("INSERT INTO volume_outlines (volume, outline) VALUES (?, ?)"),
                                  {*row, volume.outline});
        if (done)
            done = insertDocuments(m_db, *row, volume);
        if (done)
            done = insertGlossary(m_db, QStringLiteral("persons"), *row, volume.persons);
        if (done)
            done = insertGlossary(m_db, QStringLiteral("terms"), *row, volume.terms);
        return done;
    });
}

Result<void> CatalogStore::writeFailure(const CatalogFileStamp &stamp, const QString &message)
{
    return m_db.transaction([&]() -> Result<void> {
        Result<qint64> row = volumeRow(m_db, stamp);
        if (!row)
            return fail(row.error());
        if (auto done = deleteVolumeRows(m_db, *row); !done)
            return done;
        // The id goes too: a file that does not parse holds no volume id another copy could not take.
        return Statement::run(m_db,
                              QStringLiteral("UPDATE volumes SET id = NULL, title = NULL, subseries = NULL,"
                                             " year_from = NULL, year_to = NULL, size = ?, mtime = ?, hash = ?,"
                                             " index_version = ?, state = ?, error = ?, outline = NULL,"
                                             " documents = 0, footnotes = 0 WHERE rowid = ?"),
                              {stamp.size, stamp.mtime, stamp.hash, stamp.indexVersion, int(State::Failed), message,
                               *row});
    });
}

Result<void> CatalogStore::updateStamp(const CatalogFileStamp &stamp)
{
    return Statement::run(m_db,
                          QStringLiteral("UPDATE volumes SET size = ?, mtime = ?, hash = ?, state = ? WHERE path = ?"),
                          {stamp.size, stamp.mtime, stamp.hash, int(State::Indexed), stamp.path});
}

Result<void> CatalogStore::markMissing(const QString &path)
{
    return Statement::run(m_db, QStringLiteral("UPDATE volumes SET state = ? WHERE path = ?"),
                          {int(State::Missing), path});
}

Result<int> CatalogStore::removeFiles(const QStringList &paths)
{
    int removed = 0;
    auto done = m_db.transaction([&]() -> Result<void> {
        for (const QString &path : paths) {
            Result<QVariant> row = volumeRowOfPath(m_db, path);
            if (!row)
                return fail(row.error());
            if (!row->isValid())
                continue;
            if (auto deleted = deleteVolumeRows(m_db, row->toLongLong()); !deleted)
                return deleted;
            if (auto deleted = Statement::run(m_db, QStringLiteral("DELETE FROM volumes WHERE rowid = ?"), {*row});
                !deleted)
                return deleted;
            ++removed;
        }
        return {};
    });
    if (!done)
        return fail(done.error());
    return removed;
}

Result<void> CatalogStore::addSource(const QString &path)
{
    return Statement::run(m_db,
                          QStringLiteral("INSERT INTO sources (path, added) VALUES (?, ?)"
                                         " ON CONFLICT(path) DO UPDATE SET excluded = 0"),
                          {path, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)});
}

Result<void> CatalogStore::excludeSource(const QString &path)
{
    return Statement::run(m_db,
                          QStringLiteral("INSERT INTO sources (path, added, excluded) VALUES (?, ?, 1)"
                                         " ON CONFLICT(path) DO UPDATE SET excluded = 1"),
                          {path, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)});
}

Result<bool> CatalogStore::removeSource(const QString &path)
{
    Statement remove(m_db, QStringLiteral("DELETE FROM sources WHERE path = ? AND excluded = 0"));
    if (auto done = remove.exec({path}); !done)
        return fail(done.error());
    return remove.rowsAffected() > 0;
}

Result<std::vector<CatalogSource>> CatalogStore::sourceEntries() const
{
    Statement query(m_db, QStringLiteral("SELECT path, excluded FROM sources ORDER BY path"));
    if (auto done = query.exec(); !done)
        return fail(done.error());
    std::vector<CatalogSource> sources;
    while (query.next())
        sources.push_back({query.text(0), query.integer(1) != 0});
    return sources;
}

} // namespace marginalia

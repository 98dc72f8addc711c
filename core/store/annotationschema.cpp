#include "annotationschema.h"

#include "util/translate.h"

namespace marginalia {

namespace {

// Version 1: annotations with their selectors, tags, and the full-text indexes. annotations_fts rows
// share the rowid of their annotation (the store keeps them in step; nothing here runs VACUUM, which
// could renumber the rowids of a table without an INTEGER PRIMARY KEY). documents_fts rows share the
// id of their indexed_documents row, so that re-indexing a document finds its old row without a scan.
// tags.folded is the Unicode case-folded name: NOCASE alone only folds ASCII ("Émigré" vs "émigré").
QStringList schemaVersion1()
{
    return {
        QStringLiteral("CREATE TABLE annotations ("
                       " id TEXT PRIMARY KEY,"
                       " document TEXT NOT NULL,"
                       " footnote TEXT NOT NULL DEFAULT '',"
                       " exact TEXT, prefix TEXT, suffix TEXT,"
                       " start INTEGER, \"end\" INTEGER,"
                       " color TEXT, note TEXT, author TEXT,"
                       " created TEXT, modified TEXT)"),
        QStringLiteral("CREATE INDEX annotations_by_document ON annotations(document, start)"),
        QStringLiteral("CREATE TABLE tags ("
                       " id INTEGER PRIMARY KEY,"
                       " name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
                       " folded TEXT NOT NULL UNIQUE,"
                       " color TEXT)"),
        QStringLiteral("CREATE TABLE annotation_tags ("
                       " annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,"
                       " tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,"
                       " position INTEGER NOT NULL DEFAULT 0,"
                       " PRIMARY KEY (annotation_id, tag_id))"),
        QStringLiteral("CREATE INDEX annotation_tags_by_tag ON annotation_tags(tag_id)"),
        QStringLiteral("CREATE VIRTUAL TABLE annotations_fts USING fts5("
                       " note, exact, tags, tokenize = 'unicode61 remove_diacritics 2')"),
        QStringLiteral("CREATE TABLE indexed_documents ("
                       " id INTEGER PRIMARY KEY,"
                       " key TEXT NOT NULL UNIQUE,"
                       " indexed TEXT)"),
        QStringLiteral("CREATE VIRTUAL TABLE documents_fts USING fts5("
                       " key UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')"),
        // PRAGMA takes no bound values; the number is ours, not user input.
        QStringLiteral("PRAGMA application_id = %1").arg(AnnotationApplicationId),
    };
}

// Version 2: the documents' text leaves the annotation database for the library index (catalog.sqlite):
// it is derived from the files and can always be made again, while this file holds only what the user
// wrote and stays small enough to back up. Nothing that reads annotations used these tables, so a
// version-1 file still reads as it is (readableFrom).
QStringList schemaVersion2()
{
    return {
        QStringLiteral("DROP TABLE documents_fts"),
        QStringLiteral("DROP TABLE indexed_documents"),
    };
}


// Version 3: what team sync (teamsync.h) needs beside the annotations, kept in step by triggers so that
// every way of writing (the window, the CLI, an import) is seen without each remembering to say so:
// sync_changes lists the annotations changed or deleted since they last reached the team server, in the
// order of the changes (seq only grows, so a change made while a push is on its way is never taken for
// the pushed one); sync_versions the server version each annotation was last seen at; sync_state the team
// and how far it was read. While a sync writes what it pulled, its transaction holds the 'applying' row
// of sync_state and the triggers keep still. annotation_history keeps the text that lost a conflict.
// The annotations already there are changes not yet pushed.
QStringList schemaVersion3()
{
    const QString quiet = QStringLiteral(" WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'applying')");
    return {
        QStringLiteral("CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE sync_changes ("
                       " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " annotation_id TEXT NOT NULL UNIQUE,"
                       " deleted INTEGER NOT NULL DEFAULT 0,"
                       " changed TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))"),
        QStringLiteral("CREATE TABLE sync_versions (annotation_id TEXT PRIMARY KEY, server_version INTEGER NOT NULL)"),
        QStringLiteral("CREATE TABLE annotation_history ("
                       " id INTEGER PRIMARY KEY,"
                       " annotation_id TEXT NOT NULL,"
                       " note TEXT, color TEXT, tags TEXT, author TEXT, modified TEXT,"
                       " replaced TEXT NOT NULL,"
                       " reason TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX annotation_history_by_annotation ON annotation_history(annotation_id)"),
        QStringLiteral("CREATE TRIGGER sync_track_insert AFTER INSERT ON annotations") + quiet
            + QStringLiteral(" BEGIN INSERT OR REPLACE INTO sync_changes(annotation_id, deleted) VALUES (NEW.id, 0); END"),
        QStringLiteral("CREATE TRIGGER sync_track_update AFTER UPDATE ON annotations") + quiet
            + QStringLiteral(" BEGIN INSERT OR REPLACE INTO sync_changes(annotation_id, deleted) VALUES (NEW.id, 0); END"),
        QStringLiteral("CREATE TRIGGER sync_track_delete AFTER DELETE ON annotations") + quiet
            + QStringLiteral(" BEGIN INSERT OR REPLACE INTO sync_changes(annotation_id, deleted) VALUES (OLD.id, 1); END"),
        // A tag added to or taken from an annotation changes it; not so the cascade of its deletion.
        QStringLiteral("CREATE TRIGGER sync_track_tag_insert AFTER INSERT ON annotation_tags") + quiet
            + QStringLiteral(" BEGIN INSERT OR REPLACE INTO sync_changes(annotation_id, deleted)"
                             " SELECT NEW.annotation_id, 0 WHERE EXISTS (SELECT 1 FROM annotations WHERE id = NEW.annotation_id); END"),
        QStringLiteral("CREATE TRIGGER sync_track_tag_delete AFTER DELETE ON annotation_tags") + quiet
            + QStringLiteral(" BEGIN INSERT OR REPLACE INTO sync_changes(annotation_id, deleted)"
                             " SELECT OLD.annotation_id, 0 WHERE EXISTS (SELECT 1 FROM annotations WHERE id = OLD.annotation_id); END"),
        QStringLiteral("INSERT INTO sync_changes(annotation_id) SELECT id FROM annotations ORDER BY created"),
    };
}

// Version 4: what an imported annotation carried that Marginalia does not use (a Hypothesis id, group and
// permissions, a RangeSelector), as compact JSON, so that export gives it back (Annotation::interchange).
// Readers of a file of versions 1 to 3, which has no such column, read it as empty (AnnotationStore), so
// those files still read as they are.
QStringList schemaVersion4()
{
    return {
        QStringLiteral("ALTER TABLE annotations ADD COLUMN interchange TEXT NOT NULL DEFAULT ''"),
    };
}

// Version 5: tag colours reach the team too (team schema 2). sync_tag_changes lists the tags whose name or
// colour changed here since they last reached the server, as sync_changes does for annotations. A tag
// made here by tagging (it gets the next palette colour) or already here is listed as changed at the
// epoch: it tells the team a colour for a tag it has none for, but never overrides a colour a member
// chose.
QStringList schemaVersion5()
{
    const QString quiet = QStringLiteral(" WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'applying')");
    const QString epoch = QStringLiteral("'1970-01-01T00:00:00.000Z'");
    return {
        QStringLiteral("CREATE TABLE sync_tag_changes ("
                       " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " folded TEXT NOT NULL UNIQUE,"
                       " changed TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))"),
        QStringLiteral("CREATE TRIGGER sync_track_new_tag AFTER INSERT ON tags") + quiet
            + QStringLiteral(" BEGIN INSERT OR REPLACE INTO sync_tag_changes(folded, changed) VALUES (NEW.folded, ")
            + epoch + QStringLiteral("); END"),
        QStringLiteral("CREATE TRIGGER sync_track_tag_colour AFTER UPDATE OF name, color ON tags") + quiet
            + QStringLiteral(" BEGIN INSERT OR REPLACE INTO sync_tag_changes(folded) VALUES (NEW.folded); END"),
        QStringLiteral("INSERT INTO sync_tag_changes(folded, changed) SELECT folded, ") + epoch
            + QStringLiteral(" FROM tags ORDER BY id"),
    };
}

} // namespace

const DatabaseSchema &annotationSchema()
{
    static const DatabaseSchema schema{AnnotationApplicationId,
                                       Tr::tr("annotation database"),
                                       {{1, schemaVersion1()}, {2, schemaVersion2()}, {3, schemaVersion3()}, {4, schemaVersion4()},
                                        {5, schemaVersion5()}},
                                       1};
    return schema;
}

} // namespace marginalia

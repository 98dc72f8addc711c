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

// Version 3: what an imported annotation carried that Marginalia does not use (a Hypothesis id, group and
// permissions, a RangeSelector), as compact JSON, so that export gives it back (Annotation::interchange).
// Readers of a version 1 or 2 file, which has no such column, read it as empty (AnnotationStore), so
// those files still read as they are.
QStringList schemaVersion3()
{
    return {
        QStringLiteral("ALTER TABLE annotations ADD COLUMN interchange TEXT NOT NULL DEFAULT ''"),
    };
}

} // namespace

const DatabaseSchema &annotationSchema()
{
    static const DatabaseSchema schema{AnnotationApplicationId,
                                       Tr::tr("annotation database"),
                                       {{1, schemaVersion1()}, {2, schemaVersion2()}, {3, schemaVersion3()}},
                                       1};
    return schema;
}

} // namespace marginalia

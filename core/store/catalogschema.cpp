#include "catalogschema.h"

#include "documenttextstore.h"
#include "ftstokens.h"
#include "util/translate.h"

#include <QStandardPaths>

namespace marginalia {

namespace {

// Version 1. No foreign keys: a volume's rows are deleted by the store in one go (catalogwrite.cpp), and
// checking every inserted row against its parent would slow the bulk load. volumes.state is
// CatalogVolumeInfo::State (0 indexed, 1 missing, 2 failed); volumes.id is NULL for a file that failed
// before its id was known. documents_fts is contentless (content=''): the text is kept once, compressed,
// in text_blocks, which keeps the index at about half the size of the TEI;
// deleting a row of it takes the 'delete' command with the original values, read back from there.
// The text is in text_blocks, several documents a block (TextBlockPacker); documents.text_block and
// text_part say where each document's is.
// The title weighs ten times the text and the notes in bm25 (the rank configuration is stored in the
// table, so every MATCH … ORDER BY rank uses it).
QStringList schemaVersion1()
{
    return documentTextTables() + QStringList{
        QStringLiteral("CREATE TABLE sources ("
                       " path TEXT PRIMARY KEY,"
                       " added TEXT NOT NULL,"
                       " excluded INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE TABLE volumes ("
                       " rowid INTEGER PRIMARY KEY,"
                       " id TEXT UNIQUE,"
                       " title TEXT, subseries TEXT, year_from INTEGER, year_to INTEGER,"
                       " path TEXT NOT NULL UNIQUE,"
                       " size INTEGER, mtime INTEGER, hash TEXT, index_version INTEGER,"
                       " state INTEGER NOT NULL DEFAULT 0, error TEXT,"
                       " outline BLOB,"
                       " documents INTEGER NOT NULL DEFAULT 0, footnotes INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE TABLE documents ("
                       " rowid INTEGER PRIMARY KEY,"
                       " volume INTEGER NOT NULL,"
                       " id TEXT NOT NULL, number TEXT, title TEXT, kind TEXT,"
                       " date_from TEXT, date_to TEXT, place TEXT, first_page TEXT,"
                       " division TEXT, chapter TEXT, ordinal INTEGER NOT NULL, footnotes INTEGER,"
                       " text_block INTEGER, text_part INTEGER)"),
        QStringLiteral("CREATE INDEX documents_by_volume ON documents(volume, id)"),
        QStringLiteral("CREATE INDEX documents_by_date ON documents(date_from)"),
        QStringLiteral("CREATE TABLE text_blocks (rowid INTEGER PRIMARY KEY, volume INTEGER NOT NULL, data BLOB NOT NULL)"),
        QStringLiteral("CREATE INDEX text_blocks_by_volume ON text_blocks(volume)"),
        QStringLiteral("CREATE TABLE persons ("
                       " volume INTEGER NOT NULL, id TEXT NOT NULL, name TEXT, description TEXT,"
                       " PRIMARY KEY (volume, id)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE terms ("
                       " volume INTEGER NOT NULL, id TEXT NOT NULL, name TEXT, description TEXT,"
                       " PRIMARY KEY (volume, id)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE document_persons ("
                       " document INTEGER NOT NULL, person TEXT NOT NULL,"
                       " PRIMARY KEY (document, person)) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX document_persons_by_person ON document_persons(person)"),
        QStringLiteral("CREATE TABLE cross_references ("
                       " document INTEGER NOT NULL, ordinal INTEGER NOT NULL,"
                       " target_volume TEXT NOT NULL, target TEXT NOT NULL,"
                       " label TEXT, sentence TEXT, in_note INTEGER NOT NULL DEFAULT 0,"
                       " PRIMARY KEY (document, ordinal)) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX cross_references_by_target ON cross_references(target_volume, target)"),
        // CatalogTokenizer: "porter unicode61 remove_diacritics 2".
        QStringLiteral("CREATE VIRTUAL TABLE documents_fts USING fts5("
                       " title, text, notes, content = '', tokenize = '%1')").arg(QLatin1String(CatalogTokenizer)),
        QStringLiteral("INSERT INTO documents_fts(documents_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0, 1.0)')"),
        // PRAGMA takes no bound values; the number is ours, not user input.
        QStringLiteral("PRAGMA application_id = %1").arg(CatalogApplicationId),
    };
}

// Version 2. Per volume, the rowids of its documents (contiguous: a volume's documents are inserted in
// one transaction, each at max(rowid) + 1), how many have no date, their earliest and latest dates, and
// the volume's state, id and subseries, copied so that a search reads this small table alone and not the
// volumes' rows, a page each with their outlines. A search skips the volumes a filter rules out, and reads
// a volume wholly inside a date range through FTS5 alone, with the rowids as bounds, instead of looking up
// every match's document (catalogranking.cpp). Triggers keep the copies in step with volumes. Made from
// the documents already there. The volumes' outlines move to a table of their own.
QStringList schemaVersion2()
{
    return {
        QStringLiteral("CREATE TABLE volume_spans ("
                       " volume INTEGER PRIMARY KEY,"
                       " first_document INTEGER NOT NULL, last_document INTEGER NOT NULL,"
                       " documents INTEGER NOT NULL, undated INTEGER NOT NULL,"
                       " date_from TEXT, date_to TEXT,"
                       " state INTEGER NOT NULL, id TEXT, subseries TEXT)"),
        QStringLiteral("CREATE INDEX volume_spans_in_order ON volume_spans(first_document)"),
        QStringLiteral("INSERT INTO volume_spans ") + volumeSpanSelect() + QStringLiteral(" GROUP BY d.volume"),
        QStringLiteral("CREATE TRIGGER volume_spans_follow AFTER UPDATE OF state, id, subseries ON volumes BEGIN"
                       " UPDATE volume_spans SET state = NEW.state, id = NEW.id, subseries = NEW.subseries"
                       " WHERE volume = NEW.rowid; END"),
        QStringLiteral("CREATE TRIGGER volume_spans_forget AFTER DELETE ON volumes BEGIN"
                       " DELETE FROM volume_spans WHERE volume = OLD.rowid;"
                       " DELETE FROM volume_outlines WHERE volume = OLD.rowid; END"),
        // The outlines leave the volumes' rows, which listing the library then reads without walking a
        // 100 KB blob's pages each (1,400 volumes: 195 MB of the index touched at the window's start).
        QStringLiteral("CREATE TABLE volume_outlines (volume INTEGER PRIMARY KEY, outline BLOB NOT NULL)"),
        QStringLiteral("INSERT INTO volume_outlines SELECT rowid, outline FROM volumes WHERE outline IS NOT NULL"),
        QStringLiteral("UPDATE volumes SET outline = NULL"),
    };
}

} // namespace

QString volumeSpanSelect()
{
    // Undated: no date_from, or no date_to (the date filter leaves either out).
    return QStringLiteral("SELECT d.volume, min(d.rowid), max(d.rowid), count(*),"
                          " sum(IFNULL(d.date_from, '') = '' OR IFNULL(d.date_to, '') = ''),"
                          " min(NULLIF(d.date_from, '')), max(NULLIF(d.date_to, '')), v.state, v.id, v.subseries"
                          " FROM documents d JOIN volumes v ON v.rowid = d.volume");
}

const DatabaseSchema &catalogSchema()
{
    static const DatabaseSchema schema = [] {
        DatabaseSchema s{CatalogApplicationId, Tr::tr("library index"), {{1, schemaVersion1()}, {2, schemaVersion2()}}};
        // A version-1 index is read as it is (the search then reads every volume's matches), so that
        // marginalia-cli can search an index it may only read.
        s.readableFrom = 1;
        s.checkOnOpen = false; // derived and large: see DatabaseSchema::checkOnOpen
        s.mmapBytes = qint64(2) << 30; // SQLite's own ceiling (SQLITE_MAX_MMAP_SIZE) on Debian
        // FTS5's doclists of a large library span many pages: with 16 KiB ones the indexer's single writer
        // spends 5 % less (200 volumes, 5.65 → 5.35 s of CPU) for a file 5 % larger.
        s.pageSize = 16384;
        // The indexer's readers tokenize, and its writer replays their tokens (ftstokens.h).
        s.onConnect = registerTokenReplay;
        return s;
    }();
    return schema;
}

QString defaultCatalogPath()
{
    const QString fromEnvironment = qEnvironmentVariable("MARGINALIA_LIBRARY");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    // Spelled out as Database::defaultPath() is, so that marginalia-cli finds the window's index.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/Marginalia/Marginalia/catalog.sqlite");
}

} // namespace marginalia

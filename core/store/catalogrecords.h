#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace marginalia {

// The library index's values as the catalog (core/catalog/catalog.h) hands them out. They live here,
// below the catalog, because the store reads and writes them.

struct CatalogVolumeInfo {
    QString id, title, subseries;
    int yearFrom = 0, yearTo = 0;
    QString path;
    qint64 size = 0;
    QDateTime modified;
    QString hash;
    int documents = 0, footnotes = 0;
    enum class State { Indexed, Missing, Failed } state = State::Indexed;
    QString error; // FILE:LINE:COLUMN: … when Failed
};

// A document as the index lists it (the library tree, a volume's contents), in the volume's order.
struct CatalogDocumentInfo {
    QString id, number, title, kind;
    QString dateFrom, dateTo; // yyyy-mm-dd, or as much of it as the file gives; empty when undated
    QString place, firstPage;
    QString division, chapter; // titles of the division holding it and of its top-level ancestor
    int footnotes = 0;
};

// An entry of a volume's glossary of persons or terms.
struct CatalogGlossaryEntry {
    QString id, name, description;
};

// A person of the glossaries of the indexed volumes, once however many volumes list the id (the person
// filter, CatalogQuery::person, matches the id in every volume).
struct CatalogPerson {
    QString id, name; // the name of the id's first entry by name, when volumes spell it differently
    int volumes = 0;  // how many indexed volumes list it
};

struct CatalogStatus {
    int volumes = 0, documents = 0, footnotes = 0, missing = 0, failed = 0;
    bool indexing = false;
};

struct CatalogQuery {
    QString text;
    QString from, to; // ISO dates (yyyy, yyyy-mm or yyyy-mm-dd), inclusive, either may be empty
    QString volume, subseries, person, kind;
    enum class Sort { Relevance, Date } sort = Sort::Relevance;
    int limit = 50;
    int offset = 0;
    // Relevance: above this many matches, a sample of about this many, spread over the library, is ranked,
    // not every match (catalogranking.cpp): scoring costs FTS5 about a microsecond a match, and over the
    // series a sample of 1,000 keeps a first page at 10 ms where 2,000 took 13 (scripts/bench-library.sh).
    int rankAtMost = 1000;
    // Whether the total of a query with more than rankAtMost matches is counted (a pass over every match:
    // 75 ms for a common phrase over the series) or estimated (CatalogSearchResults::totalExact false),
    // so that a window can show the first page at once and the count when it is there.
    bool exactTotal = true;
    // Only these documents, as annotation keys "volume/id" (those with the user's annotations, or with a
    // tag: the annotation database is another file, so the caller gives the keys).
    std::optional<QStringList> documents;
};

struct CatalogHit {
    QString volume, id, number, title, date, kind;
    double score = 0; // bm25: lower is better
    QString snippet;  // hits marked «…» like StoreSearchHit
};

struct CatalogSearchResults {
    int total = 0;
    bool totalExact = true; // false: estimated (CatalogQuery::exactTotal)
    std::vector<CatalogHit> results;
};

struct CitingDocument {
    QString volume, id, number, title, sentence;
    bool inNote = false;
};

// What the indexer writes for one document. Its title, text and notes are also kept compressed, with
// those of the documents around it, in CatalogVolumeRecord::textBlocks[textBlock] as part `textPart`
// (see TextBlockPacker), made on the parsing thread so that the writer only writes.
struct CatalogDocumentRecord {
    QString id, number, title, kind, dateFrom, dateTo, place, firstPage, division, chapter;
    QString text, notes;
    // The three as FtsTokenizer::tokens gives them, when the reader tokenized them (empty: the writer does).
    QByteArray titleTokens, textTokens, notesTokens;
    int textBlock = 0, textPart = 0;
    int footnotes = 0;
    QStringList persons; // glossary ids mentioned
};

struct CatalogReferenceRecord {
    int document = 0;     // index into CatalogVolumeRecord::documents
    QString targetVolume; // never empty: the citing document's own volume when the file leaves it out
    QString target;       // a document id for document and footnote references
    QString label, sentence;
    bool inNote = false;
};

struct CatalogGlossaryRecord {
    QString id, name, description;
};

struct CatalogVolumeRecord {
    QString id, title, subseries;
    int yearFrom = 0, yearTo = 0;
    int footnotes = 0;
    std::vector<CatalogDocumentRecord> documents;
    std::vector<CatalogReferenceRecord> references;
    std::vector<CatalogGlossaryRecord> persons, terms;
    std::vector<QByteArray> textBlocks;
    QByteArray outline;
};

// A file as the index last saw it: what tells an unchanged file from a changed one without reading it.
struct CatalogFileStamp {
    QString path;
    qint64 size = -1;
    qint64 mtime = -1; // ms since the epoch
    QString hash;
    int indexVersion = 0;
};

struct CatalogFileState {
    CatalogFileStamp stamp;
    QString volumeId;
    CatalogVolumeInfo::State state = CatalogVolumeInfo::State::Indexed;
};

struct CatalogSource {
    QString path;
    bool excluded = false; // a file removed from inside a folder that stays a source
};

// The title, text and notes of consecutive documents, compressed together in blocks of about 8 KB: the
// FTS5 table keeps no copy of the text (content=''), so snippets and deletions read it from here, and
// one document alone (a few KB) compresses a fifth less well than a block of them.
class TextBlockPacker {
public:
    // Adds a document; returns {block, part}: where it will be.
    std::pair<int, int> add(const QString &title, const QString &text, const QString &notes);
    // The same given as UTF-8.
    std::pair<int, int> addUtf8(const QByteArray &title, const QByteArray &text, const QByteArray &notes);
    // The blocks, the last one closed.
    std::vector<QByteArray> finish();

private:
    void close();
    std::vector<QByteArray> m_blocks;
    QByteArray m_open;
    int m_parts = 0;
};
// A block as the index keeps it: zstd at its fastest level, for the readers compress 3 GB of text while
// the series is indexed (zlib's fastest took a seventh of the indexing time).
QByteArray compressTextBlock(const QByteArray &plain);
// A block of either form (zlib's, in an index written before): empty when it is damaged.
QByteArray uncompressTextBlock(const QByteArray &block);
// Part `part` of a block; false when the block is damaged or has no such part.
bool unpackDocumentText(const QByteArray &block, int part, QString &title, QString &text, QString &notes);
// The same in a block already decompressed (uncompressTextBlock), to read several parts of one block.
bool documentTextAt(const QByteArray &plainBlock, int part, QString &title, QString &text, QString &notes);

} // namespace marginalia

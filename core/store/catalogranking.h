#pragma once

// The relevance ranking of a library search (CatalogStore::search), inside core/store.

#include "catalogrecords.h"
#include "util/result.h"

#include <QString>
#include <QVariantList>

#include <vector>

namespace marginalia {

class Database;

// Matches as SQL reads them: " FROM … WHERE …" (MATCH the first condition) and the values, in order.
struct CatalogScope {
    QString where;
    QVariantList values;
};

// Rowids [first, last] of documents a search reads, of volumes next to each other in the index. `alone`: FTS5
// alone says which match, with the rowids as bounds; else every match is looked up with its document to
// apply the filters (CatalogRanges::joined).
struct CatalogRange {
    qint64 first = 0, last = -1;
    bool alone = false;
    qint64 size() const { return last - first + 1; }
};

// What a query reads: the ranges of the volumes no filter rules out, and the two ways to read a range.
struct CatalogRanges {
    std::vector<CatalogRange> ranges;
    CatalogScope alone, joined;
    bool filtered = false; // some volume or document left out: the matches are not those of the whole index
    qint64 documents = 0;  // in the whole index, hidden volumes too, as FTS5 counts its rows for bm25
};

// The filters that rule out whole volumes, as CatalogStore's filter has them: ISO date bounds already
// made comparable (`to` ends with '~'), and whether any filter looks at single documents (kind, person,
// the annotated documents), which only the join can apply.
struct VolumeFilter {
    QString from, to, volume, subseries;
    bool perDocument = false;
};

Result<CatalogRanges> catalogRanges(const Database &db, const VolumeFilter &filter, CatalogScope alone, CatalogScope joined);

struct RankedMatch {
    qint64 rowid = 0;
    double score = 0; // bm25: lower is better
};

struct RankedMatches {
    std::vector<RankedMatch> best; // in rank order, at most limit + offset
    qint64 total = 0;
    bool exact = true; // total counted, not estimated
};

// The best matches of `match` by bm25 (the title ten times the text and notes), reading about
// query.rankAtMost matches, not every one: see catalogranking.cpp.
Result<RankedMatches> rankMatches(const Database &db, const QString &match, const CatalogRanges &ranges,
                                  const CatalogQuery &query);

// Every match counted.
Result<qint64> countMatches(const Database &db, const CatalogRanges &ranges);

} // namespace marginalia

#pragma once

#include "util/result.h"

#include <QString>
#include <QStringList>

struct sqlite3;
struct fts5_api;

namespace marginalia {

class Database;

// FTS5's API on `connection`, through SQLite's documented route (SELECT fts5(?1) with a bound pointer);
// nullptr when this SQLite has no FTS5 of version 2 or later.
fts5_api *fts5Api(sqlite3 *connection);

// FTS5's bm25() counts, the first time a statement calls it, how many documents hold each phrase of the
// query: a pass over every match of every phrase, paid again by each statement that ranks. Ranking a
// sample of a common phrase's matches in a few rowid windows would pay that pass once per window
// ("Secretary of State" over the series: 75 ms each). marginalia_bm25 is bm25 with those counts given:
//   marginalia_bm25(documents_fts, w1, …, wC, n1, …, nP)
// C column weights as bm25 takes them, then, for each of the query's P phrases in the order FTS5 numbers
// them (their order in the MATCH text), the number of documents holding it. With exact counts its score is
// bm25's; a count that is missing or not an integer is made as bm25 makes it; a negative count weighs
// the phrase 1, for a caller that multiplies the scores by the idf once it knows the count.
Result<void> registerFtsRank(const Database &db);

// The query's phrases as FTS5 numbers them: each "quoted string" of an FTS5 MATCH expression made by
// parseCatalogQuery (every phrase is quoted there), with its * when it is a prefix.
QStringList ftsPhrases(const QString &match);

} // namespace marginalia

#pragma once

#include "model/annotation.h"
#include "util/result.h"

#include <QDateTime>
#include <QString>
#include <QVariantList>

#include <vector>

namespace marginalia {

class Database;

// The rows that hold one annotation in the annotation database (its row, its tags, its search row), for
// AnnotationStore and the team sync's ledger (syncledger.h). None opens a transaction: the caller holds one.

// Times as the annotation database stores them: ISO 8601 UTC with milliseconds; empty for none.
QString storedTime(const QDateTime &time);
QDateTime readStoredTime(const QString &text);

// The annotations selected by `tail` ("WHERE a.id = ?", "ORDER BY …"; the table is `a`).
Result<std::vector<Annotation>> queryAnnotations(const Database &db, const QString &tail,
                                                 const QVariantList &values = {});
// Search rows kept to be written together, after a batch's other writes. FTS5 holds what it is given in
// memory until a statement of the transaction opens a savepoint (as an insert into the annotations table,
// with its triggers, does); it then writes what it holds to disk as a segment of its own. A pull of
// 100,000 annotations that wrote each search row between the other writes made that many tiny segments,
// and spent most of its time doing so.
class SearchRows {
public:
    void add(qint64 rowid, bool replace, const Annotation &a, const QStringList &tags);
    // Writes them all (a replaced row's old search row goes first) and forgets them.
    Result<void> write(const Database &db);

private:
    struct Row {
        qint64 rowid;
        bool replace;
        QString note, exact, tags;
    };
    std::vector<Row> m_rows;
};

// Writes the row, its tags and its search row; `replace` updates an existing row (failing when there is
// none) instead of adding one. With `later`, the search row waits there, to be written by its write().
Result<void> writeAnnotationRow(const Database &db, const Annotation &a, bool replace, SearchRows *later = nullptr);
// Deletes the annotation with its tags and search row; false when there was none.
Result<bool> eraseAnnotationRow(const Database &db, const QString &id);

} // namespace marginalia

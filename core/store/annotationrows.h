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
// Writes the row, its tags and its search row; `replace` updates an existing row (failing when there is
// none) instead of adding one.
Result<void> writeAnnotationRow(const Database &db, const Annotation &a, bool replace);
// Deletes the annotation with its tags and search row; false when there was none.
Result<bool> eraseAnnotationRow(const Database &db, const QString &id);

} // namespace marginalia

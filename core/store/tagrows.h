#pragma once

#include "model/annotation.h"
#include "statement.h"
#include "util/result.h"

#include <QStringList>

#include <vector>

namespace marginalia {

// Tags in the store's tables, for AnnotationStore. Names are unique after Unicode case folding and keep
// the case they were first typed in.

QString foldTagName(const QString &name);

// The id of the tag called `name`, created when missing: with `color`, or else the next colour of a
// fixed palette. Fails for a name that is empty once trimmed.
Result<qint64> tagId(const Database &db, const QString &name, const QString &color = {});

// Replaces the annotation's tags (in the given order, duplicates dropped). Returns the tags' stored
// names, which keep the case they were first typed in.
Result<QStringList> setAnnotationTags(const Database &db, const QString &annotationId, const QStringList &tags);

// Every tag with the number of annotations carrying it, by name.
Result<std::vector<Tag>> listTags(const Database &db);

} // namespace marginalia

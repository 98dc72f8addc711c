#pragma once

#include "export/annotationjson.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace marginalia {

class AnnotationStore;

// Reads an annotation file of any shape we know, each item in its own format: W3C Web Annotation (a
// single annotation, a plain array, an AnnotationPage, an AnnotationCollection with its items in "first"
// or, as our files before pages had them, on itself; w3cannotations.h) and the Hypothesis API's JSON (one
// annotation, an array of them, or a search response {"total":N, "rows":[…]}; hypothesisannotations.h).
// An item that cannot be read (a page note, a reply, no document) is skipped, listed with why and where
// (FILE:LINE:COLUMN), and the others are read. Fails on bad JSON (with line and column) and on a file in
// which nothing could be read; `fileName` names the input in the errors.
Result<ReadAnnotations> parseAnnotationFile(const QByteArray &json, const QString &fileName);

// What importing a file did.
struct ImportSummary {
    int read = 0;    // annotations read from the file
    int added = 0;   // new to the store
    int updated = 0; // replaced an older version
    std::vector<Error> skipped; // items that could not be read: where and why
};

// Reads the file at `path` (parseAnnotationFile, the file named by its path).
Result<ReadAnnotations> readAnnotationsFile(const QString &path);

// Reads the file at `path` and merges what it holds into `store` (by uuid; the newer modification wins;
// one transaction, so a failure changes nothing).
Result<ImportSummary> importAnnotationsFile(const QString &path, AnnotationStore &store);

} // namespace marginalia

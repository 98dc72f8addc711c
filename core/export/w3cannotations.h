#pragma once

#include "model/annotation.h"
#include "util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace marginalia {

class AnnotationStore;

// W3C Web Annotation (JSON-LD) interchange.
//
// Export writes an AnnotationCollection {"@context":"http://www.w3.org/ns/anno.jsonld",
// "type":"AnnotationCollection", "total":N, "items":[…]}; each item has "id" ("urn:uuid:<id>"),
// "type":"Annotation", "motivation" (highlighting: no note and no tags; commenting: a note; tagging: tags
// only), "body" (a commenting TextualBody for the note, a tagging TextualBody per tag), "target"
// {"source": the history.state.gov page of the document, "marginalia:document": the document key,
// "selector":[TextQuoteSelector, TextPositionSelector], "marginalia:footnote" for a note's flow},
// "creator", "created", "modified" (ISO 8601, UTC) and "marginalia:color".

// The history.state.gov address of a document key ("frus1961-63v09/d317"); empty for a local key.
QString historyStateGovUrl(const QString &documentKey);

QJsonObject w3cAnnotation(const Annotation &annotation);
QJsonObject w3cAnnotationCollection(const std::vector<Annotation> &annotations);
// The collection as indented UTF-8 JSON.
QByteArray exportW3cAnnotations(const std::vector<Annotation> &annotations);

// Reads what export writes, and the common variants: a single annotation, a plain array, an
// AnnotationCollection whose items sit in "first", a body given as one object or a "bodyValue", a
// motivation given as an array, a creator given as a string. An id that is not a urn:uuid becomes a
// name-based UUID of it, so importing the same file twice never makes two annotations. Fails as a whole
// (nothing is half read) on bad JSON (with line and column) or an item without a TextQuoteSelector or
// target document; `fileName` names the input in the error.
Result<std::vector<Annotation>> parseW3cAnnotations(const QByteArray &json, const QString &fileName);

// What importing a file did.
struct ImportSummary {
    int read = 0;    // annotations in the file
    int added = 0;   // new to the store
    int updated = 0; // replaced an older version
};

// Reads the file at `path` and merges it into `store` (by uuid; the newer modification wins; one
// transaction, so a failure changes nothing).
Result<ImportSummary> importW3cAnnotationsFile(const QString &path, AnnotationStore &store);

} // namespace marginalia

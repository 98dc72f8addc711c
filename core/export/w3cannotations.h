#pragma once

#include "export/annotationjson.h"
#include "model/annotation.h"
#include "util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace marginalia {

// W3C Web Annotation (JSON-LD) interchange.
//
// Export writes an AnnotationCollection {"@context":["http://www.w3.org/ns/anno.jsonld",
// {"marginalia": marginaliaNamespace()}], "id":"urn:uuid:…", "type":"AnnotationCollection", "label",
// "total":N, "marginalia:textPositions":"tei-reading-text", "first":{"id", "type":"AnnotationPage",
// "partOf":{"id": the collection}, "startIndex":0, "items":[…]}}, as the W3C model (§5) and its JSON
// schemas want: a collection holds its annotations in pages. The collection's id is named after the
// annotations' ids, so the same annotations always make the same file.
//
// Each item has "id" ("urn:uuid:<id>"), "type":"Annotation", "motivation" (highlighting: no note and
// no tags; commenting: a note; tagging: tags only), "body" (a commenting TextualBody for the note, a
// tagging TextualBody per tag), "target" {"source": the history.state.gov page of the document,
// "marginalia:document": the document key, "selector": […]}, "creator", "created", "modified"
// (ISO 8601, UTC) and "marginalia:color".
//
// The selectors: a TextQuoteSelector and, where it is known, a TextPositionSelector. The positions count
// Unicode code points in the document's TEI reading text (what `marginalia-cli show VOLUME.xml --doc ID`
// prints: the title line, then each block, blocks apart by one blank line), or in a note's plain text,
// whichever copy the annotation was made on: export finds the quote in the TEI copy and counts there. An
// annotation whose TEI copy is not at hand gets no TextPositionSelector; the position stored with it (in
// the copy it was made on) goes as the hint "marginalia:storedPosition" {"start", "end"}. On a note, the
// selectors refine a FragmentSelector naming the note ("d317fn3", conformsTo RFC 3986), one for each,
// and "marginalia:footnote" repeats the note's id as a hint. Selectors of other tools that came with an
// import (a Hypothesis RangeSelector) follow ours, and what else came with a Hypothesis annotation is
// given back under "marginalia:hypothesis".

// The IRI the "marginalia:" prefix stands for in @context.
QString marginaliaNamespace();

// The history.state.gov address of a document key ("frus1961-63v09/d317"); empty for a local key.
QString historyStateGovUrl(const QString &documentKey);

// The text a document's positions count in, its TEI reading text, or the plain text of its note
// `footnote` (an xml:id), when the TEI copy of `documentKey` is at hand; nullopt when it is not.
using TeiFlowText = std::function<std::optional<QString>(const QString &documentKey, const QString &footnote)>;

QJsonObject w3cAnnotation(const Annotation &annotation, const TeiFlowText &tei = {});
QJsonObject w3cAnnotationCollection(const std::vector<Annotation> &annotations, const TeiFlowText &tei = {});
// The collection as indented UTF-8 JSON.
QByteArray exportW3cAnnotations(const std::vector<Annotation> &annotations, const TeiFlowText &tei = {});

// Reads one item of a W3C file (what export writes, and the common variants: a body given as one object
// or a "bodyValue", a motivation given as an array, a creator given as a string, a target given as an
// address or with its source in any spelling of its history.state.gov address (documentKeyOfUrl), a note
// named only by its FragmentSelector). An id that is not a urn:uuid becomes a name-based UUID of it, so
// importing the same file twice never makes two annotations. Fails, naming the item by its number and id,
// for an item that cannot be anchored (no TextQuoteSelector, no target document). The positions are
// taken as they are written (TEI reading text), as the stored hint of where the quote is.
Result<Annotation> readW3cAnnotation(const QJsonValue &item, int index, const QString &fileName);

} // namespace marginalia

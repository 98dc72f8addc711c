#pragma once

#include "model/annotation.h"
#include "util/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace marginalia {

// The Hypothesis API's own annotation JSON (what GET /api/annotations/{id} gives, and each of the "rows"
// of GET /api/search), as opposed to W3C Web Annotation: no "type", an "uri", a "user" ("acct:…"), a
// "text", "tags", "created"/"updated" and a "target" list of {"source", "selector":[…]}.
bool isHypothesisAnnotation(const QJsonObject &item);

// One Hypothesis annotation as an Annotation: text → note, tags → tags, user "acct:name@hypothes.is" →
// author "name", created/updated → created/modified, the target's source (else uri) → the document by its
// history.state.gov address, its TextQuoteSelector → the quote and its TextPositionSelector → the
// position hint (it counts in the web page's text, so it is only a hint). The id is a name-based UUID of
// the annotation's address (https://hypothes.is/a/ID), so an import of the same annotation from the API
// or from Hypothesis' W3C export is the same annotation. Everything else (the Hypothesis id, group,
// permissions, document, links, the target as given) is kept in Annotation::interchange with the
// selectors we do not use (RangeSelector…), for export to give back. Fails, naming the item, for a page
// note or a reply (no quote to anchor), and for an annotation of a page that is no FRUS document.
Result<Annotation> readHypothesisAnnotation(const QJsonValue &item, int index, const QString &fileName);

} // namespace marginalia

#pragma once

#include "anchor/anchoring.h"
#include "model/annotation.h"

#include <vector>

namespace marginalia {

struct Document;

// An annotation and where it is in the document as it reads now.
struct AnchoredAnnotation {
    Annotation annotation;
    AnchorResult anchor;
    int footnote = -1; // index in Document::footnotes of its flow; -1 for the body
    QString paintColor; // filled by whoever knows the tags' colours
};

// Re-anchors each annotation against the document's body reading text or its note's plain text.
// An annotation on a note the document no longer has is an orphan.
std::vector<AnchoredAnnotation> anchorAnnotations(const Document &doc, const std::vector<Annotation> &annotations);

} // namespace marginalia

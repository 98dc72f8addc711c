#include "anchoredannotation.h"

#include "model/document.h"
#include "model/readingtext.h"

namespace marginalia {

std::vector<AnchoredAnnotation> anchorAnnotations(const Document &doc, const std::vector<Annotation> &annotations)
{
    std::vector<AnchoredAnnotation> out;
    out.reserve(annotations.size());
    QString body;
    bool haveBody = false;
    for (const Annotation &a : annotations) {
        AnchoredAnnotation anchored{a, {}, -1, {}};
        if (a.selector.footnote.isEmpty()) {
            if (!haveBody) { // built once, and only when some annotation needs it
                body = ReadingText(doc.body).text();
                haveBody = true;
            }
            anchored.anchor = reanchor(body, a.selector);
        } else if (const int note = doc.footnoteIndex(a.selector.footnote); note >= 0) {
            anchored.footnote = note;
            anchored.anchor = reanchor(plainText(doc.footnotes[std::size_t(note)].content), a.selector);
        }
        out.push_back(std::move(anchored));
    }
    return out;
}

} // namespace marginalia

#pragma once

#include "model/annotation.h"

#include <QString>

#include <functional>
#include <vector>

namespace marginalia {

class Library;

// Markdown of annotations (a document's, or a tag's across the library) for pasting into notes or a
// draft: an optional "# title", then per document (in order of first appearance) a heading with its
// citation and title, and per annotation its quote as a blockquote, its note, its tags as #tag and its
// citation with the page it starts on ("FRUS 1961–63, vol. IX, Doc. 317, p. 704"). A document open in
// `library` is cited from it, with the passage re-anchored in the text as it reads now; a document that
// is not open is cited by its key, without a page.
// `documentCitation`, when given, is the full citation of an open document (volume, document index),
// printed under its heading ("Cite as: …"), as the user chose its style.
using DocumentCitation = std::function<QString(int volume, int document)>;
QString annotationsMarkdown(const std::vector<Annotation> &annotations, const Library &library,
                            const QString &title = {}, const DocumentCitation &documentCitation = {});

// Backslash-escapes what Markdown would read as markup, so a quote prints as written.
QString escapeMarkdown(const QString &text);

} // namespace marginalia

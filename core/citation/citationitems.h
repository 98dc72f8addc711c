#pragma once

#include "citationexport.h"
#include "model/annotation.h"

#include <optional>
#include <vector>

namespace marginalia {

class Library;

struct DocumentAt {
    int volume = -1;
    int document = -1;
};

// The export items of `documents`, each with the notes and tags of those of `annotations` that are on
// it (by document key). A note is given after the passage it is on: "“quote”\n\nnote".
std::vector<CitationItem> citationItems(const Library &library, const std::vector<DocumentAt> &documents,
                                        const std::vector<Annotation> &annotations);

// The pages ("704", "703–704") of the first place `quote` is in the document, in its body or a note;
// nullopt when it is not there, an empty string when the document gives no pages.
std::optional<QString> pagesOfQuote(const Library &library, DocumentAt at, const QString &quote);

} // namespace marginalia

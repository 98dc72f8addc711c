#pragma once

#include "ftsquery.h"
#include "util/result.h"

#include <QString>

#include <vector>

namespace marginalia {

// A library search as the user typed it, made safe for FTS5: words (stemmed by the index), "phrases",
// AND / OR / NOT (upper case; side by side means AND), prefix*, NEAR(a b, 10) and parentheses. Every
// word and phrase is passed on quoted, so nothing the user types is FTS5 syntax by accident.
struct CatalogMatch {
    QString match;                     // the MATCH expression; empty when the text has no word
    std::vector<SearchTerm> highlight; // what to mark in snippets (not what comes after NOT)
};

// Fails with a plain message ("unbalanced quote", "NOT needs a word after it") for text the syntax does
// not allow.
Result<CatalogMatch> parseCatalogQuery(const QString &text);

// What a snippet marks for a word the index stems: the word without a common English ending, as a
// prefix ("negotiate" → "negotiat", which "negotiations" starts with).
SearchTerm stemmedTerm(const QString &word);

} // namespace marginalia

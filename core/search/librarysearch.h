#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace marginalia {

class Library;

struct SearchHit {
    int volume = -1;
    int document = -1;
    int footnote = -1;     // -1: in the body's reading text; else in that note's plainText()
    int readingOffset = 0; // where the match starts
    int length = 0;
    QString context;       // the match with some words around it, on one line
    int contextStart = 0;  // where the match starts in `context`
};

struct SearchOptions {
    bool caseSensitive = false;
    bool wholeWords = false;
    bool includeNotes = true;
    int maxHits = 2000;
    int volume = -1;   // limit to one volume (-1: the whole library)
    int document = -1; // limit to one document of that volume
    // Volumes left out by id: with a library index, those the index searches (the window lists the open
    // files' hits after the index's, and would otherwise list the same document twice).
    QStringList skipVolumes;
};

// Finds `query` in the reading text (and notes) of the library's documents, in library order. Matching
// ignores case (unless asked) and treats curly and straight quotes and dashes alike, so that a historian
// can type "Hodges' letter" and find "Hodges’ letter".
// `cancelled`, when given, is asked between documents; once it says yes the search stops and returns
// the hits found so far (a background search that was superseded throws them away).
// With `total`, the search goes on past options.maxHits, counting (without keeping) every match: the
// true total, which a list cut at maxHits says it is part of.
std::vector<SearchHit> searchLibrary(const Library &library, const QString &query, const SearchOptions &options = {},
                                     const std::function<bool()> &cancelled = {}, int *total = nullptr);

} // namespace marginalia

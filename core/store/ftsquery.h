#pragma once

#include <QRegularExpression>
#include <QString>

#include <utility>
#include <vector>

namespace marginalia {

// One term of a search as the user typed it: a word (matched as a prefix) or a "quoted phrase".
struct SearchTerm {
    QString text;
    bool prefix = false;
};

// The terms of what a user typed: words split at white space, "quoted phrases" (straight or curly
// quotes) kept whole; a term without letters or digits is dropped.
std::vector<SearchTerm> searchTerms(const QString &userText);

// An SQLite FTS5 MATCH expression for the terms, safe whatever the text: every word becomes a quoted
// prefix term ("word"*), every phrase a quoted phrase, and the terms are ANDed. FTS5 operators and
// punctuation in the text (NEAR, AND, *, ^, parentheses) are never passed on as syntax. Empty when
// nothing is left to find.
QString ftsQuery(const std::vector<SearchTerm> &terms);
QString ftsQuery(const QString &userText);

// Makes FTS5-like snippets ("…words «match» words…") in C++, matching words as FTS5's unicode61
// tokenizer with remove_diacritics does. FTS5's own snippet() tokenizes the whole text of every row it
// is asked about, which for a common word over a volume costs more than the search itself.
class SnippetMaker {
public:
    explicit SnippetMaker(const std::vector<SearchTerm> &terms);

    // The text around the first match, every match in it between «», on one line; empty when no term
    // matches (FTS5 and this matcher may disagree on unusual text).
    QString snippet(const QString &text) const;
    // Every match in `text` as [start, end) indexes, in order: what the window highlights in a document
    // opened from a search, marked as its snippets are.
    std::vector<std::pair<qsizetype, qsizetype>> matches(const QString &text) const;

private:
    QRegularExpression m_match;
};

} // namespace marginalia

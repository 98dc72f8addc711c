#pragma once

#include <QString>

namespace marginalia {

// An SQLite FTS5 MATCH expression for what a user typed, safe whatever the text: every word becomes a
// quoted prefix term ("word"*), every "quoted phrase" (straight or curly quotes) a quoted phrase, and the
// terms are ANDed. FTS5 operators and punctuation in the text (NEAR, AND, *, ^, parentheses) are never
// passed on as syntax; a word without letters or digits is dropped. Empty when nothing is left to find.
QString ftsQuery(const QString &userText);

} // namespace marginalia

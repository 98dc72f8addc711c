#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace marginalia {

enum class FoldCase { Ignore, Keep };

// "Ignore accents and case": the one folding every search of the project uses (the library search,
// the annotation search's snippets, the library filter). Each UTF-16 unit becomes exactly one unit, so
// an offset in the folded text is the same offset in the original: that is how hits are marked.
// - a letter with a canonical decomposition becomes its base letter, however many steps that takes
//   (é → e, ñ → n, ü → u, ǘ → u);
// - typographic quotes become ' and ", dashes and the minus sign -, no-break spaces a space;
// - unless FoldCase::Keep, simple case folding (É → é, Σ and ς → σ).
// What would change the length stays as it is: letters without a canonical decomposition (ø, æ, ł, ß),
// compatibility forms (the ligature ﬁ, ²), combining marks, and surrogate pairs.
QString foldForSearch(QStringView text, FoldCase foldCase = FoldCase::Ignore);
// The same into `out`, reusing its buffer (the library search folds every block of every document).
void foldForSearch(QStringView text, FoldCase foldCase, QString &out);
// The words a user typed into a filter, folded as above: a row matches when its folded text holds each.
QStringList foldedWords(QStringView typed);

} // namespace marginalia

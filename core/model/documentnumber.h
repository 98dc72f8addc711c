#pragma once

#include <QString>
#include <QStringView>

namespace marginalia {

// A document's number and the number its head prints. FRUS files write both in many ways: n="11." or
// n="[9]" on the div, and heads "317. Letter …", "No. 38.<lb/>Mr. McAdoo …", "2." alone, "<hi>14.</hi>",
// "[9.] Memorandum", "13.Memorandum". The importer, the labels and the view all go through these, so a
// head's number is recognised the same way wherever it is shown or left out.

// "11." → "11", "[9.]" → "9", " 60a " → "60a": the number without the brackets, dots and spaces around it.
QString normalDocumentNumber(QStringView number);

// How many characters at the start of `head` are the document's own number `number` (normalised) with its
// "No.", brackets, dot and the spaces after it: 5 for "317. Letter From …" with 317, 7 for "No. 3. Mr. …",
// 3 for "13.Memorandum", the whole head for "2." or "10". Zero when the head does not open with that number:
// "1934 Trade Agreement" of document 5, or of document 1934 (a bare number followed by words, without dot,
// bracket or "No.", is part of the title), "50. …" of document 5, and whenever `number` is empty.
qsizetype ownNumberLength(QStringView head, QStringView number);

// `head` without its own number (ownNumberLength()), trimmed, line breaks read as spaces: "" for "2." of
// document 2.
QString withoutOwnNumber(QStringView head, QStringView number);

} // namespace marginalia

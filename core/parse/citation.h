#pragma once

#include "model/volume.h"

#include <QString>

#include <vector>

namespace marginalia {

// What one note's text says about its source, before "Ibid." is resolved.
struct NoteCitation {
    QString citation;   // its own citation; empty when it names none or says "Ibid."
    bool ibid = false;  // it repeats the previous citation
    QString ibidSuffix; // what follows "Ibid.,": "p. 5", "490.119/7-2062"; may be empty
};

// Reads a note's plain text (whitespace collapsed). The rules:
// - a source note ("Source: …"): the text after "Source:" up to the end of the first sentence;
// - a note that starts with "Ibid" (any case) or ends in "(Ibid…)": an Ibid. note, with its suffix;
// - a trailing parenthetical that names an archive or a file number: its content;
// - an old volume's file-number note ("825.5151/132: Telegram"): the file number;
// - a published source ("Foreign Relations, 1933, vol. v, p. 643."): the first clause of its first
//   sentence that names a page;
// - a citation found that way which says "ibid." inside ("…; ibid., vol. xcv, p. 818."): an Ibid. note,
//   unless the note names its own source before the "ibid.".
NoteCitation parseNoteCitation(const QString &noteText);

// `base` with an Ibid. suffix applied: a suffix that starts like one of base's comma-separated parts
// (a page "p. 5", a volume "vol. 3", a year, a file number) replaces that part and what follows;
// any other suffix is appended.
QString applyIbid(const QString &base, const QString &suffix);

// The citation of every footnote of `doc`, indexed like Document::footnotes, with each "Ibid." replaced
// by the most recent earlier citation among the document's notes (its source note and, in old volumes,
// its inline source notes included), or before the first of them by doc.precedingCitations. Empty
// strings for notes that cite nothing.
std::vector<QString> documentCitations(const Document &doc);

// Sets each document's precedingCitations from what comes before it in the volume's reading order (the
// documents before it and the notes of the division heads above it, Division::headNotes): where an
// "Ibid." comes before the document's own citations, the printed page means the last citation before
// it. Left empty where no note needs it. The notes are read on up to `threads` threads; what they
// cite is then resolved in reading order.
void carryCitationsAcrossDocuments(Volume &volume, int threads = 1);

} // namespace marginalia

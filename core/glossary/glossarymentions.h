#pragma once

#include "model/volume.h"

#include <QString>

#include <vector>

namespace marginalia {

// Where a volume's text names a person or a term of its glossary (a persName/@corresp, a gloss/@target).
struct GlossaryMention {
    int document = -1;  // index in the volume
    int footnote = -1;  // -1: the body; else the note's index
    int offset = 0;     // in the body's reading text, or in the note's plain text
    int length = 0;
    QString words;      // the words that name it ("Hodges")
    QString context;    // a line of the text around them, whitespace collapsed
};

// An entry of the volume's glossary and every mention of it, in reading order.
struct GlossaryItem {
    QString id;          // its xml:id
    GlossaryEntry entry; // name and description
    std::vector<GlossaryMention> mentions;
    // False for an id the text names but the volume's list lacks (an extract, a volume before review):
    // it is named by its longest mention ("George W. Ball"), with no description.
    bool listed = true;
};

// The volume's persons (or terms), by name (case and accents ignored), each with its mentions in the
// documents the volume holds in full (a document still a stub, from a library outline, has no text yet:
// see documentsNotRead()). An id mentioned but not in the glossary is an item too (not `listed`).
std::vector<GlossaryItem> glossaryWithMentions(const Volume &volume, EntityRef::Kind kind);

// How many documents of `volume` have no text yet (stubs of a volume opened from the library index).
int documentsNotRead(const Volume &volume);

} // namespace marginalia

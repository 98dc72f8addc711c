#pragma once

#include "model/volume.h"

#include <memory>
#include <vector>

namespace marginalia {

class Library;

// The document of `volume` (a TEI volume) that a text copy's document repeats, or -1. A copy with a
// number is that number's document with the same title (or, when `compareText`, with the same text). A
// copy without one (an old volume's page) is
// the document with its title; of several such ("The Secretary of State to the Ambassador in Cuba
// (Caffery)" heads many telegrams), or with no title, the one whose text it shares most of when
// `compareText`, else none.
int findCopiedDocument(const Volume &volume, const Document &copy, bool compareText);

// Reads every text copy of the library whose document an open TEI volume holds again as a copy of that
// document (TextCopyParser with a TextCopyHome): its id and number, the footnotes' labels and ids, each
// marker where the TEI has it. A copy whose file can no longer be read keeps its first reading.
void readTextCopiesByTheirVolumes(Library &library);

// `copy` read again as a copy of the document of one of `open` (TEI volumes, others are skipped) that it
// repeats; `copy` itself when none holds it, or it is no text copy. Reads only its arguments and the
// copy's file, so it may run on a worker thread.
std::shared_ptr<const Volume> readTextCopyByOpenVolumes(std::shared_ptr<const Volume> copy,
                                                        const std::vector<std::shared_ptr<const Volume>> &open);

// An open text copy and its reading by a TEI volume opened after it.
struct TextCopyRereading {
    std::shared_ptr<const Volume> copy; // as the library holds it
    std::shared_ptr<const Volume> read; // read again by the document of the volume it repeats
};

// The text copies among `open` whose document `tei` holds, each read again by that document, as
// readTextCopyByOpenVolumes does for a copy opened after its volume; the others are left out. Reads only
// its arguments and the copies' files, so it may run on a worker thread.
std::vector<TextCopyRereading> readOpenTextCopiesBy(const std::shared_ptr<const Volume> &tei,
                                                    const std::vector<std::shared_ptr<const Volume>> &open);

} // namespace marginalia

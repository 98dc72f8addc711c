#pragma once

#include "model/volume.h"

#include <QStringList>

namespace marginalia::test {

// Where two models of one volume differ ("documents[3].body[2].text: \"a\" / \"b\""), one line each;
// empty when they agree. Compares what a reader sees: text, anchors, notes, pages, ids, counts. The
// differential test of the parallel TEI reader and its fuzzer (tests/fuzz) share it.
QStringList volumeDifferences(const Volume &a, const Volume &b);
// The same for two models of one document: what volumeDifferences compares of each document, and also
// the page breaks, the entities, the notes' labels and the references' targets.
QStringList documentDifferences(const Document &a, const Document &b);

} // namespace marginalia::test

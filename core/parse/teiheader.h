#pragma once

#include "model/volume.h"
#include "teielements.h"
#include "xmltokens.h"

#include <QString>

namespace marginalia {

// The field of `volume` an element of the TEI header fills with its text (title, subseries, the
// book's header fields, the frus idno), or nullptr when the element fills none. Header element names
// vary between the reviewed and the vendor volumes ("sub-series"/"subseries", "volume-number"/
// "volumenumber"); both are read. A field already filled is not overwritten by a later element.
QString *teiHeaderField(Volume &volume, tei::Element element, const XmlAttributes &attrs);

// Simplifies the header's fields once the file is read and drops the editors the file leaves empty
// (<editor role="primary"/>).
void finishTeiHeader(Volume &volume);

} // namespace marginalia

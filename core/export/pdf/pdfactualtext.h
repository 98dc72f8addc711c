#pragma once

// Internal to pdfobjects: small capitals that extract as written (see pdfsmallcaps.cpp).

#include "pdfgeometry.h"

#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>

namespace marginalia {

// Wraps the glyphs of each small-caps run on the pages in a /Span with /ActualText (its text as written)
// and gives them back their own colour. A page whose runs cannot all be found as the composer recorded
// them keeps its glyphs as they are, in their own colour too.
void addActualText(QPDF &pdf, const PdfGeometry &geometry);

} // namespace marginalia

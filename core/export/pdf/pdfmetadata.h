#pragma once

// Internal to pdfobjects: what the file says about itself, for readers, catalogues and archives.

#include "pdfgeometry.h"

#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>

namespace marginalia {

// The document information (/Title, /Subject, /Keywords, /Creator, /Producer, dates), the same in an
// XMP packet (dc:title, dc:description, dc:subject, dc:source, dc:language, xmp:CreateDate,
// xmp:ModifyDate, pdf:Producer), the catalog's /Lang, and a permanent /ID made from the content alone:
// the same documents and annotations give the same first /ID, whenever they are exported.
void setMetadata(QPDF &pdf, const PdfGeometry &geometry);

// The language the exports are in: FRUS is published in American English.
inline constexpr const char *kPdfLanguage = "en-US";

} // namespace marginalia

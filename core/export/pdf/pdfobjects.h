#pragma once

#include "pdfgeometry.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace marginalia {

// Rewrites the PDF at `input` into `output` with qpdf, adding what QPdfWriter cannot write: a
// /Highlight annotation per passage (/QuadPoints over its lines, /Rect, /C, /Contents, /T, /NM, /M),
// /Link annotations with /GoTo destinations or history.state.gov /URIs, the outline (bookmarks), named
// destinations, and what the file says about itself (pdfmetadata.h); mends QPdfWriter's fonts
// (pdffonts.h) and marks its small capitals (pdfactualtext.h). Adds nothing executable: no JavaScript,
// no launch actions, no links to files.
// `output` is written through an OutputFile ("-" is standard output; a device is written, never replaced).
Result<bool> addPdfObjects(const QString &input, const PdfGeometry &geometry, const QString &output);
// The same for a PDF held in memory; `inputName` names it in errors.
Result<bool> addPdfObjects(const QByteArray &input, const QString &inputName, const PdfGeometry &geometry,
                           const QString &output);

} // namespace marginalia

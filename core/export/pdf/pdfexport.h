#pragma once

#include "pdfcomposer.h"

#include "citation/citationstyles.h"

#include <QString>

#include <functional>

namespace marginalia {

class AnnotationStore;
class Library;

// What to export: documents (volume, document indices), or all passages carrying `tag` (from the open
// documents of the library).
struct PdfExportRequest {
    std::vector<std::pair<int, int>> documents;
    QString tag;
    QString output;
    std::optional<CitationStyle> citationStyle = {}; // each document ends with its full citation in this style
};

struct PdfExportReport {
    int pages = 0;
    int documents = 0;
    int highlights = 0;
    int links = 0;
};

// The whole export: loads the annotations (store may be null: none), composes in memory, adds the PDF
// objects and writes `output` through an OutputFile: a regular file is put in place only at the end, so a
// failed or cancelled export leaves no file (and never a half-written one); a device or a FIFO is written
// directly, never replaced; "-" is standard output. Errors name the output file and say what went wrong
// (unwritable folder, "No space left on device", cancelled).
Result<PdfExportReport> exportPdf(const Library &library, const AnnotationStore *store, const PdfExportRequest &request,
                                  const std::function<bool(double)> &progress = {});

// The message a cancelled export fails with.
QString pdfExportCancelledMessage();

} // namespace marginalia

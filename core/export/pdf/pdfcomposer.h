#pragma once

#include "model/annotation.h"
#include "pdfgeometry.h"
#include "util/result.h"

#include <QString>

class QIODevice;

#include <atomic>
#include <functional>
#include <vector>

namespace marginalia {

class Library;

// One document to print, with the annotations to show on it (already loaded from the store).
struct PdfDocumentPart {
    int volume = -1;
    int document = -1;
    std::vector<Annotation> annotations;
};

struct PdfComposeOptions {
    QString title;              // the PDF's title; default: the document's, or their volume's
    QString tagFilter;          // set when exporting a tag's passages: shown in the heading
    bool tableOfContents = false; // multi-document exports
    bool tagIndex = false;        // multi-document exports: an index of tags with page numbers
    // When set, each document ends with "Cite as" and what this gives for it (a full citation).
    std::function<QString(int volume, int document)> citeDocument;
};

// Lays documents out for reading and writes them with QPdfWriter to `path` (real text: pdftotext gives
// the words in order): per document a heading (volume, number, title, dateline), the text with the
// printed "[Page 704]" labels in the left margin, annotated passages with a numbered mark in the right
// margin (their colour is their /Highlight annotation's, added by pdfobjects), footnote markers raised,
// then the document's notes (each with a back link) and its annotations' notes (number, quote, note,
// tags, citation with page). Returns where
// everything went, for pdfobjects to add the real PDF objects. `progress` (0..1) may return false to
// cancel; the file is then left for the caller to delete.
Result<PdfGeometry> composePdf(const Library &library, const std::vector<PdfDocumentPart> &parts,
                               const PdfComposeOptions &options, const QString &path,
                               const std::function<bool(double)> &progress = {});
// The same into `device` (open for writing; a QBuffer keeps the intermediate PDF off the disk); `path`
// names it in errors.
Result<PdfGeometry> composePdf(const Library &library, const std::vector<PdfDocumentPart> &parts,
                               const PdfComposeOptions &options, QIODevice &device, const QString &path,
                               const std::function<bool(double)> &progress = {});

} // namespace marginalia

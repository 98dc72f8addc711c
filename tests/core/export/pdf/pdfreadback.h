#pragma once

#include <QRectF>
#include <QString>
#include <QStringList>

#include <poppler-qt6.h>

#include <QImage>

#include <map>
#include <memory>

namespace marginalia::test {

// Opens a PDF with Poppler-Qt6, as Okular does; null (and a test failure) when it cannot.
std::unique_ptr<Poppler::Document> openPdf(const QString &path);

// Everything in the file's object graph (read with qpdf) that would make it act beyond itself: actions
// other than GoTo and web /URI (JavaScript, Launch, GoToR, SubmitForm…), /JS, /AA, links to files.
QStringList unsafeObjects(const QString &path);

// pdftotext's output (poppler-utils), in reading order; empty (and a failure) when it does not run.
QString pdfText(const QString &path);

// The file's objects as Python's standard library reads them (pdfdump.py), independent of qpdf: every
// object by "number generation" (object streams opened), and every stream's data, inflated.
struct PdfObjects {
    std::map<QString, QString> objects;
    std::map<QString, QByteArray> streams;
};
PdfObjects dumpPdf(const QString &path);

// Page `page` (0-based) as pdftoppm draws it at `dpi`, with or without the annotations; a null image
// (and a failure) when it does not run.
QImage renderPage(const QString &path, int page, int dpi, bool annotations);

// A rectangle of a page in normalised coordinates (0..1, top-left origin) in points.
QRectF toPoints(const QRectF &normalised, const QSizeF &pageSize);
// The bounding box of a highlight quad, in points.
QRectF quadRect(const Poppler::HighlightAnnotation::Quad &quad, const QSizeF &pageSize);

} // namespace marginalia::test

#pragma once

#include <QRectF>
#include <QString>
#include <QStringList>

#include <poppler-qt6.h>

#include <memory>

namespace marginalia::test {

// Opens a PDF with Poppler-Qt6, as Okular does; null (and a test failure) when it cannot.
std::unique_ptr<Poppler::Document> openPdf(const QString &path);

// Everything in the file's object graph (read with qpdf) that would make it act beyond itself: actions
// other than GoTo and web /URI (JavaScript, Launch, GoToR, SubmitForm…), /JS, /AA, links to files.
QStringList unsafeObjects(const QString &path);

// pdftotext's output (poppler-utils), in reading order; empty (and a failure) when it does not run.
QString pdfText(const QString &path);

// A rectangle of a page in normalised coordinates (0..1, top-left origin) in points.
QRectF toPoints(const QRectF &normalised, const QSizeF &pageSize);
// The bounding box of a highlight quad, in points.
QRectF quadRect(const Poppler::HighlightAnnotation::Quad &quad, const QSizeF &pageSize);

} // namespace marginalia::test

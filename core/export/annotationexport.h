#pragma once

#include "markdownexport.h"
#include "model/annotation.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace marginalia {

class AnnotationStore;
class Library;

// Which annotations an export takes: `marginalia-cli export-annotations --doc KEY --tag T` and the
// window's File › Export Annotations… both choose through chooseAnnotations().
struct AnnotationChoice {
    QString document; // a key ("frus1961-63v09/d317"), a bare id ("d317": that document in any volume), or empty
    QString tag;      // case-insensitively; empty: any
};

Result<std::vector<Annotation>> chooseAnnotations(const AnnotationChoice &choice, const AnnotationStore &store);

// The title a Markdown export opens with ("Annotations", or "Annotations tagged T").
QString annotationsExportTitle(const QString &tag);

// A file format annotations export to. The CLI's --format takes `name`; the window lists `label` with
// `suffix`. A new format is one more row of annotationExportFormats().
struct AnnotationExportFormat {
    QString name;   // "w3c", "markdown"
    QString label;  // "W3C Web Annotation (JSON-LD)"
    QString suffix; // "jsonld", without the dot
    // The file's bytes. `library` holds the documents open (or given on the command line): Markdown cites
    // their pages, W3C counts positions in their TEI text. `title` is annotationsExportTitle()'s. `cite`,
    // when set, gives a document's full citation, which Markdown puts under its heading.
    QByteArray (*write)(const std::vector<Annotation> &annotations, const Library &library, const QString &title,
                        const DocumentCitation &cite);
};

// Every format, the default (W3C JSON-LD) first.
std::vector<AnnotationExportFormat> annotationExportFormats();
// The format named `name`, or nullopt.
std::optional<AnnotationExportFormat> annotationExportFormat(const QString &name);
// The names, for a usage message: "w3c or markdown".
QString annotationExportFormatNames();

} // namespace marginalia

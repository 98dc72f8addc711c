#include "pdfexport.h"

#include "annotation/documentkey.h"
#include "annotation/documentlookup.h"
#include "library/library.h"
#include "pdfobjects.h"
#include "store/annotationstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryFile>

#include <algorithm>
#include <map>
#include <optional>

namespace marginalia {

namespace {

// The share of the progress bar composing takes; adding the PDF objects takes the rest.
constexpr double composeShare = 0.9;

QString translated(const char *text) { return QCoreApplication::translate("marginalia", text); }

bool isDocument(const Library &library, int volume, int document)
{
    return volume >= 0 && volume < library.size() && document >= 0
        && document < int(library.volume(volume).documents.size());
}

// Body passages first, then those in notes, each in reading order: the order the composer numbers them.
void sortByPosition(std::vector<Annotation> &annotations)
{
    std::stable_sort(annotations.begin(), annotations.end(), [](const Annotation &a, const Annotation &b) {
        if (a.selector.footnote.isEmpty() != b.selector.footnote.isEmpty())
            return a.selector.footnote.isEmpty();
        return a.selector.start < b.selector.start;
    });
}

Result<std::vector<Annotation>> annotationsOf(const Library &library, const AnnotationStore *store, int volume,
                                              int document, const QString &tag)
{
    if (!store)
        return std::vector<Annotation>{};
    Result<std::vector<Annotation>> found = store->forDocument(documentKey(library, volume, document));
    if (!found || tag.isEmpty())
        return found;
    std::erase_if(*found, [&](const Annotation &a) { return !a.tags.contains(tag, Qt::CaseInsensitive); });
    return found;
}

// The open documents holding an annotation with `tag`, in library order.
Result<std::vector<std::pair<int, int>>> documentsWithTag(const Library &library, const AnnotationStore *store,
                                                          const QString &tag, const QString &output)
{
    std::vector<std::pair<int, int>> documents;
    if (!store)
        return documents;
    Result<std::vector<Annotation>> tagged = store->withTag(tag);
    if (!tagged)
        return fail(tagged.error());
    std::map<QString, std::optional<std::pair<int, int>>> seen;
    for (const Annotation &annotation : *tagged) {
        if (seen.contains(annotation.document))
            continue;
        const auto at = findDocumentByKey(library, annotation.document);
        seen.emplace(annotation.document, at);
        if (at)
            documents.push_back(*at);
    }
    std::sort(documents.begin(), documents.end());
    if (documents.empty())
        return fail(output, 0, 0, translated("no open document has passages tagged \"%1\"").arg(tag));
    return documents;
}

Result<std::vector<PdfDocumentPart>> collectParts(const Library &library, const AnnotationStore *store,
                                                  const PdfExportRequest &request)
{
    std::vector<std::pair<int, int>> documents = request.documents;
    if (documents.empty() && !request.tag.isEmpty()) {
        Result<std::vector<std::pair<int, int>>> tagged = documentsWithTag(library, store, request.tag, request.output);
        if (!tagged)
            return fail(tagged.error());
        documents = std::move(tagged).value();
    }
    if (documents.empty())
        return fail(request.output, 0, 0, translated("there is no document to export"));
    std::vector<PdfDocumentPart> parts;
    for (const auto &[volume, document] : documents) {
        if (!isDocument(library, volume, document))
            return fail(request.output, 0, 0, translated("the document to export is not open"));
        Result<std::vector<Annotation>> annotations = annotationsOf(library, store, volume, document, request.tag);
        if (!annotations)
            return fail(annotations.error());
        sortByPosition(*annotations);
        parts.push_back(PdfDocumentPart{volume, document, std::move(annotations).value()});
    }
    return parts;
}

// A temporary file beside `output` ("<output>.partXXXXXX"), removed when it goes out of scope: on the
// same file system as the output, so a full disk shows while writing, not at the end.
Result<bool> openTemporary(QTemporaryFile &file, const QString &output)
{
    file.setFileTemplate(output + QStringLiteral(".partXXXXXX"));
    if (!file.open())
        return fail(output, 0, 0, translated("cannot write in the folder %1: %2")
                                      .arg(QDir::toNativeSeparators(QFileInfo(output).absolutePath()), file.errorString()));
    file.close(); // QPdfWriter opens it again by name; the QTemporaryFile still removes it
    return true;
}

Result<bool> checkFolder(const QString &output)
{
    const QFileInfo info(output);
    const QFileInfo folder(info.absolutePath());
    if (output.isEmpty())
        return fail(output, 0, 0, translated("no output file given"));
    if (!folder.isDir())
        return fail(output, 0, 0, translated("the folder %1 does not exist").arg(QDir::toNativeSeparators(folder.filePath())));
    if (info.isDir())
        return fail(output, 0, 0, translated("%1 is a folder").arg(QDir::toNativeSeparators(output)));
    return true;
}

PdfComposeOptions composeOptions(const PdfExportRequest &request, std::size_t parts)
{
    PdfComposeOptions options;
    options.tagFilter = request.tag;
    options.tableOfContents = parts > 1;
    options.tagIndex = parts > 1;
    if (!request.tag.isEmpty())
        options.title = translated("Passages tagged \u201c%1\u201d").arg(request.tag);
    return options;
}

PdfExportReport reportOf(const PdfGeometry &geometry, std::size_t parts)
{
    PdfExportReport report;
    report.pages = geometry.pageCount;
    report.documents = int(parts);
    report.highlights = int(geometry.highlights.size());
    report.links = int(geometry.links.size());
    return report;
}

} // namespace

QString pdfExportCancelledMessage() { return translated("the export was cancelled"); }

Result<PdfExportReport> exportPdf(const Library &library, const AnnotationStore *store, const PdfExportRequest &request,
                                  const std::function<bool(double)> &progress)
{
    const QString output = QFileInfo(request.output).absoluteFilePath();
    if (Result<bool> folder = checkFolder(request.output); !folder)
        return fail(folder.error());
    Result<std::vector<PdfDocumentPart>> parts = collectParts(library, store, request);
    if (!parts)
        return fail(parts.error());

    bool cancelled = false;
    const auto report = [&](double done) {
        if (progress && !cancelled && !progress(done))
            cancelled = true;
        return !cancelled;
    };
    const auto cancel = [&] { return fail(request.output, 0, 0, pdfExportCancelledMessage()); };

    QTemporaryFile composed;
    if (Result<bool> opened = openTemporary(composed, output); !opened)
        return fail(Error{request.output, 0, 0, opened.error().message});
    Result<PdfGeometry> geometry =
        composePdf(library, *parts, composeOptions(request, parts->size()), composed.fileName(),
                   [&](double done) { return report(done * composeShare); });
    if (cancelled)
        return cancel();
    if (!geometry)
        return fail(Error{request.output, 0, 0, geometry.error().message});
    if (!report(composeShare))
        return cancel();
    // addPdfObjects writes through a QSaveFile: `output` is replaced only once the whole file is written.
    if (Result<bool> added = addPdfObjects(composed.fileName(), *geometry, output); !added)
        return fail(Error{request.output, 0, 0, added.error().message});
    report(1.0); // too late to cancel: the file is in place
    return reportOf(*geometry, parts->size());
}

} // namespace marginalia

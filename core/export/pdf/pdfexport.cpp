#include "pdfexport.h"

#include "annotation/documentkey.h"
#include "annotation/documentlookup.h"
#include "fileio/outputfile.h"
#include "library/library.h"
#include "pdfobjects.h"
#include "store/annotationstore.h"
#include "util/translate.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <map>
#include <optional>

namespace marginalia {

namespace {

// The share of the progress bar composing takes; adding the PDF objects takes the rest.
constexpr double composeShare = 0.9;

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
        return fail(output, 0, 0, Tr::tr("no open document has passages tagged \"%1\"").arg(tag));
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
        return fail(request.output, 0, 0, Tr::tr("there is no document to export"));
    std::vector<PdfDocumentPart> parts;
    for (const auto &[volume, document] : documents) {
        if (!isDocument(library, volume, document))
            return fail(request.output, 0, 0, Tr::tr("the document to export is not open"));
        Result<std::vector<Annotation>> annotations = annotationsOf(library, store, volume, document, request.tag);
        if (!annotations)
            return fail(annotations.error());
        sortByPosition(*annotations);
        parts.push_back(PdfDocumentPart{volume, document, std::move(annotations).value()});
    }
    return parts;
}

Result<bool> checkFolder(const QString &output)
{
    if (output.isEmpty())
        return fail(output, 0, 0, Tr::tr("no output file given"));
    if (OutputFile::isStandardOutput(output))
        return true;
    const QFileInfo info(output);
    const QFileInfo folder(info.absolutePath());
    if (!folder.isDir())
        return fail(output, 0, 0, Tr::tr("the folder %1 does not exist").arg(QDir::toNativeSeparators(folder.filePath())));
    if (info.isDir())
        return fail(output, 0, 0, Tr::tr("%1 is a folder").arg(QDir::toNativeSeparators(output)));
    return true;
}

PdfComposeOptions composeOptions(const Library &library, const PdfExportRequest &request, std::size_t parts)
{
    PdfComposeOptions options;
    options.citeDocument = documentCitations(library, request.citationStyle);
    options.tagFilter = request.tag;
    options.tableOfContents = parts > 1;
    options.tagIndex = parts > 1;
    if (!request.tag.isEmpty())
        options.title = Tr::tr("Passages tagged \u201c%1\u201d").arg(request.tag);
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

QString pdfExportCancelledMessage() { return Tr::tr("the export was cancelled"); }

Result<PdfExportReport> exportPdf(const Library &library, const AnnotationStore *store, const PdfExportRequest &request,
                                  const std::function<bool(double)> &progress)
{
    const QString output = OutputFile::isStandardOutput(request.output) ? request.output
                                                                        : QFileInfo(request.output).absoluteFilePath();
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

    // Composed in memory, so that only the finished file touches the disk: a full disk shows as such
    // when the output is written, not as an unreadable intermediate PDF.
    QBuffer composed;
    composed.open(QIODevice::WriteOnly);
    Result<PdfGeometry> geometry =
        composePdf(library, *parts, composeOptions(library, request, parts->size()), composed, request.output,
                   [&](double done) { return report(done * composeShare); });
    if (cancelled)
        return cancel();
    if (!geometry)
        return fail(Error{request.output, 0, 0, geometry.error().message});
    if (!report(composeShare))
        return cancel();
    composed.close();
    // Through an OutputFile: a regular `output` is replaced only once the whole file is written.
    if (Result<bool> added = addPdfObjects(composed.data(), request.output, *geometry, output); !added)
        return fail(Error{OutputFile(request.output).displayName(), 0, 0, added.error().message});
    report(1.0); // too late to cancel: the file is in place
    return reportOf(*geometry, parts->size());
}

} // namespace marginalia

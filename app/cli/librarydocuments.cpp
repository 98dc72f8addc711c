// marginalia-cli library show and library search: documents of the library, read through the index.

#include "cli/librarycommands.h"

#include "catalog/catalog.h"
#include "catalog/volumeoutline.h"
#include "cli/cli.h"
#include "cli/commandline.h"
#include "export/documentjson.h"
#include "export/terminaltext.h"
#include "library/library.h"
#include "parse/volumeloader.h"
#include "store/annotationdatabase.h"
#include "store/annotationstore.h"
#include "store/catalogschema.h"
#include "util/translate.h"
#include "util/visiblecontrols.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTextStream>

namespace marginalia::cli {

namespace {

Result<VolumeOutline> outlineOf(const Catalog &catalog, const QString &volumeId)
{
    Result<QByteArray> encoded = catalog.volumeOutline(volumeId);
    if (!encoded)
        return fail(encoded.error());
    Result<QString> path = catalog.volumePath(volumeId);
    if (!path)
        return fail(path.error());
    if (encoded->isEmpty())
        return fail(catalog.path(), 0, 0, Tr::tr("no volume \"%1\" in the library").arg(volumeId));
    return decodeVolumeOutline(*encoded, *path);
}

// The volume with document `index` read from its part of the file, or read whole when the file cannot
// be read by parts; every other document is its outline.
Result<Volume> volumeWithDocument(VolumeOutline outline, int index)
{
    if (outline.spans.empty())
        return loadVolume(outline.volume.sourcePath);
    Result<Document> document = readOutlinedDocument(outline, index);
    if (!document)
        return fail(document.error());
    outline.volume.documents[std::size_t(index)] = std::move(document).value();
    return std::move(outline.volume);
}

// The outlines of the other volumes of the library that `doc` refers to, so that its references to them
// resolve as they would with those files open.
void addReferencedVolumes(const Catalog &catalog, const Document &doc, const QString &home, Library &library)
{
    QSet<QString> added{home};
    for (const CrossReference &ref : doc.crossReferences) {
        if (ref.kind != ReferenceKind::OtherVolume || ref.volume.isEmpty() || added.contains(ref.volume))
            continue;
        added.insert(ref.volume);
        if (Result<VolumeOutline> other = outlineOf(catalog, ref.volume))
            library.add(std::make_shared<const Volume>(std::move(other->volume)));
    }
}

// The keys of the documents with annotations (with `tag` when given), from the annotation database.
Result<QStringList> annotatedDocuments(const QString &database, const QString &tag)
{
    Result<AnnotationDatabase> opened = AnnotationDatabase::open(database, DatabaseAccess::Read);
    if (!opened)
        return fail(opened.error());
    Result<std::vector<Annotation>> annotations = tag.isEmpty() ? opened->store->all() : opened->store->withTag(tag);
    if (!annotations)
        return fail(annotations.error());
    QStringList keys;
    for (const Annotation &a : *annotations)
        keys << a.document;
    keys.removeDuplicates();
    return keys;
}

} // namespace

int runLibraryShow(const LibraryShowOptions &options, QTextStream &out, QTextStream &err)
{
    Result<std::unique_ptr<Catalog>> catalog = openIndexForReading(options.library, false);
    if (!catalog) {
        err << catalog.error().toString() << Qt::endl;
        return ExitBadInput;
    }
    Result<VolumeOutline> outline = outlineOf(**catalog, options.volume);
    if (!outline) {
        err << outline.error().toString() << Qt::endl;
        return ExitBadInput;
    }
    const int index = outline->volume.documentIndex(options.document);
    if (index < 0) {
        err << Error{outline->volume.sourcePath, 0, 0, Tr::tr("no document with id \"%1\"").arg(options.document)}.toString()
            << Qt::endl;
        return ExitBadInput;
    }
    Result<Volume> volume = volumeWithDocument(std::move(outline).value(), index);
    if (!volume) {
        err << volume.error().toString() << Qt::endl;
        return ExitBadInput;
    }
    Library library;
    library.add(std::make_shared<const Volume>(std::move(volume).value()));
    addReferencedVolumes(**catalog, library.volume(0).documents.at(std::size_t(index)), options.volume, library);
    if (options.json) {
        const QJsonDocument json(documentJson(library, 0, index));
        out << QString::fromUtf8(terminalSafeJson(json.toJson(QJsonDocument::Indented)));
    } else {
        out << visibleControls(terminalText(library, 0, index));
    }
    // As `show` does: the volume's import warnings after the document, and they make the run a bad-input run.
    out.flush();
    for (const Error &warning : library.volume(0).warnings)
        err << warning.toString() << Qt::endl;
    return library.volume(0).warnings.empty() ? ExitOk : ExitBadInput;
}

int runLibrarySearch(const LibrarySearchOptions &options, QTextStream &out, QTextStream &err)
{
    Result<std::unique_ptr<Catalog>> catalog = openIndexForReading(options.library, false);
    if (!catalog) {
        err << catalog.error().toString() << Qt::endl;
        return ExitBadInput;
    }
    CatalogQuery query;
    query.text = options.query;
    query.from = options.from;
    query.to = options.to;
    query.volume = options.volume;
    query.person = options.person;
    query.kind = options.kind;
    query.sort = options.byDate ? CatalogQuery::Sort::Date : CatalogQuery::Sort::Relevance;
    query.limit = options.limit;
    if (options.annotated || !options.tag.isEmpty()) {
        Result<QStringList> keys = annotatedDocuments(options.database, options.tag);
        if (!keys) {
            err << keys.error().toString() << Qt::endl;
            return ExitBadInput;
        }
        query.documents = *keys;
    }
    Result<CatalogSearchResults> found = (*catalog)->search(query);
    if (!found) {
        err << found.error().toString() << Qt::endl;
        return ExitBadInput;
    }
    if (options.json) {
        QJsonArray results;
        for (const CatalogHit &hit : found->results) {
            const auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
            results.append(QJsonObject{{QStringLiteral("volume"), hit.volume},
                                       {QStringLiteral("id"), hit.id},
                                       {QStringLiteral("number"), orNull(hit.number)},
                                       {QStringLiteral("title"), hit.title},
                                       {QStringLiteral("date"), orNull(hit.date)},
                                       {QStringLiteral("kind"), hit.kind},
                                       {QStringLiteral("score"), hit.score},
                                       {QStringLiteral("snippet"), hit.snippet}});
        }
        const QJsonObject object{{QStringLiteral("total"), found->total}, {QStringLiteral("results"), results}};
        printJson(object, out);
        return ExitOk;
    }
    for (const CatalogHit &hit : found->results) {
        out << visibleControls(QString(hit.volume + QLatin1Char('/') + hit.id), LineBreaks::Show) << QStringLiteral("  ")
            << visibleControls(hit.date, LineBreaks::Show) << QStringLiteral("  ")
            << visibleControls(hit.title, LineBreaks::Show) << QStringLiteral("\n  ")
            << visibleControls(hit.snippet, LineBreaks::Show) << QLatin1Char('\n');
    }
    out << Tr::tr("%1 of %2 documents").arg(found->results.size()).arg(found->total) << Qt::endl;
    return ExitOk;
}

} // namespace marginalia::cli

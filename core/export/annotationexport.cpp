#include "annotationexport.h"

#include "export/markdownexport.h"
#include "export/teipositions.h"
#include "export/w3cannotations.h"
#include "store/annotationstore.h"
#include "util/translate.h"

#include <QCoreApplication>

#include <optional>

namespace marginalia {

namespace {

bool matchesDocument(const Annotation &a, const QString &doc)
{
    // A bare document id ("d317") matches that document in any volume.
    return doc.isEmpty() || a.document == doc
        || (!doc.contains(QLatin1Char('/')) && a.document.endsWith(QLatin1Char('/') + doc));
}

QByteArray writeW3c(const std::vector<Annotation> &annotations, const Library &library, const QString &,
                    const DocumentCitation &)
{
    return exportW3cAnnotations(annotations, teiFlowTextIn(library));
}

QByteArray writeMarkdown(const std::vector<Annotation> &annotations, const Library &library, const QString &title,
                         const DocumentCitation &cite)
{
    return annotationsMarkdown(annotations, library, title, cite).toUtf8();
}

} // namespace

Result<std::vector<Annotation>> chooseAnnotations(const AnnotationChoice &choice, const AnnotationStore &store)
{
    const bool oneDocument = choice.document.contains(QLatin1Char('/'));
    Result<std::vector<Annotation>> chosen = oneDocument ? store.forDocument(choice.document)
        : choice.tag.isEmpty()                           ? store.all()
                                                         : store.withTag(choice.tag);
    if (chosen) {
        std::erase_if(*chosen, [&](const Annotation &a) {
            return !matchesDocument(a, choice.document)
                || (!choice.tag.isEmpty() && !a.tags.contains(choice.tag, Qt::CaseInsensitive));
        });
    }
    return chosen;
}

QString annotationsExportTitle(const QString &tag)
{
    if (!tag.isEmpty())
        return Tr::tr("Annotations tagged %1").arg(tag);
    return Tr::tr("Annotations");
}

std::vector<AnnotationExportFormat> annotationExportFormats()
{
    return {
        {QStringLiteral("w3c"), Tr::tr("W3C Web Annotation (JSON-LD)"), QStringLiteral("jsonld"), writeW3c},
        {QStringLiteral("markdown"), Tr::tr("Markdown"), QStringLiteral("md"), writeMarkdown},
    };
}

std::optional<AnnotationExportFormat> annotationExportFormat(const QString &name)
{
    for (AnnotationExportFormat &format : annotationExportFormats()) {
        if (format.name == name)
            return std::move(format);
    }
    return std::nullopt;
}

QString annotationExportFormatNames()
{
    QStringList names;
    for (const AnnotationExportFormat &format : annotationExportFormats())
        names << format.name;
    const QString last = names.takeLast();
    return names.isEmpty() ? last : Tr::tr("%1 or %2").arg(names.join(QStringLiteral(", ")), last);
}

} // namespace marginalia

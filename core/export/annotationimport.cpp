#include "annotationimport.h"

#include "export/hypothesisannotations.h"
#include "export/w3cannotations.h"
#include "fileio/inputfile.h"
#include "store/annotationstore.h"
#include "util/translate.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>

namespace marginalia {

using namespace annotationjson;

namespace {

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

struct Items {
    QJsonArray items;
    QStringList path; // the keys that lead to them, for their places in the file
};

// The annotations of whatever shape the top level has.
Items itemsOf(const QJsonDocument &doc)
{
    if (doc.isArray())
        return {doc.array(), {}};
    const QJsonObject top = doc.object();
    if (top.value(key("rows")).isArray() && !top.contains(key("type")))
        return {top.value(key("rows")).toArray(), {key("rows")}}; // a Hypothesis search response
    if (hasType(top, key("AnnotationPage")))
        return {asArray(top.value(key("items"))), {key("items")}};
    if (!hasType(top, key("AnnotationCollection")))
        return {QJsonArray{top}, {}};
    // Our files before the collection had pages held the items on the collection itself.
    if (top.contains(key("items")))
        return {asArray(top.value(key("items"))), {key("items")}};
    // A paged collection: the items of its first page (an embedded AnnotationPage).
    return {asArray(top.value(key("first")).toObject().value(key("items"))), {key("first"), key("items")}};
}

} // namespace

Result<ReadAnnotations> parseAnnotationFile(const QByteArray &json, const QString &fileName)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto [line, column] = lineAndColumn(json, parseError.offset);
        return fail(fileName, line, column, Tr::tr("not valid JSON: %1").arg(parseError.errorString()));
    }
    if (!doc.isArray() && !doc.isObject())
        return fail(fileName, 0, 0, Tr::tr("not W3C annotations: expected an object or an array"));
    const Items found = itemsOf(doc);
    std::vector<qsizetype> offsets = arrayElementOffsets(json, found.path);
    if (doc.isObject() && found.path.isEmpty())
        offsets = {json.indexOf('{')};
    return readAll(found.items, offsets, json, [&](const QJsonValue &item, int index) {
        return isHypothesisAnnotation(item.toObject()) ? readHypothesisAnnotation(item, index, fileName)
                                                       : readW3cAnnotation(item, index, fileName);
    });
}

Result<ReadAnnotations> readAnnotationsFile(const QString &path)
{
    Result<QByteArray> json = readInputFile(path);
    if (!json)
        return fail(json.error());
    return parseAnnotationFile(*json, path);
}

Result<ImportSummary> importAnnotationsFile(const QString &path, AnnotationStore &store)
{
    Result<ReadAnnotations> read = readAnnotationsFile(path);
    if (!read)
        return fail(read.error());
    ImportSummary summary;
    summary.read = int(read->annotations.size());
    summary.skipped = std::move(read->skipped);
    for (const Annotation &a : read->annotations) {
        Result<std::optional<Annotation>> existing = store.find(a.id);
        if (!existing)
            return fail(existing.error());
        if (!existing->has_value())
            ++summary.added;
    }
    Result<int> merged = store.merge(read->annotations);
    if (!merged)
        return fail(merged.error());
    // Counted before the merge; another process adding the same ones meanwhile only moves the split.
    summary.added = std::min(summary.added, *merged);
    summary.updated = *merged - summary.added;
    return summary;
}

} // namespace marginalia

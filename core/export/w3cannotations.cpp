#include "w3cannotations.h"

#include "fileio/inputfile.h"
#include "store/annotationstore.h"
#include "util/translate.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

namespace marginalia {

namespace {

const QLatin1String historyBase("https://history.state.gov/historicaldocuments/");
const QLatin1String urnUuid("urn:uuid:");

QString isoUtc(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString motivationOf(const Annotation &a)
{
    if (!a.note.isEmpty())
        return QStringLiteral("commenting");
    return a.tags.isEmpty() ? QStringLiteral("highlighting") : QStringLiteral("tagging");
}

QJsonArray bodyOf(const Annotation &a)
{
    QJsonArray body;
    if (!a.note.isEmpty()) {
        body.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("TextualBody")},
                                {QStringLiteral("value"), a.note},
                                {QStringLiteral("purpose"), QStringLiteral("commenting")},
                                {QStringLiteral("format"), QStringLiteral("text/plain")}});
    }
    for (const QString &tag : a.tags) {
        body.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("TextualBody")},
                                {QStringLiteral("value"), tag},
                                {QStringLiteral("purpose"), QStringLiteral("tagging")}});
    }
    return body;
}

QJsonObject targetOf(const Annotation &a)
{
    const TextSelector &s = a.selector;
    QJsonObject target{
        {QStringLiteral("marginalia:document"), a.document},
        {QStringLiteral("selector"),
         QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("TextQuoteSelector")},
                                {QStringLiteral("exact"), s.exact},
                                {QStringLiteral("prefix"), s.prefix},
                                {QStringLiteral("suffix"), s.suffix}},
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("TextPositionSelector")},
                                {QStringLiteral("start"), s.start},
                                {QStringLiteral("end"), s.end}}}},
    };
    const QString url = historyStateGovUrl(a.document);
    // A local document has no public address; its key is the best source there is.
    target.insert(QStringLiteral("source"), url.isEmpty() ? a.document : url);
    if (!s.footnote.isEmpty())
        target.insert(QStringLiteral("marginalia:footnote"), s.footnote);
    return target;
}

// ---- import ----

// The 1-based line and column (in characters) of a byte offset into UTF-8 text.
std::pair<qint64, qint64> lineAndColumn(const QByteArray &json, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, json.size());
    const qsizetype lineStart = json.lastIndexOf('\n', offset - 1) + 1;
    const qint64 line = json.left(offset).count('\n') + 1;
    const qint64 column = QString::fromUtf8(json.mid(lineStart, offset - lineStart)).size() + 1;
    return {line, column};
}

// Where in the text a JSON parse error is: QJsonParseError gives a byte offset into the UTF-8.
Error jsonError(const QByteArray &json, const QString &fileName, const QJsonParseError &parseError)
{
    const auto [line, column] = lineAndColumn(json, parseError.offset);
    return Error{fileName, line, column, Tr::tr("not valid JSON: %1").arg(parseError.errorString())};
}

// A refused item's place in the file: QJsonDocument keeps no positions, but an id is written as it
// is (a "urn:uuid:…" needs no escapes), so its first occurrence is where the annotation stands.
Error placed(Error error, const QByteArray &json, const QJsonValue &item)
{
    const QString id = item.toObject().value(QStringLiteral("id")).toString();
    const qsizetype at = id.isEmpty() ? -1 : json.indexOf(QJsonDocument(QJsonArray{id}).toJson(QJsonDocument::Compact).mid(1).chopped(1));
    if (at >= 0)
        std::tie(error.line, error.column) = lineAndColumn(json, at);
    return error;
}

// An array of whatever `value` holds: itself when an array, else a one-element array (null: empty).
QJsonArray asArray(const QJsonValue &value)
{
    if (value.isArray())
        return value.toArray();
    if (value.isUndefined() || value.isNull())
        return {};
    return QJsonArray{value};
}

bool hasType(const QJsonObject &o, const QString &type)
{
    return asArray(o.value(QStringLiteral("type"))).contains(type);
}

QString idOf(const QJsonObject &item)
{
    const QString raw = item.value(QStringLiteral("id")).toString();
    const QString bare = raw.startsWith(urnUuid) ? raw.mid(urnUuid.size()) : raw;
    const QUuid uuid(bare);
    if (!uuid.isNull())
        return uuid.toString(QUuid::WithoutBraces);
    // Another tool's IRI, or no id at all: a UUID named after it (or after the whole item), so the
    // same file imported twice gives the same ids and merge never duplicates.
    static const QUuid space(QStringLiteral("6f1c52c4-5a8e-4c55-9d3f-0c1f3e9a7b21"));
    const QByteArray name = raw.isEmpty() ? QJsonDocument(item).toJson(QJsonDocument::Compact) : raw.toUtf8();
    return QUuid::createUuidV5(space, name).toString(QUuid::WithoutBraces);
}

// Note and tags from the body (and the "bodyValue" shorthand). A body without a purpose is a tag when
// the whole annotation is for tagging, else a comment.
void readBody(const QJsonObject &item, Annotation &a)
{
    const bool tagging = asArray(item.value(QStringLiteral("motivation"))).contains(QStringLiteral("tagging"));
    QStringList notes;
    if (item.value(QStringLiteral("bodyValue")).isString())
        notes.append(item.value(QStringLiteral("bodyValue")).toString());
    for (const QJsonValue &value : asArray(item.value(QStringLiteral("body")))) {
        const QJsonObject body = value.toObject();
        if (!body.value(QStringLiteral("value")).isString())
            continue; // a body that is a link (an IRI) carries no text to keep
        const QString text = body.value(QStringLiteral("value")).toString();
        const QJsonArray purposes = asArray(body.value(QStringLiteral("purpose")));
        const bool isTag = purposes.contains(QStringLiteral("tagging")) || (purposes.isEmpty() && tagging);
        if (isTag && !text.trimmed().isEmpty() && !a.tags.contains(text.trimmed(), Qt::CaseInsensitive))
            a.tags.append(text.trimmed());
        else if (!isTag)
            notes.append(text);
    }
    a.note = notes.join(QStringLiteral("\n\n"));
}

QString creatorOf(const QJsonObject &item)
{
    const QJsonValue creator = item.value(QStringLiteral("creator"));
    if (creator.isString())
        return creator.toString();
    const QJsonObject person = asArray(creator).at(0).toObject();
    for (const char *key : {"name", "nickname", "id"}) {
        if (person.value(QLatin1String(key)).isString())
            return person.value(QLatin1String(key)).toString();
    }
    return {};
}

// A JSON number as a text position: whole, not negative, within int.
bool readPosition(const QJsonValue &value, int &out)
{
    const double d = value.toDouble(-1);
    if (!value.isDouble() || d < 0 || d > std::numeric_limits<int>::max() || std::floor(d) != d)
        return false;
    out = int(d);
    return true;
}

// The document key: ours when present, else the history.state.gov address read back, else the source.
QString documentOf(const QJsonObject &target)
{
    const QString key = target.value(QStringLiteral("marginalia:document")).toString();
    if (!key.isEmpty())
        return key;
    QString source = target.value(QStringLiteral("source")).toString();
    if (source.startsWith(QLatin1String("http://")))
        source.replace(0, 4, QStringLiteral("https"));
    if (source.startsWith(historyBase))
        return source.mid(historyBase.size());
    return source;
}

// Reads the selectors into `a`; returns the problem, empty when there is none.
QString readSelectors(const QJsonObject &target, Annotation &a)
{
    bool quote = false;
    for (const QJsonValue &value : asArray(target.value(QStringLiteral("selector")))) {
        const QJsonObject selector = value.toObject();
        if (hasType(selector, QStringLiteral("TextQuoteSelector"))) {
            a.selector.exact = selector.value(QStringLiteral("exact")).toString();
            a.selector.prefix = selector.value(QStringLiteral("prefix")).toString();
            a.selector.suffix = selector.value(QStringLiteral("suffix")).toString();
            quote = !a.selector.exact.isEmpty();
        } else if (hasType(selector, QStringLiteral("TextPositionSelector"))) {
            if (!readPosition(selector.value(QStringLiteral("start")), a.selector.start)
                || !readPosition(selector.value(QStringLiteral("end")), a.selector.end)
                || a.selector.end < a.selector.start)
                return Tr::tr("its TextPositionSelector needs whole numbers 0 \u2264 start \u2264 end");
        }
    }
    return quote ? QString() : Tr::tr("it has no TextQuoteSelector with the exact text");
}

// One item as an Annotation; the error names its place in the file and its id, when it has one
// ("annotation 3 (id urn:uuid:…)"): the parsed JSON keeps no positions to give a line.
Result<Annotation> readAnnotation(const QJsonValue &value, int index, const QString &fileName)
{
    const QJsonObject item = value.toObject();
    const QString givenId = item.value(QStringLiteral("id")).toString();
    const auto problem = [&](const QString &what) {
        const QString which = givenId.isEmpty() ? Tr::tr("annotation %1").arg(index + 1)
                                                : Tr::tr("annotation %1 (id %2)").arg(index + 1).arg(givenId);
        return fail(fileName, 0, 0, Tr::tr("%1: %2").arg(which, what));
    };
    if (!value.isObject() || (item.contains(QStringLiteral("type")) && !hasType(item, QStringLiteral("Annotation"))))
        return problem(Tr::tr("not a W3C Annotation object"));
    const QJsonValue targetValue = asArray(item.value(QStringLiteral("target"))).at(0);
    const QJsonObject target = targetValue.toObject();
    Annotation a;
    a.id = idOf(item);
    a.document = targetValue.isString() ? targetValue.toString() : documentOf(target);
    if (a.document.isEmpty())
        return problem(Tr::tr("its target names no document"));
    if (const QString wrong = readSelectors(target, a); !wrong.isEmpty())
        return problem(wrong);
    a.selector.footnote = target.value(QStringLiteral("marginalia:footnote")).toString();
    readBody(item, a);
    static const QRegularExpression hexColor(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
    a.color = item.value(QStringLiteral("marginalia:color")).toString();
    if (!hexColor.match(a.color).hasMatch())
        a.color = defaultAnnotationColor();
    a.author = creatorOf(item);
    a.created = QDateTime::fromString(item.value(QStringLiteral("created")).toString(), Qt::ISODateWithMs).toUTC();
    a.modified = QDateTime::fromString(item.value(QStringLiteral("modified")).toString(), Qt::ISODateWithMs).toUTC();
    // Merging compares modification times, so every annotation needs one; the epoch loses to any edit.
    if (!a.created.isValid())
        a.created = a.modified.isValid() ? a.modified : QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
    if (!a.modified.isValid())
        a.modified = a.created;
    return a;
}

// The annotations of whatever shape the top level has.
QJsonArray itemsOf(const QJsonDocument &doc)
{
    if (doc.isArray())
        return doc.array();
    const QJsonObject top = doc.object();
    if (!hasType(top, QStringLiteral("AnnotationCollection")))
        return QJsonArray{top};
    if (top.contains(QStringLiteral("items")))
        return asArray(top.value(QStringLiteral("items")));
    // A paged collection: the items of its first page (an embedded AnnotationPage).
    return asArray(top.value(QStringLiteral("first")).toObject().value(QStringLiteral("items")));
}

} // namespace

QString historyStateGovUrl(const QString &documentKey)
{
    static const QRegularExpression key(QStringLiteral("^frus[A-Za-z0-9-]+/[A-Za-z0-9_.-]+$"));
    return key.match(documentKey).hasMatch() ? QString(historyBase + documentKey) : QString();
}

QJsonObject w3cAnnotation(const Annotation &a)
{
    QJsonObject item{
        {QStringLiteral("id"), QString(urnUuid + a.id)},
        {QStringLiteral("type"), QStringLiteral("Annotation")},
        {QStringLiteral("motivation"), motivationOf(a)},
        {QStringLiteral("target"), targetOf(a)},
        {QStringLiteral("created"), isoUtc(a.created)},
        {QStringLiteral("modified"), isoUtc(a.modified)},
        {QStringLiteral("marginalia:color"), a.color},
    };
    const QJsonArray body = bodyOf(a);
    if (!body.isEmpty())
        item.insert(QStringLiteral("body"), body);
    if (!a.author.isEmpty())
        item.insert(QStringLiteral("creator"), QJsonObject{{QStringLiteral("type"), QStringLiteral("Person")},
                                                           {QStringLiteral("name"), a.author}});
    return item;
}

QJsonObject w3cAnnotationCollection(const std::vector<Annotation> &annotations)
{
    QJsonArray items;
    for (const Annotation &a : annotations)
        items.append(w3cAnnotation(a));
    return QJsonObject{
        {QStringLiteral("@context"), QStringLiteral("http://www.w3.org/ns/anno.jsonld")},
        {QStringLiteral("type"), QStringLiteral("AnnotationCollection")},
        {QStringLiteral("label"), Tr::tr("Marginalia annotations")},
        {QStringLiteral("total"), int(annotations.size())},
        {QStringLiteral("items"), items},
    };
}

QByteArray exportW3cAnnotations(const std::vector<Annotation> &annotations)
{
    return QJsonDocument(w3cAnnotationCollection(annotations)).toJson(QJsonDocument::Indented);
}

Result<std::vector<Annotation>> parseW3cAnnotations(const QByteArray &json, const QString &fileName)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(jsonError(json, fileName, parseError));
    if (!doc.isArray() && !doc.isObject())
        return fail(fileName, 0, 0, Tr::tr("not W3C annotations: expected an object or an array"));
    const QJsonArray items = itemsOf(doc);
    std::vector<Annotation> out;
    out.reserve(std::size_t(items.size()));
    for (int i = 0; i < items.size(); ++i) {
        Result<Annotation> a = readAnnotation(items.at(i), i, fileName);
        if (!a)
            return fail(placed(a.error(), json, items.at(i)));
        out.push_back(std::move(a).value());
    }
    return out;
}

Result<ImportSummary> importW3cAnnotationsFile(const QString &path, AnnotationStore &store)
{
    Result<QByteArray> json = readInputFile(path);
    if (!json)
        return fail(json.error());
    Result<std::vector<Annotation>> annotations = parseW3cAnnotations(*json, path);
    if (!annotations)
        return fail(annotations.error());
    ImportSummary summary;
    summary.read = int(annotations->size());
    for (const Annotation &a : *annotations) {
        Result<std::optional<Annotation>> existing = store.find(a.id);
        if (!existing)
            return fail(existing.error());
        if (!existing->has_value())
            ++summary.added;
    }
    Result<int> merged = store.merge(*annotations);
    if (!merged)
        return fail(merged.error());
    // Counted before the merge; another process adding the same ones meanwhile only moves the split.
    summary.added = std::min(summary.added, *merged);
    summary.updated = *merged - summary.added;
    return summary;
}

} // namespace marginalia

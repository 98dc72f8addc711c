#include "w3cannotations.h"

#include "anchor/anchoring.h"
#include "util/translate.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>

namespace marginalia {

using namespace annotationjson;

namespace {

const QLatin1String historyBase("https://history.state.gov/historicaldocuments/");
const QLatin1String urnUuid("urn:uuid:");
const QLatin1String rfc3986("http://tools.ietf.org/rfc/rfc3986");
// What the positions of TextPositionSelectors count in (the collection's "marginalia:textPositions").
const QLatin1String teiReadingText("tei-reading-text");

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

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
        body.append(QJsonObject{{key("type"), QStringLiteral("TextualBody")},
                                {key("value"), a.note},
                                {key("purpose"), QStringLiteral("commenting")},
                                {key("format"), QStringLiteral("text/plain")}});
    }
    for (const QString &tag : a.tags) {
        body.append(QJsonObject{{key("type"), QStringLiteral("TextualBody")},
                                {key("value"), tag},
                                {key("purpose"), QStringLiteral("tagging")}});
    }
    return body;
}

// The W3C model counts positions in code points, QString in UTF-16 units.
int codePoints(const QString &text, int utf16)
{
    int pairs = 0;
    for (int i = 1; i < utf16 && i < text.size(); ++i) {
        if (text.at(i).isLowSurrogate() && text.at(i - 1).isHighSurrogate())
            ++pairs;
    }
    return utf16 - pairs;
}

// Where the quote is in the TEI copy's text, in code points; nullopt when that copy is not at hand or
// does not hold the quote.
std::optional<std::pair<int, int>> teiPosition(const Annotation &a, const TeiFlowText &tei)
{
    if (!tei)
        return std::nullopt;
    const std::optional<QString> text = tei(a.document, a.selector.footnote);
    if (!text)
        return std::nullopt;
    const AnchorResult found = reanchor(*text, a.selector);
    if (!found.found())
        return std::nullopt;
    return std::pair{codePoints(*text, found.start), codePoints(*text, found.end)};
}

// A selector on a note: the note's fragment, refined by `selector`.
QJsonObject onNote(const QString &footnote, const QJsonObject &selector)
{
    return QJsonObject{{key("type"), QStringLiteral("FragmentSelector")},
                       {key("value"), footnote},
                       {key("conformsTo"), QString(rfc3986)},
                       {key("refinedBy"), selector}};
}

QJsonObject targetOf(const Annotation &a, const TeiFlowText &tei)
{
    const TextSelector &s = a.selector;
    const QJsonObject quote{{key("type"), QStringLiteral("TextQuoteSelector")},
                            {key("exact"), s.exact},
                            {key("prefix"), s.prefix},
                            {key("suffix"), s.suffix}};
    const std::optional<std::pair<int, int>> position = teiPosition(a, tei);
    QJsonArray selectors;
    const auto add = [&](const QJsonObject &selector) {
        selectors.append(s.footnote.isEmpty() ? selector : onNote(s.footnote, selector));
    };
    add(quote);
    if (position) {
        add(QJsonObject{{key("type"), QStringLiteral("TextPositionSelector")},
                        {key("start"), position->first},
                        {key("end"), position->second}});
    }
    for (const QJsonValue &other : parseCompactJson(a.interchange).value(key("selectors")).toArray())
        selectors.append(other);
    QJsonObject target{{key("marginalia:document"), a.document}, {key("selector"), selectors}};
    const QString url = historyStateGovUrl(a.document);
    // A local document has no public address; its key is the best source there is.
    target.insert(key("source"), url.isEmpty() ? a.document : url);
    if (!s.footnote.isEmpty())
        target.insert(key("marginalia:footnote"), s.footnote);
    if (!position)
        target.insert(key("marginalia:storedPosition"), QJsonObject{{key("start"), s.start}, {key("end"), s.end}});
    return target;
}

// A UUID named after the annotations' ids: the same annotations make the same collection.
QString collectionId(const std::vector<Annotation> &annotations, const char *part)
{
    QStringList ids;
    ids.reserve(qsizetype(annotations.size()));
    for (const Annotation &a : annotations)
        ids.append(a.id);
    ids.sort();
    static const QUuid space(QStringLiteral("0b7e6c1e-3f0a-4d8e-9a51-5d2c7b4e8f13"));
    const QByteArray name = QByteArray(part) + ':' + ids.join(QLatin1Char(',')).toUtf8();
    return urnUuid + QUuid::createUuidV5(space, name).toString(QUuid::WithoutBraces);
}

// ---- import ----

// Note and tags from the body (and the "bodyValue" shorthand). A body without a purpose is a tag when
// the whole annotation is for tagging, else a comment.
void readBody(const QJsonObject &item, Annotation &a)
{
    const bool tagging = asArray(item.value(key("motivation"))).contains(QStringLiteral("tagging"));
    QStringList notes;
    if (item.value(key("bodyValue")).isString())
        notes.append(item.value(key("bodyValue")).toString());
    for (const QJsonValue &value : asArray(item.value(key("body")))) {
        const QJsonObject body = value.toObject();
        if (!body.value(key("value")).isString())
            continue; // a body that is a link (an IRI) carries no text to keep
        const QString text = body.value(key("value")).toString();
        const QJsonArray purposes = asArray(body.value(key("purpose")));
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
    const QJsonValue creator = item.value(key("creator"));
    if (creator.isString())
        return creator.toString();
    const QJsonObject person = asArray(creator).at(0).toObject();
    for (const char *name : {"name", "nickname", "id"}) {
        if (person.value(QLatin1String(name)).isString())
            return person.value(QLatin1String(name)).toString();
    }
    return {};
}

// The document key: ours when present, else the history.state.gov address read back, else the source.
QString documentOf(const QJsonValue &targetValue)
{
    const QJsonObject target = targetValue.toObject();
    const QString ours = target.value(key("marginalia:document")).toString();
    if (!ours.isEmpty())
        return ours;
    const QString source = targetValue.isString() ? targetValue.toString() : target.value(key("source")).toString();
    const QString fromUrl = documentKeyOfUrl(source);
    return fromUrl.isEmpty() ? source : fromUrl;
}

struct SelectorsRead {
    bool quoteSeen = false;
    bool quote = false; // an exact text to anchor
    bool position = false;
    QString fragment; // the note a FragmentSelector named
    QJsonArray others; // selectors of other kinds, kept for export
    QString problem;
};

bool isQuote(const QJsonObject &selector)
{
    return hasType(selector, QStringLiteral("TextQuoteSelector"));
}

bool isPosition(const QJsonObject &selector)
{
    return hasType(selector, QStringLiteral("TextPositionSelector"));
}

// Whether a FragmentSelector's refinements say again what an earlier selector said.
bool repeats(const QJsonObject &fragment, const SelectorsRead &read)
{
    for (const QJsonValue &inner : asArray(fragment.value(key("refinedBy")))) {
        if ((isQuote(inner.toObject()) && read.quoteSeen) || (isPosition(inner.toObject()) && read.position))
            return true;
    }
    return false;
}

// Reads one selector into `a`; a FragmentSelector's refinements are read as selectors of its note. The
// first quote and the first position count; a later one is another way to say the same, and dropped, so
// that what export writes first is what import reads.
void readSelector(const QJsonObject &selector, Annotation &a, SelectorsRead &read, bool refining)
{
    if (isQuote(selector)) {
        if (read.quoteSeen)
            return;
        read.quoteSeen = true;
        a.selector.exact = selector.value(key("exact")).toString();
        a.selector.prefix = selector.value(key("prefix")).toString();
        a.selector.suffix = selector.value(key("suffix")).toString();
        read.quote = !a.selector.exact.isEmpty();
    } else if (isPosition(selector)) {
        if (read.position)
            return;
        if (!readPosition(selector.value(key("start")), a.selector.start)
            || !readPosition(selector.value(key("end")), a.selector.end) || a.selector.end < a.selector.start)
            read.problem = Tr::tr("its TextPositionSelector needs whole numbers 0 \u2264 start \u2264 end");
        read.position = true;
    } else if (!refining && hasType(selector, key("FragmentSelector")) && selector.contains(key("refinedBy"))) {
        if (repeats(selector, read))
            return;
        // A note's xml:id ("d317fn3"); a media fragment ("page=3", "xywh=…") names no note of ours.
        static const QRegularExpression xmlId(QStringLiteral("^#?([A-Za-z_][A-Za-z0-9_.-]*)$"));
        const QRegularExpressionMatch id = xmlId.match(selector.value(key("value")).toString());
        if (id.hasMatch() && read.fragment.isEmpty())
            read.fragment = id.captured(1);
        for (const QJsonValue &inner : asArray(selector.value(key("refinedBy"))))
            readSelector(inner.toObject(), a, read, true);
    } else if (!refining) {
        read.others.append(selector);
    }
}

// Reads the selectors into `a` and what we do not use into `others`; returns the problem, empty when
// there is none.
QString readSelectors(const QJsonObject &target, Annotation &a, QJsonArray &others)
{
    SelectorsRead read;
    for (const QJsonValue &value : asArray(target.value(key("selector"))))
        readSelector(value.toObject(), a, read, false);
    if (!read.problem.isEmpty())
        return read.problem;
    if (!read.quote)
        return Tr::tr("it has no TextQuoteSelector with the exact text");
    const QJsonObject stored = target.value(key("marginalia:storedPosition")).toObject();
    if (!read.position && !stored.isEmpty()) {
        if (!readPosition(stored.value(key("start")), a.selector.start)
            || !readPosition(stored.value(key("end")), a.selector.end) || a.selector.end < a.selector.start)
            return Tr::tr("its marginalia:storedPosition needs whole numbers 0 \u2264 start \u2264 end");
    }
    // Our own key says which note; another tool's file says it with the standard FragmentSelector alone.
    const QString footnote = target.value(key("marginalia:footnote")).toString();
    a.selector.footnote = footnote.isEmpty() ? read.fragment : footnote;
    others = read.others;
    return {};
}

} // namespace

Result<Annotation> readW3cAnnotation(const QJsonValue &value, int index, const QString &fileName)
{
    const QJsonObject item = value.toObject();
    const QString givenId = item.value(key("id")).toString();
    const auto problem = [&](const QString &what) {
        return fail(fileName, 0, 0, Tr::tr("%1: %2").arg(itemName(index, givenId), what));
    };
    if (!value.isObject() || (item.contains(key("type")) && !hasType(item, key("Annotation"))))
        return problem(Tr::tr("not a W3C Annotation object"));
    const QJsonValue targetValue = asArray(item.value(key("target"))).at(0);
    Annotation a;
    a.id = uuidFor(givenId, item);
    a.document = documentOf(targetValue);
    if (a.document.isEmpty())
        return problem(Tr::tr("its target names no document"));
    QJsonArray otherSelectors;
    if (const QString wrong = readSelectors(targetValue.toObject(), a, otherSelectors); !wrong.isEmpty())
        return problem(wrong);
    QJsonObject kept;
    if (!otherSelectors.isEmpty())
        kept.insert(key("selectors"), otherSelectors);
    if (item.value(key("marginalia:hypothesis")).isObject())
        kept.insert(key("hypothesis"), item.value(key("marginalia:hypothesis")));
    a.interchange = compactJson(kept);
    readBody(item, a);
    static const QRegularExpression hexColor(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
    a.color = item.value(key("marginalia:color")).toString();
    if (!hexColor.match(a.color).hasMatch())
        a.color = defaultAnnotationColor();
    a.author = creatorOf(item);
    a.created = readTime(item.value(key("created")));
    a.modified = readTime(item.value(key("modified")));
    // Merging compares modification times, so every annotation needs one; the epoch loses to any edit.
    if (!a.created.isValid())
        a.created = a.modified.isValid() ? a.modified : QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
    if (!a.modified.isValid())
        a.modified = a.created;
    return a;
}

QString marginaliaNamespace()
{
    // Under .invalid (RFC 2606), a name that no one can ever register: the IRI only names, never
    // resolves to someone else's page, and stays the same for good. The README says what it stands for.
    return QStringLiteral("https://marginalia.invalid/ns#");
}

QString historyStateGovUrl(const QString &documentKey)
{
    static const QRegularExpression pattern(QStringLiteral("^frus[A-Za-z0-9-]+/[A-Za-z0-9_.-]+$"));
    return pattern.match(documentKey).hasMatch() ? QString(historyBase + documentKey) : QString();
}

QJsonObject w3cAnnotation(const Annotation &a, const TeiFlowText &tei)
{
    QJsonObject item{
        {key("id"), QString(urnUuid + a.id)},
        {key("type"), QStringLiteral("Annotation")},
        {key("motivation"), motivationOf(a)},
        {key("target"), targetOf(a, tei)},
        {key("created"), isoUtc(a.created)},
        {key("modified"), isoUtc(a.modified)},
        {key("marginalia:color"), a.color},
    };
    const QJsonArray body = bodyOf(a);
    if (!body.isEmpty())
        item.insert(key("body"), body);
    if (!a.author.isEmpty())
        item.insert(key("creator"), QJsonObject{{key("type"), QStringLiteral("Person")}, {key("name"), a.author}});
    const QJsonValue hypothesis = parseCompactJson(a.interchange).value(key("hypothesis"));
    if (hypothesis.isObject())
        item.insert(key("marginalia:hypothesis"), hypothesis);
    return item;
}

QJsonObject w3cAnnotationCollection(const std::vector<Annotation> &annotations, const TeiFlowText &tei)
{
    QJsonArray items;
    for (const Annotation &a : annotations)
        items.append(w3cAnnotation(a, tei));
    const QString id = collectionId(annotations, "collection");
    return QJsonObject{
        {key("@context"), QJsonArray{QStringLiteral("http://www.w3.org/ns/anno.jsonld"),
                                     QJsonObject{{key("marginalia"), marginaliaNamespace()}}}},
        {key("id"), id},
        {key("type"), QStringLiteral("AnnotationCollection")},
        {key("label"), Tr::tr("Marginalia annotations")},
        {key("total"), int(annotations.size())},
        {key("marginalia:textPositions"), QString(teiReadingText)},
        {key("first"), QJsonObject{{key("id"), collectionId(annotations, "page")},
                                   {key("type"), QStringLiteral("AnnotationPage")},
                                   {key("partOf"), QJsonObject{{key("id"), id}}},
                                   {key("startIndex"), 0},
                                   {key("items"), items}}},
    };
}

QByteArray exportW3cAnnotations(const std::vector<Annotation> &annotations, const TeiFlowText &tei)
{
    return QJsonDocument(w3cAnnotationCollection(annotations, tei)).toJson(QJsonDocument::Indented);
}

} // namespace marginalia

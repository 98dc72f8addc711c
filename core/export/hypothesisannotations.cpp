#include "hypothesisannotations.h"

#include "export/annotationjson.h"
#include "util/translate.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace marginalia {

using namespace annotationjson;

namespace {

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

QString authorOf(const QString &user)
{
    static const QRegularExpression account(QStringLiteral("^acct:([^@]+)@"));
    const QRegularExpressionMatch m = account.match(user);
    return m.hasMatch() ? m.captured(1) : user;
}

QString sourceOf(const QJsonObject &row, const QJsonObject &target)
{
    const QJsonValue source = target.value(key("source"));
    const QString given = source.isArray() ? source.toArray().at(0).toString() : source.toString();
    return given.isEmpty() ? row.value(key("uri")).toString() : given;
}

} // namespace

bool isHypothesisAnnotation(const QJsonObject &item)
{
    if (item.contains(key("type")) || item.contains(key("@context")))
        return false;
    return item.value(key("uri")).isString() || item.value(key("user")).toString().startsWith(QLatin1String("acct:"))
        || item.value(key("permissions")).isObject() || item.value(key("links")).isObject();
}

Result<Annotation> readHypothesisAnnotation(const QJsonValue &value, int index, const QString &fileName)
{
    const QJsonObject row = value.toObject();
    const QString givenId = row.value(key("id")).toString();
    const auto problem = [&](const QString &what) {
        return fail(fileName, 0, 0, Tr::tr("%1: %2").arg(itemName(index, givenId), what));
    };
    if (!value.isObject())
        return problem(Tr::tr("not a Hypothesis annotation object"));
    const QJsonObject target = asArray(row.value(key("target"))).at(0).toObject();
    const QString source = sourceOf(row, target);
    Annotation a;
    a.id = uuidFor(givenId.isEmpty() ? QString() : QStringLiteral("https://hypothes.is/a/") + givenId, row);
    a.document = documentKeyOfUrl(source);
    if (a.document.isEmpty())
        a.document = documentKeyOfUrl(row.value(key("uri")).toString());
    if (a.document.isEmpty())
        return problem(source.isEmpty() ? Tr::tr("its target names no page")
                                        : Tr::tr("its page %1 is no history.state.gov document").arg(source));
    bool quote = false;
    QJsonArray others;
    for (const QJsonValue &selectorValue : asArray(target.value(key("selector")))) {
        const QJsonObject selector = selectorValue.toObject();
        if (hasType(selector, key("TextQuoteSelector"))) {
            a.selector.exact = selector.value(key("exact")).toString();
            a.selector.prefix = selector.value(key("prefix")).toString();
            a.selector.suffix = selector.value(key("suffix")).toString();
            quote = !a.selector.exact.isEmpty();
        } else if (hasType(selector, key("TextPositionSelector"))) {
            int start = 0;
            int end = 0;
            // Counted in the web page's text: a hint only, so a wrong one is dropped, not refused.
            if (readPosition(selector.value(key("start")), start) && readPosition(selector.value(key("end")), end)
                && start <= end) {
                a.selector.start = start;
                a.selector.end = end;
            }
        } else {
            others.append(selector);
        }
    }
    if (!quote) {
        const QJsonArray references = row.value(key("references")).toArray();
        if (!references.isEmpty())
            return problem(Tr::tr("a reply to annotation %1 quotes no passage").arg(references.last().toString()));
        return problem(Tr::tr("a page note quotes no passage (it has no TextQuoteSelector)"));
    }
    a.note = row.value(key("text")).toString();
    for (const QJsonValue &tagValue : row.value(key("tags")).toArray()) {
        const QString tag = tagValue.toString().trimmed();
        if (!tag.isEmpty() && !a.tags.contains(tag, Qt::CaseInsensitive))
            a.tags.append(tag);
    }
    a.author = authorOf(row.value(key("user")).toString());
    a.color = defaultAnnotationColor();
    a.created = readTime(row.value(key("created")));
    a.modified = readTime(row.value(key("updated")));
    if (!a.created.isValid())
        a.created = a.modified.isValid() ? a.modified : QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
    if (!a.modified.isValid())
        a.modified = a.created;
    // The note and tags are ours now, to edit; the rest is Hypothesis' own, given back as it came.
    QJsonObject hypothesis = row;
    hypothesis.remove(key("text"));
    hypothesis.remove(key("tags"));
    QJsonObject kept{{key("hypothesis"), hypothesis}};
    if (!others.isEmpty())
        kept.insert(key("selectors"), others);
    a.interchange = compactJson(kept);
    return a;
}

} // namespace marginalia

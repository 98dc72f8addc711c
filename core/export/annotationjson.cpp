#include "annotationjson.h"

#include "util/translate.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

namespace marginalia {

namespace {

const QLatin1String urnUuid("urn:uuid:");

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

qsizetype skipSpace(const QByteArray &json, qsizetype i)
{
    while (i < json.size() && isSpace(json.at(i)))
        ++i;
    return i;
}

// From the opening quote of a string to just after its closing one.
qsizetype skipString(const QByteArray &json, qsizetype i)
{
    for (++i; i < json.size(); ++i) {
        if (json.at(i) == '\\')
            ++i;
        else if (json.at(i) == '"')
            return i + 1;
    }
    return json.size();
}

// From the first character of a value to just after it; nesting is counted, not recursed into, so a
// deeply nested value costs no stack.
qsizetype skipValue(const QByteArray &json, qsizetype i)
{
    if (i >= json.size())
        return i;
    const char first = json.at(i);
    if (first == '"')
        return skipString(json, i);
    if (first == '{' || first == '[') {
        qsizetype depth = 0;
        while (i < json.size()) {
            const char c = json.at(i);
            if (c == '"') {
                i = skipString(json, i);
                continue;
            }
            if (c == '{' || c == '[')
                ++depth;
            else if ((c == '}' || c == ']') && --depth == 0)
                return i + 1;
            ++i;
        }
        return i;
    }
    while (i < json.size() && !isSpace(json.at(i)) && json.at(i) != ',' && json.at(i) != '}' && json.at(i) != ']')
        ++i;
    return i;
}

// Positions `i` on the value of `key` in the object starting at `i` (the last one when the key is
// repeated: the one QJsonDocument keeps); false when there is none.
bool enterKey(const QByteArray &json, qsizetype &i, const QString &key)
{
    if (i >= json.size() || json.at(i) != '{')
        return false;
    qsizetype found = -1;
    for (qsizetype at = i + 1;;) {
        at = skipSpace(json, at);
        if (at >= json.size() || json.at(at) == '}')
            break;
        if (json.at(at) == ',') {
            ++at;
            continue;
        }
        if (json.at(at) != '"')
            break;
        const qsizetype keyEnd = skipString(json, at);
        const QString name = QJsonDocument::fromJson('[' + json.mid(at, keyEnd - at) + ']').array().at(0).toString();
        at = skipSpace(json, keyEnd);
        if (at >= json.size() || json.at(at) != ':')
            break;
        at = skipSpace(json, at + 1);
        if (name == key)
            found = at;
        at = skipValue(json, at);
    }
    if (found < 0)
        return false;
    i = found;
    return true;
}

QString quotedJson(const QString &text)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact).mid(1).chopped(1));
}

} // namespace

QString documentKeyOfUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    const QString host = url.host().toLower(); // QUrl lowers it already; said for the reader
    if (!url.isValid() || (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        || (host != QLatin1String("history.state.gov") && host != QLatin1String("www.history.state.gov")))
        return {};
    const QStringList parts = url.path(QUrl::FullyDecoded).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.size() != 3 || parts.at(0).compare(QLatin1String("historicaldocuments"), Qt::CaseInsensitive) != 0)
        return {};
    static const QRegularExpression key(QStringLiteral("^frus[A-Za-z0-9-]+/[A-Za-z0-9_.-]+$"));
    const QString found = parts.at(1) + QLatin1Char('/') + parts.at(2);
    return key.match(found).hasMatch() ? found : QString();
}

namespace annotationjson {

std::pair<qint64, qint64> lineAndColumn(const QByteArray &json, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, json.size());
    const qsizetype lineStart = json.lastIndexOf('\n', offset - 1) + 1;
    const qint64 line = json.left(offset).count('\n') + 1;
    const qint64 column = QString::fromUtf8(json.mid(lineStart, offset - lineStart)).size() + 1;
    return {line, column};
}

std::vector<qsizetype> arrayElementOffsets(const QByteArray &json, const QStringList &path)
{
    qsizetype i = skipSpace(json, json.startsWith("\xEF\xBB\xBF") ? 3 : 0);
    for (const QString &key : path) {
        if (!enterKey(json, i, key))
            return {};
    }
    if (i >= json.size() || json.at(i) != '[')
        return {};
    std::vector<qsizetype> starts;
    for (++i;;) {
        i = skipSpace(json, i);
        if (i >= json.size() || json.at(i) == ']')
            return starts;
        if (json.at(i) == ',') {
            ++i;
            continue;
        }
        starts.push_back(i);
        i = skipValue(json, i);
    }
}

Error placed(Error error, const QByteArray &json, const QJsonObject &item, qsizetype itemOffset)
{
    const QString id = item.value(QStringLiteral("id")).toString();
    const qsizetype from = std::max<qsizetype>(0, itemOffset);
    const qsizetype at = id.isEmpty() ? -1 : json.indexOf(quotedJson(id).toUtf8(), from);
    const qsizetype where = at >= 0 ? at : itemOffset;
    if (where >= 0)
        std::tie(error.line, error.column) = lineAndColumn(json, where);
    return error;
}

Result<ReadAnnotations> readAll(const QJsonArray &items, const std::vector<qsizetype> &offsets, const QByteArray &json,
                                const ReadItem &read)
{
    ReadAnnotations out;
    out.annotations.reserve(std::size_t(items.size()));
    const bool placedItems = offsets.size() == std::size_t(items.size());
    for (int i = 0; i < items.size(); ++i) {
        Result<Annotation> a = read(items.at(i), i);
        if (a)
            out.annotations.push_back(std::move(a).value());
        else
            out.skipped.push_back(placed(a.error(), json, items.at(i).toObject(), placedItems ? offsets[std::size_t(i)] : -1));
    }
    if (!items.isEmpty() && out.annotations.empty()) {
        Error first = out.skipped.front();
        const int more = int(out.skipped.size()) - 1;
        if (more > 0)
            first.message = Tr::tr("%1 (nothing to import: %n more could not be read either)", "", more).arg(first.message);
        return fail(first);
    }
    return out;
}

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

QString uuidFor(const QString &raw, const QJsonObject &item)
{
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

bool readPosition(const QJsonValue &value, int &out)
{
    const double d = value.toDouble(-1);
    if (!value.isDouble() || d < 0 || d > std::numeric_limits<int>::max() || std::floor(d) != d)
        return false;
    out = int(d);
    return true;
}

QDateTime readTime(const QJsonValue &value)
{
    QString text = value.toString();
    // Qt reads at most milliseconds: Hypothesis writes microseconds ("10:15:43.702711+00:00").
    static const QRegularExpression longFraction(QStringLiteral("(\\.\\d{3})\\d+"));
    text.replace(longFraction, QStringLiteral("\\1"));
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QString itemName(int index, const QString &givenId)
{
    return givenId.isEmpty() ? Tr::tr("annotation %1").arg(index + 1)
                             : Tr::tr("annotation %1 (id %2)").arg(index + 1).arg(givenId);
}

QString compactJson(const QJsonObject &object)
{
    return object.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject parseCompactJson(const QString &text)
{
    return text.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace annotationjson

} // namespace marginalia

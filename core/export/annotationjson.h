#pragma once

// What the readers of annotation files (W3C Web Annotation, Hypothesis) share: where in the file a value
// stands, ids, selectors, history.state.gov addresses and the list of what could not be read.

#include "model/annotation.h"
#include "util/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace marginalia {

// The annotations of a file, and those it holds that could not be read, each as an error that names the
// file, its place (line and column) and why: "annotation 3 (id …): it has no TextQuoteSelector …".
struct ReadAnnotations {
    std::vector<Annotation> annotations;
    std::vector<Error> skipped;
};

// The document key of a history.state.gov document address in any of its spellings
// (http or https, any letter case of the host, www., a trailing slash, a query such as ?utm_source=…, a
// fragment such as #fn:1): "https://HISTORY.state.gov/historicaldocuments/frus1961-63v09/d317/?utm_x=1#fn:1"
// is "frus1961-63v09/d317". Empty when it is no such address.
QString documentKeyOfUrl(const QString &url);

namespace annotationjson {

// The 1-based line and column (in characters) of a byte offset into UTF-8 text.
std::pair<qint64, qint64> lineAndColumn(const QByteArray &json, qsizetype offset);

// The byte offsets where the elements of the array at `path` start: the top value when `path` is empty,
// else the value of the key path[0] of the top object, then of its key path[1]… `json` must be valid
// JSON (QJsonDocument read it); an offset that cannot be found is -1.
std::vector<qsizetype> arrayElementOffsets(const QByteArray &json, const QStringList &path);

// Where an item's error belongs: at its id's value when the id is written as a string in the file, else
// at `itemOffset` (the start of the item; -1 for unknown).
Error placed(Error error, const QByteArray &json, const QJsonObject &item, qsizetype itemOffset);

// Reads each element of `items` with `read`; the failures become skipped entries, placed in the file.
// Fails as a whole only when there were items and none could be read: then there is nothing to import,
// and the first problem (with how many more there were) is the error.
using ReadItem = std::function<Result<Annotation>(const QJsonValue &item, int index)>;
Result<ReadAnnotations> readAll(const QJsonArray &items, const std::vector<qsizetype> &offsets, const QByteArray &json,
                                const ReadItem &read);

// An array of whatever `value` holds: itself when an array, else a one-element array (null: empty).
QJsonArray asArray(const QJsonValue &value);
bool hasType(const QJsonObject &o, const QString &type);

// A UUID for an item: its own when its id is one (bare or urn:uuid:), else a name-based UUID of the id
// (of the whole item when it has none), so the same file imported twice never makes two annotations.
QString uuidFor(const QString &givenId, const QJsonObject &item);

// A JSON number as a text position: whole, not negative, within int.
bool readPosition(const QJsonValue &value, int &out);

// A time as ISO 8601 in any offset (with any number of decimals) in UTC; invalid when it is none.
QDateTime readTime(const QJsonValue &value);

// "annotation 3" or "annotation 3 (id X)": how messages name an item.
QString itemName(int index, const QString &givenId);

// `object` as compact JSON text, empty for an empty object.
QString compactJson(const QJsonObject &object);
QJsonObject parseCompactJson(const QString &text);

} // namespace annotationjson

} // namespace marginalia

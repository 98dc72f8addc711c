// Issue 13 (8, 9): the export checked against the rules of the W3C Web Annotation JSON schemas
// (github.com/w3c/web-annotation-tests: definitions/collections.json, id.json, annotations.json,
// bodyTarget.json, specificResource.json), written out here by hand over QJsonDocument's reading of
// the bytes, so that no code of the exporter judges its own output.
#include "export/teipositions.h"
#include "export/w3cannotations.h"

#include "anchor/anchoring.h"
#include "annotation/documentkey.h"
#include "library/library.h"
#include "model/readingtext.h"
#include "parse/volumeloader.h"

#include "support/testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

const QString annoContext = QStringLiteral("http://www.w3.org/ns/anno.jsonld");

// id.json#/definitions/stringUri: a string of format uri (a scheme, a colon, no spaces).
bool isUri(const QJsonValue &value)
{
    static const QRegularExpression uri(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*:[^\\s]+$"));
    return value.isString() && uri.match(value.toString()).hasMatch();
}

// A string or an array holding it: how the schemas accept "type" and "@context".
bool holds(const QJsonValue &value, const QString &wanted)
{
    if (value.isString())
        return value.toString() == wanted;
    return value.isArray() && value.toArray().contains(wanted);
}

bool isDateTime(const QJsonValue &value)
{
    static const QRegularExpression xsd(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$"));
    return value.isString() && xsd.match(value.toString()).hasMatch();
}

bool isWholeNumber(const QJsonValue &value)
{
    return value.isDouble() && value.toDouble() >= 0 && value.toDouble() == double(qint64(value.toDouble()));
}

// specificResource.json's selector definitions, refinements included.
void expectValidSelector(const QJsonObject &s, const std::string &where)
{
    const QString type = s.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("TextQuoteSelector")) {
        EXPECT_TRUE(s.value(QStringLiteral("exact")).isString()) << where;
        for (const char *context : {"prefix", "suffix"}) {
            const QJsonValue v = s.value(QLatin1String(context));
            EXPECT_TRUE(v.isUndefined() || v.isString()) << where;
        }
    } else if (type == QLatin1String("TextPositionSelector")) {
        EXPECT_TRUE(isWholeNumber(s.value(QStringLiteral("start")))) << where;
        EXPECT_TRUE(isWholeNumber(s.value(QStringLiteral("end")))) << where;
        EXPECT_LE(s.value(QStringLiteral("start")).toDouble(), s.value(QStringLiteral("end")).toDouble()) << where;
    } else if (type == QLatin1String("FragmentSelector")) {
        EXPECT_TRUE(s.value(QStringLiteral("value")).isString()) << where;
        EXPECT_TRUE(isUri(s.value(QStringLiteral("conformsTo")))) << where;
    } else {
        ADD_FAILURE() << where << ": a selector of type " << type.toStdString();
    }
    if (s.contains(QStringLiteral("refinedBy")))
        expectValidSelector(s.value(QStringLiteral("refinedBy")).toObject(), where + " refinedBy");
}

// annotations.json: id, type, target; bodyTarget.json's TextualBody; the motivations of the model.
void expectValidAnnotation(const QJsonObject &a, const std::string &where)
{
    EXPECT_TRUE(isUri(a.value(QStringLiteral("id")))) << where;
    EXPECT_TRUE(holds(a.value(QStringLiteral("type")), QStringLiteral("Annotation"))) << where;
    ASSERT_TRUE(a.value(QStringLiteral("target")).isObject()) << where;
    const QJsonObject target = a.value(QStringLiteral("target")).toObject();
    EXPECT_TRUE(isUri(target.value(QStringLiteral("source")))) << where;
    const QJsonArray selectors = target.value(QStringLiteral("selector")).toArray();
    EXPECT_FALSE(selectors.isEmpty()) << where;
    for (const QJsonValue &s : selectors)
        expectValidSelector(s.toObject(), where + " selector");
    static const QStringList motivations{
        QStringLiteral("assessing"),   QStringLiteral("bookmarking"), QStringLiteral("classifying"),
        QStringLiteral("commenting"),  QStringLiteral("describing"),  QStringLiteral("editing"),
        QStringLiteral("highlighting"), QStringLiteral("identifying"), QStringLiteral("linking"),
        QStringLiteral("moderating"),  QStringLiteral("questioning"), QStringLiteral("replying"),
        QStringLiteral("tagging")};
    EXPECT_TRUE(motivations.contains(a.value(QStringLiteral("motivation")).toString())) << where;
    for (const QJsonValue &b : a.value(QStringLiteral("body")).toArray()) {
        const QJsonObject body = b.toObject();
        EXPECT_EQ(body.value(QStringLiteral("type")).toString(), QStringLiteral("TextualBody")) << where;
        EXPECT_TRUE(body.value(QStringLiteral("value")).isString()) << where;
        EXPECT_TRUE(motivations.contains(body.value(QStringLiteral("purpose")).toString())) << where;
    }
    EXPECT_TRUE(isDateTime(a.value(QStringLiteral("created")))) << where;
    EXPECT_TRUE(isDateTime(a.value(QStringLiteral("modified")))) << where;
}

// Every compact IRI ("marginalia:color") has its prefix declared in @context, so that a JSON-LD
// processor expands it to an IRI of ours instead of taking "marginalia" for a URI scheme.
void expectPrefixesDeclared(const QJsonValue &value, const QJsonObject &prefixes, const std::string &where)
{
    if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            expectPrefixesDeclared(v, prefixes, where);
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const qsizetype colon = it.key().indexOf(QLatin1Char(':'));
        if (colon > 0 && !it.key().startsWith(QLatin1Char('@'))) {
            EXPECT_TRUE(prefixes.contains(it.key().left(colon))) << where << ": " << it.key().toStdString();
        }
        if (it.key() != QLatin1String("@context"))
            expectPrefixesDeclared(it.value(), prefixes, where);
    }
}

Annotation on(const Library &library, int volume, const QString &docId, const QString &quote, const QString &footnote = {})
{
    const int d = library.volume(volume).documentIndex(docId);
    const Document &doc = library.volume(volume).documents.at(std::size_t(d));
    const QString text = footnote.isEmpty() ? ReadingText(doc.body).text() : plainText(doc.footnoteById(footnote)->content);
    const qsizetype at = text.indexOf(quote);
    EXPECT_GE(at, 0) << quote.toStdString();
    Annotation a;
    a.id = newAnnotationId();
    a.document = documentKey(library, volume, d);
    a.selector = makeSelector(text, int(at), int(at + quote.size()), footnote);
    a.color = defaultAnnotationColor();
    a.author = QStringLiteral("historian");
    a.created = a.modified = QDateTime::fromString(QStringLiteral("2026-12-01T09:30:00.000Z"), Qt::ISODateWithMs);
    return a;
}

TEST(W3cSchema, Issue13ExportPassesTheCollectionPageAndAnnotationRules)
{
    Library library;
    Result<Volume> tei = loadVolume(test::dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml")));
    ASSERT_TRUE(tei) << tei.error().toString().toStdString();
    const int v = library.add(std::make_shared<const Volume>(std::move(tei).value()));
    Annotation noted = on(library, v, QStringLiteral("d317"), QStringLiteral("code of fair practices"));
    noted.note = QStringLiteral("Compare the draft code.");
    noted.tags = {QStringLiteral("Trade")};
    Annotation onNote = on(library, v, QStringLiteral("d317"), QStringLiteral("Department of State"), QStringLiteral("d317fn0"));
    onNote.tags = {QStringLiteral("Sources")};
    const Annotation highlight = on(library, v, QStringLiteral("d318"), QStringLiteral("Congressman Kitchin"));

    const QByteArray bytes = exportW3cAnnotations({noted, onNote, highlight}, teiFlowTextIn(library));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    ASSERT_EQ(error.error, QJsonParseError::NoError);
    const QJsonObject collection = doc.object();

    // collections.json: @context (5.1), id (5.1-collectionIdValidated), type, label, total, first.
    const QJsonValue context = collection.value(QStringLiteral("@context"));
    EXPECT_TRUE(holds(context, annoContext));
    EXPECT_TRUE(isUri(collection.value(QStringLiteral("id"))));
    EXPECT_TRUE(holds(collection.value(QStringLiteral("type")), QStringLiteral("AnnotationCollection")));
    EXPECT_TRUE(collection.value(QStringLiteral("label")).isString());
    EXPECT_TRUE(isWholeNumber(collection.value(QStringLiteral("total"))));
    EXPECT_EQ(collection.value(QStringLiteral("total")).toInt(), 3);
    // firstRequiredIfTotalMoreThanZero, firstValidIfPresent: an embedded AnnotationPage.
    ASSERT_TRUE(collection.value(QStringLiteral("first")).isObject());
    EXPECT_FALSE(collection.contains(QStringLiteral("items"))) << "the annotations belong in the page";
    const QJsonObject page = collection.value(QStringLiteral("first")).toObject();
    EXPECT_TRUE(holds(page.value(QStringLiteral("type")), QStringLiteral("AnnotationPage")));
    EXPECT_TRUE(isUri(page.value(QStringLiteral("id"))));
    EXPECT_NE(page.value(QStringLiteral("id")), collection.value(QStringLiteral("id")));
    // partOfValidIfPresent: idValueFound, the collection's id.
    EXPECT_EQ(page[QStringLiteral("partOf")][QStringLiteral("id")], collection.value(QStringLiteral("id")));
    EXPECT_TRUE(isWholeNumber(page.value(QStringLiteral("startIndex"))));
    // itemsFound: an array of Annotation objects.
    const QJsonArray items = page.value(QStringLiteral("items")).toArray();
    ASSERT_EQ(items.size(), 3);
    for (int i = 0; i < items.size(); ++i)
        expectValidAnnotation(items.at(i).toObject(), "item " + std::to_string(i));

    // Item 9: the second context declares the marginalia prefix, and it is the only one used.
    ASSERT_TRUE(context.isArray());
    ASSERT_EQ(context.toArray().size(), 2);
    EXPECT_EQ(context.toArray().at(0).toString(), annoContext);
    const QJsonObject prefixes = context.toArray().at(1).toObject();
    EXPECT_EQ(prefixes.value(QStringLiteral("marginalia")).toString(), marginaliaNamespace());
    EXPECT_TRUE(marginaliaNamespace().endsWith(QLatin1Char('#')));
    EXPECT_TRUE(isUri(marginaliaNamespace()));
    expectPrefixesDeclared(collection, prefixes, "export");
}

TEST(W3cSchema, Issue13AnEmptyExportIsAValidCollectionToo)
{
    const QJsonObject collection = QJsonDocument::fromJson(exportW3cAnnotations({})).object();
    EXPECT_TRUE(isUri(collection.value(QStringLiteral("id"))));
    EXPECT_EQ(collection.value(QStringLiteral("total")).toInt(-1), 0);
    EXPECT_TRUE(collection[QStringLiteral("first")][QStringLiteral("items")].toArray().isEmpty());
}

TEST(W3cSchema, Issue13TheCollectionIdIsTheSameForTheSameAnnotations)
{
    Annotation a;
    a.id = QStringLiteral("1b4e28ba-2fa1-11d2-883f-0016d3cca427");
    a.document = QStringLiteral("frus1961-63v09/d317");
    a.selector.exact = QStringLiteral("fair practices");
    Annotation b = a;
    b.id = QStringLiteral("6fa459ea-ee8a-3ca4-894e-db77e160355e");
    const auto idOf = [](const std::vector<Annotation> &list) {
        return w3cAnnotationCollection(list).value(QStringLiteral("id")).toString();
    };
    EXPECT_EQ(idOf({a, b}), idOf({b, a}));
    EXPECT_NE(idOf({a, b}), idOf({a}));
    EXPECT_TRUE(idOf({a}).startsWith(QStringLiteral("urn:uuid:")));
}

} // namespace
} // namespace marginalia

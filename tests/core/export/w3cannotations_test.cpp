#include "export/w3cannotations.h"

#include "store/annotationstore.h"
#include "store/annotationschema.h"
#include "store/database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toUTC();
}

Annotation sample(const QString &note, const QStringList &tags, const QString &footnote = {})
{
    Annotation a;
    a.id = newAnnotationId();
    a.document = QStringLiteral("frus1961-63v09/d317");
    a.selector = TextSelector{footnote, QStringLiteral("code of fair practices"), QStringLiteral("to adhere to a "),
                              QStringLiteral(".\u00A0Such a"), 1204, 1226};
    a.color = QStringLiteral("#FFE08C");
    a.note = note;
    a.tags = tags;
    a.author = QStringLiteral("historian");
    a.created = utc("2024-03-01T10:15:30.123Z");
    a.modified = utc("2024-03-02T08:00:00.500Z");
    return a;
}

std::vector<Annotation> parse(const QByteArray &json)
{
    Result<std::vector<Annotation>> parsed = parseW3cAnnotations(json, QStringLiteral("in.jsonld"));
    EXPECT_TRUE(parsed.has_value()) << (parsed ? std::string() : parsed.error().toString().toStdString());
    return parsed ? std::move(parsed).value() : std::vector<Annotation>{};
}

Error parseError(const QByteArray &json)
{
    Result<std::vector<Annotation>> parsed = parseW3cAnnotations(json, QStringLiteral("in.jsonld"));
    EXPECT_FALSE(parsed.has_value());
    return parsed ? Error{} : parsed.error();
}

TEST(W3cAnnotations, ExportThenImportGivesTheSameAnnotations)
{
    Annotation local = sample({}, {QStringLiteral("Local")});
    local.document = QStringLiteral("local/letter.txt");
    local.author.clear();
    const std::vector<Annotation> annotations{
        sample({}, {}),
        sample(QStringLiteral("First line\nsecond line \u2014 \u201Cquoted\u201D"), {QStringLiteral("Trade")}),
        sample({}, {QStringLiteral("Trade"), QStringLiteral("Cold War")}),
        sample(QStringLiteral("On the source note"), {}, QStringLiteral("d317fn0")),
        local,
    };
    const std::vector<Annotation> back = parse(exportW3cAnnotations(annotations));
    ASSERT_EQ(back.size(), annotations.size());
    for (std::size_t i = 0; i < back.size(); ++i)
        EXPECT_EQ(back[i], annotations[i]) << i;
}

TEST(W3cAnnotations, CollectionAndItemHaveTheW3cShape)
{
    const QJsonObject collection = w3cAnnotationCollection({sample(QStringLiteral("A note"), {QStringLiteral("Trade")})});
    EXPECT_EQ(collection.value(QStringLiteral("@context")).toString(), QStringLiteral("http://www.w3.org/ns/anno.jsonld"));
    EXPECT_EQ(collection.value(QStringLiteral("type")).toString(), QStringLiteral("AnnotationCollection"));
    const QJsonObject item = collection.value(QStringLiteral("items")).toArray().at(0).toObject();
    EXPECT_TRUE(item.value(QStringLiteral("id")).toString().startsWith(QStringLiteral("urn:uuid:")));
    EXPECT_EQ(item.value(QStringLiteral("type")).toString(), QStringLiteral("Annotation"));
    EXPECT_EQ(item.value(QStringLiteral("created")).toString(), QStringLiteral("2024-03-01T10:15:30.123Z"));
    EXPECT_EQ(item.value(QStringLiteral("marginalia:color")).toString(), QStringLiteral("#FFE08C"));
    const QJsonObject target = item.value(QStringLiteral("target")).toObject();
    EXPECT_EQ(target.value(QStringLiteral("source")).toString(),
              QStringLiteral("https://history.state.gov/historicaldocuments/frus1961-63v09/d317"));
    EXPECT_EQ(target.value(QStringLiteral("marginalia:document")).toString(), QStringLiteral("frus1961-63v09/d317"));
    EXPECT_FALSE(target.contains(QStringLiteral("marginalia:footnote")));
    const QJsonArray selectors = target.value(QStringLiteral("selector")).toArray();
    ASSERT_EQ(selectors.size(), 2);
    EXPECT_EQ(selectors[0][QStringLiteral("type")].toString(), QStringLiteral("TextQuoteSelector"));
    EXPECT_EQ(selectors[0][QStringLiteral("exact")].toString(), QStringLiteral("code of fair practices"));
    EXPECT_EQ(selectors[1][QStringLiteral("type")].toString(), QStringLiteral("TextPositionSelector"));
    EXPECT_EQ(selectors[1][QStringLiteral("start")].toInt(), 1204);
    EXPECT_EQ(selectors[1][QStringLiteral("end")].toInt(), 1226);
    const QJsonArray body = item.value(QStringLiteral("body")).toArray();
    ASSERT_EQ(body.size(), 2);
    EXPECT_EQ(body[0][QStringLiteral("purpose")].toString(), QStringLiteral("commenting"));
    EXPECT_EQ(body[0][QStringLiteral("format")].toString(), QStringLiteral("text/plain"));
    EXPECT_EQ(body[1][QStringLiteral("purpose")].toString(), QStringLiteral("tagging"));
    EXPECT_EQ(body[1][QStringLiteral("value")].toString(), QStringLiteral("Trade"));
}

TEST(W3cAnnotations, MotivationFollowsNoteAndTags)
{
    const auto motivation = [](const Annotation &a) {
        return w3cAnnotation(a).value(QStringLiteral("motivation")).toString();
    };
    EXPECT_EQ(motivation(sample({}, {})), QStringLiteral("highlighting"));
    EXPECT_FALSE(w3cAnnotation(sample({}, {})).contains(QStringLiteral("body")));
    EXPECT_EQ(motivation(sample(QStringLiteral("n"), {})), QStringLiteral("commenting"));
    EXPECT_EQ(motivation(sample(QStringLiteral("n"), {QStringLiteral("t")})), QStringLiteral("commenting"));
    EXPECT_EQ(motivation(sample({}, {QStringLiteral("t")})), QStringLiteral("tagging"));
}

TEST(W3cAnnotations, FootnoteFlowIsNamedOnTheTarget)
{
    const QJsonObject item = w3cAnnotation(sample({}, {}, QStringLiteral("d317fn2")));
    EXPECT_EQ(item[QStringLiteral("target")][QStringLiteral("marginalia:footnote")].toString(), QStringLiteral("d317fn2"));
}

TEST(W3cAnnotations, ImportsASingleAnnotationWithCommonVariants)
{
    // As other tools write them: one object, body as an object, motivation as an array, a creator string,
    // no marginalia keys; the document comes from the history.state.gov address.
    const QByteArray json = R"({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      "id": "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427",
      "type": "Annotation",
      "motivation": ["tagging"],
      "body": {"type": "TextualBody", "value": "Trade"},
      "creator": "dean",
      "created": "2024-01-05T09:00:00Z",
      "target": {"source": "http://history.state.gov/historicaldocuments/frus1961-63v09/d317",
                 "selector": {"type": "TextQuoteSelector", "exact": "fair practices"}}
    })";
    const std::vector<Annotation> parsed = parse(json);
    ASSERT_EQ(parsed.size(), 1u);
    const Annotation &a = parsed[0];
    EXPECT_EQ(a.id, QStringLiteral("1b4e28ba-2fa1-11d2-883f-0016d3cca427"));
    EXPECT_EQ(a.document, QStringLiteral("frus1961-63v09/d317"));
    EXPECT_EQ(a.selector.exact, QStringLiteral("fair practices"));
    EXPECT_EQ(a.tags, QStringList{QStringLiteral("Trade")});
    EXPECT_TRUE(a.note.isEmpty());
    EXPECT_EQ(a.author, QStringLiteral("dean"));
    EXPECT_EQ(a.created, utc("2024-01-05T09:00:00Z"));
    EXPECT_EQ(a.modified, a.created); // none given: as created
    EXPECT_EQ(a.color, QStringLiteral("#FFE08C"));
}

TEST(W3cAnnotations, ImportsPlainArraysPagedCollectionsAndBodyValue)
{
    const QByteArray item = R"({"type":"Annotation","bodyValue":"A comment",
        "target":{"source":"frus1934v05/d12","selector":[{"type":"TextQuoteSelector","exact":"x"}]}})";
    const std::vector<Annotation> fromArray = parse("[" + item + "," + item + "]");
    ASSERT_EQ(fromArray.size(), 2u);
    EXPECT_EQ(fromArray[0].note, QStringLiteral("A comment"));
    EXPECT_EQ(fromArray[0].document, QStringLiteral("frus1934v05/d12"));
    const std::vector<Annotation> paged =
        parse(R"({"type":"AnnotationCollection","first":{"type":"AnnotationPage","items":[)" + item + "]}}");
    EXPECT_EQ(paged.size(), 1u);
}

TEST(W3cAnnotations, ForeignIdsBecomeStableUuids)
{
    const QByteArray foreign = R"([{"id":"https://hypothes.is/a/abc123","type":"Annotation",
        "target":{"source":"frus1934v05/d12","selector":{"type":"TextQuoteSelector","exact":"x"}}},
        {"type":"Annotation","target":{"source":"frus1934v05/d12","selector":{"type":"TextQuoteSelector","exact":"y"}}}])";
    const std::vector<Annotation> once = parse(foreign);
    const std::vector<Annotation> twice = parse(foreign);
    ASSERT_EQ(once.size(), 2u);
    ASSERT_EQ(twice.size(), 2u);
    EXPECT_FALSE(QUuid(once[0].id).isNull());
    EXPECT_FALSE(QUuid(once[1].id).isNull());
    EXPECT_NE(once[0].id, once[1].id);
    EXPECT_EQ(once[0].id, twice[0].id); // importing the file again must not make new annotations
    EXPECT_EQ(once[1].id, twice[1].id);
}

TEST(W3cAnnotations, BadJsonNamesLineAndColumn)
{
    const Error error = parseError("{\n  \"items\": [\n    {\"id\": 1,,}\n  ]\n}\n");
    EXPECT_EQ(error.file, QStringLiteral("in.jsonld"));
    EXPECT_EQ(error.line, 3);
    EXPECT_GE(error.column, 14);
    EXPECT_LE(error.column, 16);
    EXPECT_TRUE(error.toString().startsWith(QStringLiteral("in.jsonld:3:"))) << error.toString().toStdString();
}

TEST(W3cAnnotations, MissingSelectorsAreRefusedNamingTheItem)
{
    const Error noSelector = parseError(R"([{"type":"Annotation","target":{"source":"frus1934v05/d1","selector":{"type":"TextQuoteSelector","exact":"x"}}},
        {"type":"Annotation","target":{"source":"frus1934v05/d1"}}])");
    EXPECT_TRUE(noSelector.message.contains(QStringLiteral("annotation 2"))) << noSelector.message.toStdString();
    EXPECT_TRUE(noSelector.message.contains(QStringLiteral("TextQuoteSelector")));
    const Error onlyPosition = parseError(
        R"({"type":"Annotation","target":{"source":"a/b","selector":{"type":"TextPositionSelector","start":1,"end":2}}})");
    EXPECT_TRUE(onlyPosition.message.contains(QStringLiteral("TextQuoteSelector")));
    const Error noTarget = parseError(R"({"type":"Annotation","body":{"value":"x"}})");
    EXPECT_TRUE(noTarget.message.contains(QStringLiteral("annotation 1")));
}

TEST(W3cAnnotations, Issue8ARefusedAnnotationIsNamedByIdAndPlacedAtItsLine)
{
    const Error noTarget = parseError("{\"type\": \"AnnotationCollection\", \"items\": [\n"
                                      "  {\"type\": \"Annotation\", \"id\": \"urn:uuid:1\",\n"
                                      "   \"target\": {\"source\": \"frus1934v05/d1\", \"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": \"x\"}}},\n"
                                      "  {\"type\": \"Annotation\",\n"
                                      "   \"id\": \"urn:uuid:2\", \"body\": {\"value\": \"x\"}}\n"
                                      "]}");
    EXPECT_EQ(noTarget.line, 5);
    EXPECT_EQ(noTarget.column, 10);
    EXPECT_TRUE(noTarget.message.startsWith(QStringLiteral("annotation 2 (id urn:uuid:2): ")))
        << noTarget.toString().toStdString();
}

TEST(W3cAnnotations, HostileInputIsRefusedWithoutACrash)
{
    const QByteArray quote = R"("selector":[{"type":"TextQuoteSelector","exact":"x"},)";
    const QList<QByteArray> hostile{
        "",
        "42",
        "\"just a string\"",
        "null",
        "[1, 2, 3]",
        "[{\"type\":\"Person\"}]",
        QByteArray(100000, '['),
        QByteArray("{\"a\":\"") + QByteArray("\xff\xfe") + "\"}",
        "{\"target\":{\"source\":\"a/b\"," + quote + R"({"type":"TextPositionSelector","start":-1,"end":2}]}})",
        "{\"target\":{\"source\":\"a/b\"," + quote + R"({"type":"TextPositionSelector","start":5,"end":2}]}})",
        "{\"target\":{\"source\":\"a/b\"," + quote + R"({"type":"TextPositionSelector","start":0,"end":1e300}]}})",
        "{\"target\":{\"source\":\"a/b\"," + quote + R"({"type":"TextPositionSelector","start":"0","end":"1"}]}})",
        R"({"target":{"source":"a/b","selector":[{"type":"TextQuoteSelector","exact":""}]}})",
        R"({"target":[],"body":[[[]]]})",
    };
    for (const QByteArray &json : hostile) {
        Result<std::vector<Annotation>> parsed = parseW3cAnnotations(json, QStringLiteral("bad.json"));
        EXPECT_FALSE(parsed.has_value()) << json.left(80).toStdString();
        if (!parsed) {
            EXPECT_EQ(parsed.error().file, QStringLiteral("bad.json"));
        }
    }
    // Odd but harmless values are tolerated: a body that is an IRI, a colour that is not one.
    const std::vector<Annotation> odd = parse(R"({"body":["http://example.org/x",{"value":42}],"marginalia:color":"red",
        "target":{"source":"a/b","selector":{"type":"TextQuoteSelector","exact":"x"}}})");
    ASSERT_EQ(odd.size(), 1u);
    EXPECT_TRUE(odd[0].note.isEmpty());
    EXPECT_EQ(odd[0].color, QStringLiteral("#FFE08C"));
}

TEST(W3cAnnotations, ImportMergesByUuidNewerWinsNeverDuplicates)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    Result<std::unique_ptr<Database>> db = Database::open(annotationSchema(), dir.filePath(QStringLiteral("a.sqlite")));
    ASSERT_TRUE(db.has_value()) << db.error().toString().toStdString();
    AnnotationStore store(**db);
    Annotation a = sample(QStringLiteral("old"), {QStringLiteral("Trade")});
    const Annotation b = sample({}, {});
    const QString file = dir.filePath(QStringLiteral("export.jsonld"));
    const auto write = [&](const std::vector<Annotation> &list) {
        QFile out(file);
        ASSERT_TRUE(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(exportW3cAnnotations(list));
    };
    write({a, b});
    Result<ImportSummary> first = importW3cAnnotationsFile(file, store);
    ASSERT_TRUE(first.has_value()) << first.error().toString().toStdString();
    EXPECT_EQ(first->read, 2);
    EXPECT_EQ(first->added, 2);
    Result<ImportSummary> again = importW3cAnnotationsFile(file, store);
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(again->added, 0);
    EXPECT_EQ(again->updated, 0);
    a.note = QStringLiteral("new");
    a.modified = a.modified.addSecs(60);
    write({a});
    Result<ImportSummary> newer = importW3cAnnotationsFile(file, store);
    ASSERT_TRUE(newer.has_value());
    EXPECT_EQ(newer->updated, 1);
    Result<std::vector<Annotation>> all = store.all();
    ASSERT_TRUE(all.has_value());
    EXPECT_EQ(all->size(), 2u);
    Result<std::optional<Annotation>> found = store.find(a.id);
    ASSERT_TRUE(found.has_value() && found->has_value());
    EXPECT_EQ((*found)->note, QStringLiteral("new"));

    const Error missing = importW3cAnnotationsFile(dir.filePath(QStringLiteral("none.jsonld")), store).error();
    EXPECT_TRUE(missing.file.endsWith(QStringLiteral("none.jsonld")));
}

} // namespace
} // namespace marginalia

#include "export/w3cannotations.h"

#include "export/annotationimport.h"

#include "anchor/anchoring.h"
#include "annotation/anchoredannotation.h"
#include "annotation/documentkey.h"
#include "export/teipositions.h"
#include "library/library.h"
#include "model/readingtext.h"
#include "parse/volumeloader.h"
#include "store/annotationstore.h"
#include "store/annotationschema.h"
#include "store/database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include "support/testdata.h"

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

// What import reads from `json`: every item, none skipped.
std::vector<Annotation> parse(const QByteArray &json)
{
    Result<ReadAnnotations> parsed = parseAnnotationFile(json, QStringLiteral("in.jsonld"));
    EXPECT_TRUE(parsed.has_value()) << (parsed ? std::string() : parsed.error().toString().toStdString());
    if (parsed) {
        EXPECT_TRUE(parsed->skipped.empty()) << parsed->skipped.front().toString().toStdString();
    }
    return parsed ? std::move(parsed->annotations) : std::vector<Annotation>{};
}

// The items import skips in `json`, which holds others it reads.
std::vector<Error> skippedIn(const QByteArray &json)
{
    Result<ReadAnnotations> parsed = parseAnnotationFile(json, QStringLiteral("in.jsonld"));
    EXPECT_TRUE(parsed.has_value()) << (parsed ? std::string() : parsed.error().toString().toStdString());
    return parsed ? parsed->skipped : std::vector<Error>{};
}

Error parseError(const QByteArray &json)
{
    Result<ReadAnnotations> parsed = parseAnnotationFile(json, QStringLiteral("in.jsonld"));
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
    // The document's TEI reading text, with the quote where the sample's positions say.
    const TeiFlowText tei = [](const QString &document, const QString &footnote) -> std::optional<QString> {
        if (document != QLatin1String("frus1961-63v09/d317") || !footnote.isEmpty())
            return std::nullopt;
        return QString(1204 - 15, QLatin1Char('x')) + QStringLiteral("to adhere to a code of fair practices.\u00A0Such a");
    };
    const QJsonObject collection = w3cAnnotationCollection({sample(QStringLiteral("A note"), {QStringLiteral("Trade")})}, tei);
    EXPECT_EQ(collection.value(QStringLiteral("@context")).toArray().at(0).toString(),
              QStringLiteral("http://www.w3.org/ns/anno.jsonld"));
    EXPECT_EQ(collection.value(QStringLiteral("type")).toString(), QStringLiteral("AnnotationCollection"));
    const QJsonObject item = collection[QStringLiteral("first")][QStringLiteral("items")].toArray().at(0).toObject();
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
    // Issue 13 (14): the one without a selector is skipped, named; the other is read.
    const std::vector<Error> skipped = skippedIn(R"([{"type":"Annotation","target":{"source":"frus1934v05/d1","selector":{"type":"TextQuoteSelector","exact":"x"}}},
        {"type":"Annotation","target":{"source":"frus1934v05/d1"}}])");
    ASSERT_EQ(skipped.size(), 1u);
    const Error &noSelector = skipped.front();
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
    const std::vector<Error> skipped = skippedIn("{\"type\": \"AnnotationCollection\", \"items\": [\n"
                                      "  {\"type\": \"Annotation\", \"id\": \"urn:uuid:1\",\n"
                                      "   \"target\": {\"source\": \"frus1934v05/d1\", \"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": \"x\"}}},\n"
                                      "  {\"type\": \"Annotation\",\n"
                                      "   \"id\": \"urn:uuid:2\", \"body\": {\"value\": \"x\"}}\n"
                                      "]}");
    ASSERT_EQ(skipped.size(), 1u);
    const Error &noTarget = skipped.front();
    EXPECT_EQ(noTarget.file, QStringLiteral("in.jsonld"));
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
        Result<ReadAnnotations> parsed = parseAnnotationFile(json, QStringLiteral("bad.json"));
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
    Result<ImportSummary> first = importAnnotationsFile(file, store);
    ASSERT_TRUE(first.has_value()) << first.error().toString().toStdString();
    EXPECT_EQ(first->read, 2);
    EXPECT_EQ(first->added, 2);
    Result<ImportSummary> again = importAnnotationsFile(file, store);
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(again->added, 0);
    EXPECT_EQ(again->updated, 0);
    a.note = QStringLiteral("new");
    a.modified = a.modified.addSecs(60);
    write({a});
    Result<ImportSummary> newer = importAnnotationsFile(file, store);
    ASSERT_TRUE(newer.has_value());
    EXPECT_EQ(newer->updated, 1);
    Result<std::vector<Annotation>> all = store.all();
    ASSERT_TRUE(all.has_value());
    EXPECT_EQ(all->size(), 2u);
    Result<std::optional<Annotation>> found = store.find(a.id);
    ASSERT_TRUE(found.has_value() && found->has_value());
    EXPECT_EQ((*found)->note, QStringLiteral("new"));

    const Error missing = importAnnotationsFile(dir.filePath(QStringLiteral("none.jsonld")), store).error();
    EXPECT_TRUE(missing.file.endsWith(QStringLiteral("none.jsonld")));
}

} // namespace
} // namespace marginalia

// ---- Issue 13 (10–12): notes, positions and addresses in the standard's terms ----

namespace marginalia {
namespace {

struct OpenVolumes {
    Library library;
    int tei = -1;
    int copy = -1;
};

int openData(Library &library, const QString &name)
{
    Result<Volume> volume = loadVolume(test::dataPath(name));
    EXPECT_TRUE(volume.has_value()) << (volume ? std::string() : volume.error().toString().toStdString());
    return volume ? library.add(std::make_shared<const Volume>(std::move(volume).value())) : -1;
}

// An annotation on `quote` in the body (or the note `footnote`) of d317 as volume `v` reads it.
Annotation onD317(const Library &library, int v, const QString &quote, const QString &footnote = {})
{
    const int d = library.volume(v).documentIndex(QStringLiteral("d317"));
    const Document &doc = library.volume(v).documents.at(std::size_t(d));
    const QString text = footnote.isEmpty() ? ReadingText(doc.body).text() : plainText(doc.footnoteById(footnote)->content);
    const qsizetype at = text.indexOf(quote);
    EXPECT_GE(at, 0) << quote.toStdString();
    Annotation a = sample({}, {}, footnote);
    a.document = documentKey(library, v, d);
    a.selector = makeSelector(text, int(at), int(at + quote.size()), footnote);
    return a;
}

QJsonArray selectorsOf(const QJsonObject &item)
{
    return item[QStringLiteral("target")][QStringLiteral("selector")].toArray();
}

TEST(W3cAnnotations, Issue13ANoteOnAFootnoteIsAFragmentSelectorRefinedByQuoteAndPosition)
{
    Library library;
    const int tei = openData(library, QStringLiteral("frus1961-63v09-d316-d318.xml"));
    const Annotation a = onD317(library, tei, QStringLiteral("Code of Fair Practices"), QStringLiteral("d317fn3"));
    const QJsonObject item = w3cAnnotation(a, teiFlowTextIn(library));
    const QJsonArray selectors = selectorsOf(item);
    ASSERT_EQ(selectors.size(), 2);
    for (const QJsonValue &s : selectors) {
        EXPECT_EQ(s[QStringLiteral("type")].toString(), QStringLiteral("FragmentSelector"));
        EXPECT_EQ(s[QStringLiteral("value")].toString(), QStringLiteral("d317fn3"));
        EXPECT_EQ(s[QStringLiteral("conformsTo")].toString(), QStringLiteral("http://tools.ietf.org/rfc/rfc3986"));
    }
    EXPECT_EQ(selectors[0][QStringLiteral("refinedBy")][QStringLiteral("type")].toString(), QStringLiteral("TextQuoteSelector"));
    EXPECT_EQ(selectors[0][QStringLiteral("refinedBy")][QStringLiteral("exact")].toString(), QStringLiteral("Code of Fair Practices"));
    EXPECT_EQ(selectors[1][QStringLiteral("refinedBy")][QStringLiteral("type")].toString(), QStringLiteral("TextPositionSelector"));
    EXPECT_EQ(selectors[1][QStringLiteral("refinedBy")][QStringLiteral("start")].toInt(), a.selector.start);
    // The private key stays, as a hint.
    EXPECT_EQ(item[QStringLiteral("target")][QStringLiteral("marginalia:footnote")].toString(), QStringLiteral("d317fn3"));

    // Another tool keeps only the standard: the note is still known.
    QJsonObject foreign = item;
    QJsonObject target = foreign[QStringLiteral("target")].toObject();
    target.remove(QStringLiteral("marginalia:footnote"));
    target.remove(QStringLiteral("marginalia:document"));
    foreign[QStringLiteral("target")] = target;
    const std::vector<Annotation> back = parse(QJsonDocument(foreign).toJson());
    ASSERT_EQ(back.size(), 1u);
    EXPECT_EQ(back[0].selector.footnote, QStringLiteral("d317fn3"));
    EXPECT_EQ(back[0].selector.exact, QStringLiteral("Code of Fair Practices"));
    EXPECT_EQ(back[0].selector.start, a.selector.start);
    EXPECT_EQ(back[0].document, QStringLiteral("frus1961-63v09/d317"));
    // And it anchors in that note of the TEI copy, not in the body.
    const Document &doc = library.volume(tei).documents.at(std::size_t(library.volume(tei).documentIndex(QStringLiteral("d317"))));
    const std::vector<AnchoredAnnotation> anchored = anchorAnnotations(doc, back);
    ASSERT_EQ(anchored.size(), 1u);
    EXPECT_TRUE(anchored[0].anchor.found());
    EXPECT_EQ(anchored[0].footnote, doc.footnoteIndex(QStringLiteral("d317fn3")));
}

TEST(W3cAnnotations, Issue13PositionsCountInTheTeiReadingTextWhicheverCopyWasOpen)
{
    Library library;
    const int copy = openData(library, QStringLiteral("frus1961-63v09-d317.txt"));
    const int tei = openData(library, QStringLiteral("frus1961-63v09-d316-d318.xml"));
    const QString quote = QStringLiteral("we could not at this time obtain agreement in COCOM");
    const Annotation onCopy = onD317(library, copy, quote);
    const Annotation onTei = onD317(library, tei, quote);
    ASSERT_EQ(onCopy.document, onTei.document);
    ASSERT_NE(onCopy.selector.start, onTei.selector.start) << "the copies count differently; the test needs them to";
    const TeiFlowText positions = teiFlowTextIn(library);
    const QJsonArray fromCopy = selectorsOf(w3cAnnotation(onCopy, positions));
    const QJsonArray fromTei = selectorsOf(w3cAnnotation(onTei, positions));
    ASSERT_EQ(fromCopy.size(), 2);
    EXPECT_EQ(fromCopy[1][QStringLiteral("type")].toString(), QStringLiteral("TextPositionSelector"));
    EXPECT_EQ(fromCopy[1][QStringLiteral("start")].toInt(), onTei.selector.start);
    EXPECT_EQ(fromCopy[1][QStringLiteral("end")].toInt(), onTei.selector.end);
    EXPECT_EQ(fromCopy[1], fromTei[1]);
    // The TEI reading text is what `show` prints: the positions select the quote there.
    const Document &doc = library.volume(tei).documents.at(std::size_t(library.volume(tei).documentIndex(QStringLiteral("d317"))));
    const int start = fromCopy[1][QStringLiteral("start")].toInt();
    EXPECT_EQ(ReadingText(doc.body).text().mid(start, fromCopy[1][QStringLiteral("end")].toInt() - start), quote);
    // The collection says what they count in.
    EXPECT_EQ(w3cAnnotationCollection({onCopy}, positions)[QStringLiteral("marginalia:textPositions")].toString(),
              QStringLiteral("tei-reading-text"));

    // Without the TEI at hand nothing is claimed: the stored position goes as a hint of ours.
    Library copyOnly;
    openData(copyOnly, QStringLiteral("frus1961-63v09-d317.txt"));
    const QJsonObject alone = w3cAnnotation(onCopy, teiFlowTextIn(copyOnly));
    ASSERT_EQ(selectorsOf(alone).size(), 1);
    EXPECT_EQ(selectorsOf(alone)[0][QStringLiteral("type")].toString(), QStringLiteral("TextQuoteSelector"));
    const QJsonObject hint = alone[QStringLiteral("target")][QStringLiteral("marginalia:storedPosition")].toObject();
    EXPECT_EQ(hint[QStringLiteral("start")].toInt(), onCopy.selector.start);
    // Import takes the TEI positions as the stored position, which anchors in either copy.
    const std::vector<Annotation> back = parse(exportW3cAnnotations({onCopy}, positions));
    ASSERT_EQ(back.size(), 1u);
    EXPECT_EQ(back[0].selector.start, onTei.selector.start);
    for (int v : {copy, tei}) {
        const Document &d = library.volume(v).documents.at(std::size_t(library.volume(v).documentIndex(QStringLiteral("d317"))));
        const std::vector<AnchoredAnnotation> anchored = anchorAnnotations(d, back);
        ASSERT_EQ(anchored.size(), 1u);
        EXPECT_TRUE(anchored[0].anchor.found()) << v;
        EXPECT_EQ(ReadingText(d.body).text().mid(anchored[0].anchor.start, anchored[0].anchor.end - anchored[0].anchor.start),
                  quote);
    }
}

TEST(W3cAnnotations, Issue13SourceIsTheDocumentsPageAndItsSpellingsAreOneDocument)
{
    EXPECT_EQ(w3cAnnotation(sample({}, {}))[QStringLiteral("target")][QStringLiteral("source")].toString(),
              QStringLiteral("https://history.state.gov/historicaldocuments/frus1961-63v09/d317"));
    const QString key = QStringLiteral("frus1961-63v09/d317");
    for (const char *url : {"https://history.state.gov/historicaldocuments/frus1961-63v09/d317",
                            "https://history.state.gov/historicaldocuments/frus1961-63v09/d317/",
                            "https://history.state.gov/historicaldocuments/frus1961-63v09/d317#fn:1",
                            "https://history.state.gov/historicaldocuments/frus1961-63v09/d317?utm_source=x&utm_medium=y",
                            "https://HISTORY.State.GOV/historicaldocuments/frus1961-63v09/d317",
                            "http://history.state.gov/historicaldocuments/frus1961-63v09/d317/?utm_campaign=z#fn:3",
                            "  https://www.history.state.gov/historicaldocuments/frus1961-63v09/d317  "}) {
        EXPECT_EQ(documentKeyOfUrl(QString::fromLatin1(url)), key) << url;
        const QByteArray json = QByteArray(R"({"type":"Annotation","target":{"source":")") + QByteArray(url).trimmed()
            + R"(","selector":{"type":"TextQuoteSelector","exact":"x"}}})";
        const std::vector<Annotation> read = parse(json);
        ASSERT_EQ(read.size(), 1u) << url;
        EXPECT_EQ(read[0].document, key) << url;
    }
    for (const char *notOne : {"https://history.state.gov/historicaldocuments/frus1961-63v09",
                               "https://example.org/historicaldocuments/frus1961-63v09/d317",
                               "ftp://history.state.gov/historicaldocuments/frus1961-63v09/d317",
                               "https://history.state.gov/search?q=d317", "frus1961-63v09/d317", ""})
        EXPECT_TRUE(documentKeyOfUrl(QString::fromLatin1(notOne)).isEmpty()) << notOne;
}

TEST(W3cAnnotations, Issue13OurOldFilesWithItemsOnTheCollectionStillImport)
{
    const QByteArray old = R"({"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection",
        "label":"Marginalia annotations","total":1,"items":[{"id":"urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427",
        "type":"Annotation","motivation":"highlighting","created":"2024-03-01T10:15:30.123Z",
        "modified":"2024-03-02T08:00:00.500Z","marginalia:color":"#FFE08C",
        "target":{"source":"https://history.state.gov/historicaldocuments/frus1961-63v09/d317",
        "marginalia:document":"frus1961-63v09/d317","marginalia:footnote":"d317fn0",
        "selector":[{"type":"TextQuoteSelector","exact":"Source","prefix":"","suffix":": Department"},
                    {"type":"TextPositionSelector","start":0,"end":6}]}}]})";
    const std::vector<Annotation> read = parse(old);
    ASSERT_EQ(read.size(), 1u);
    EXPECT_EQ(read[0].selector.footnote, QStringLiteral("d317fn0"));
    EXPECT_EQ(read[0].selector.end, 6);
    const QByteArray page = R"({"type":"AnnotationPage","items":[{"type":"Annotation",
        "target":{"source":"frus1934v05/d12","selector":{"type":"TextQuoteSelector","exact":"x"}}}]})";
    EXPECT_EQ(parse(page).size(), 1u);
}

TEST(W3cAnnotations, Issue13ExportImportExportIsIdentical)
{
    Library library;
    const int copy = openData(library, QStringLiteral("frus1961-63v09-d317.txt"));
    const int tei = openData(library, QStringLiteral("frus1961-63v09-d316-d318.xml"));
    Annotation onCopy = onD317(library, copy, QStringLiteral("multilateral export controls"));
    onCopy.note = QStringLiteral("A note \u2014 with \u201Cquotes\u201D\nand a second line");
    onCopy.tags = {QStringLiteral("Trade"), QStringLiteral("Cold War")};
    Annotation onNote = onD317(library, tei, QStringLiteral("Source"), QStringLiteral("d317fn0"));
    Annotation hypothesis = onD317(library, tei, QStringLiteral("Soviet bloc"));
    hypothesis.interchange = QStringLiteral(
        R"({"hypothesis":{"group":"__world__","id":"Zx7Tn5IIEfC4hV8rYq2m1w","user":"acct:historian@hypothes.is"},)"
        R"("selectors":[{"endContainer":"/div[1]/p[3]","endOffset":84,"startContainer":"/div[1]/p[3]","startOffset":29,"type":"RangeSelector"}]})");
    Annotation local = sample({}, {QStringLiteral("Local")});
    local.document = QStringLiteral("local/letter.txt");
    const std::vector<Annotation> annotations{onCopy, onNote, hypothesis, local};

    for (const TeiFlowText &positions : {teiFlowTextIn(library), TeiFlowText{}}) {
        const QByteArray first = exportW3cAnnotations(annotations, positions);
        const std::vector<Annotation> imported = parse(first);
        ASSERT_EQ(imported.size(), annotations.size());
        const QByteArray second = exportW3cAnnotations(imported, positions);
        EXPECT_EQ(QString::fromUtf8(second).toStdString(), QString::fromUtf8(first).toStdString());
        EXPECT_EQ(imported[2].interchange, hypothesis.interchange);
        EXPECT_EQ(imported[1].selector.footnote, QStringLiteral("d317fn0"));
    }
}

} // namespace
} // namespace marginalia

// Issue 13 (13, 14): the Hypothesis API's own JSON imports without losing anything, and a page note or a
// reply in it is skipped, named, while the rest imports.
#include "export/annotationimport.h"
#include "export/hypothesisannotations.h"
#include "export/teipositions.h"
#include "export/w3cannotations.h"

#include "annotation/anchoredannotation.h"
#include "library/library.h"
#include "model/readingtext.h"
#include "parse/volumeloader.h"
#include "store/annotationschema.h"
#include "store/annotationstore.h"
#include "store/database.h"

#include "support/testdata.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUuid>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

const QString searchName = QStringLiteral("hypothesis/search-frus1961-63v09.json");

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toUTC();
}

ReadAnnotations read(const QByteArray &json, const QString &name = QStringLiteral("h.json"))
{
    Result<ReadAnnotations> parsed = parseAnnotationFile(json, name);
    EXPECT_TRUE(parsed.has_value()) << (parsed ? std::string() : parsed.error().toString().toStdString());
    return parsed ? std::move(parsed).value() : ReadAnnotations{};
}

const Annotation *withQuote(const std::vector<Annotation> &list, const QString &exact)
{
    for (const Annotation &a : list) {
        if (a.selector.exact == exact)
            return &a;
    }
    return nullptr;
}

// The file's rows, as the API wrote them.
QJsonArray rows()
{
    return QJsonDocument::fromJson(test::readData(searchName)).object().value(QStringLiteral("rows")).toArray();
}

TEST(HypothesisAnnotations, Issue13ASearchResponseWithAPageNoteAndAReplyImportsAllTheOthers)
{
    const QString file = test::dataPath(searchName);
    const QByteArray json = test::readData(searchName);
    const ReadAnnotations r = read(json, file);
    ASSERT_EQ(rows().size(), 5);
    EXPECT_EQ(r.annotations.size(), 3u);
    ASSERT_EQ(r.skipped.size(), 2u);
    // Which, why, and where: the page note is row 2, the reply row 5, each named at its id's line.
    const QList<QByteArray> lines = json.split('\n');
    const auto lineOf = [&](const char *text) {
        for (int i = 0; i < lines.size(); ++i) {
            if (lines[i].contains(text))
                return i + 1;
        }
        return 0;
    };
    const Error &pageNote = r.skipped[0];
    EXPECT_EQ(pageNote.file, file);
    EXPECT_EQ(pageNote.line, lineOf("\"id\": \"Xk2mQpIIEfC8lV9TzW3n4A\""));
    EXPECT_GT(pageNote.column, 1);
    EXPECT_TRUE(pageNote.message.startsWith(QStringLiteral("annotation 2 (id Xk2mQpIIEfC8lV9TzW3n4A): a page note")))
        << pageNote.toString().toStdString();
    const Error &reply = r.skipped[1];
    EXPECT_EQ(reply.line, lineOf("\"id\": \"Hn3XcpIIEfCk8rA2sL5d0w\""));
    EXPECT_TRUE(reply.message.contains(QStringLiteral("annotation 5 (id Hn3XcpIIEfCk8rA2sL5d0w): a reply to annotation "
                                                      "QbqSJpIIEfCl3Gu4CC0tZA")))
        << reply.toString().toStdString();
    EXPECT_TRUE(reply.toString().startsWith(file + QStringLiteral(":%1:").arg(reply.line)));
}

TEST(HypothesisAnnotations, Issue13TextTagsUserTimesAndPageBecomeNoteTagsAuthorTimesAndDocument)
{
    const ReadAnnotations r = read(test::readData(searchName));
    const Annotation *cocom = withQuote(r.annotations, QStringLiteral("we could not at this time obtain agreement in COCOM"));
    ASSERT_NE(cocom, nullptr);
    EXPECT_EQ(cocom->document, QStringLiteral("frus1961-63v09/d317"));
    EXPECT_EQ(cocom->note, QStringLiteral("Rusk declines to push **COCOM** for wider controls while the Berlin talks go on."));
    EXPECT_EQ(cocom->tags, (QStringList{QStringLiteral("COCOM"), QStringLiteral("export controls")}));
    EXPECT_EQ(cocom->author, QStringLiteral("historian"));
    EXPECT_EQ(cocom->created, utc("2026-11-28T10:15:43.702Z"));
    EXPECT_EQ(cocom->modified, utc("2026-11-28T10:21:07.118Z"));
    EXPECT_EQ(cocom->selector.prefix,
              QStringLiteral("made, nor does NSC action 2455 record any such agreement.\nIn my judgment, "));
    EXPECT_EQ(cocom->selector.start, 2871); // the web page's count: a hint
    EXPECT_TRUE(cocom->selector.footnote.isEmpty());
    // The page's address in another spelling (http, capitals, slash, utm_) is the same document.
    const Annotation *code = withQuote(r.annotations, QStringLiteral("draft a Western code of fair trade practices"));
    ASSERT_NE(code, nullptr);
    EXPECT_EQ(code->document, QStringLiteral("frus1961-63v09/d316"));
    EXPECT_EQ(code->author, QStringLiteral("dean.reader"));
    const Annotation *congress = withQuote(r.annotations, QStringLiteral("Congressman Kitchin and Senator Dodds"));
    ASSERT_NE(congress, nullptr);
    EXPECT_EQ(congress->document, QStringLiteral("frus1961-63v09/d318")); // "#fn:1" dropped
    EXPECT_TRUE(congress->note.isEmpty());
    EXPECT_EQ(congress->tags, QStringList{QStringLiteral("Congress")});
    // Ids: a UUID named after the Hypothesis address, so a second import is the same annotation.
    EXPECT_FALSE(QUuid(cocom->id).isNull());
    EXPECT_EQ(read(test::readData(searchName)).annotations.front().id, r.annotations.front().id);
    const ReadAnnotations viaW3c = read(R"({"type":"Annotation","id":"https://hypothes.is/a/QbqSJpIIEfCl3Gu4CC0tZA",
        "target":{"source":"https://history.state.gov/historicaldocuments/frus1961-63v09/d317",
        "selector":{"type":"TextQuoteSelector","exact":"we could not"}}})");
    ASSERT_EQ(viaW3c.annotations.size(), 1u);
    EXPECT_EQ(viaW3c.annotations[0].id, cocom->id);
    // Each anchors in the TEI copy.
    Library library;
    Result<Volume> tei = loadVolume(test::dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml")));
    ASSERT_TRUE(tei);
    const Volume &volume = library.volume(library.add(std::make_shared<const Volume>(std::move(tei).value())));
    for (const Annotation &a : r.annotations) {
        const QString docId = a.document.section(QLatin1Char('/'), 1);
        const Document &doc = volume.documents.at(std::size_t(volume.documentIndex(docId)));
        const std::vector<AnchoredAnnotation> anchored = anchorAnnotations(doc, {a});
        ASSERT_EQ(anchored.size(), 1u);
        EXPECT_TRUE(anchored[0].anchor.found()) << a.selector.exact.toStdString();
    }
}

TEST(HypothesisAnnotations, Issue13OneAnnotationAndAnArrayOfThemImportToo)
{
    const QJsonArray all = rows();
    const ReadAnnotations one = read(QJsonDocument(all.at(0).toObject()).toJson());
    ASSERT_EQ(one.annotations.size(), 1u);
    EXPECT_TRUE(one.skipped.empty());
    EXPECT_EQ(one.annotations[0].tags.size(), 2);
    const ReadAnnotations array = read(QJsonDocument(all).toJson());
    EXPECT_EQ(array.annotations.size(), 3u);
    EXPECT_EQ(array.skipped.size(), 2u);
    // A page of another site is no document of ours: skipped, named.
    QJsonObject elsewhere = all.at(0).toObject();
    elsewhere[QStringLiteral("uri")] = QStringLiteral("https://example.org/blog/cocom");
    elsewhere[QStringLiteral("target")] = QJsonArray{QJsonObject{
        {QStringLiteral("source"), QStringLiteral("https://example.org/blog/cocom")},
        {QStringLiteral("selector"), all.at(0)[QStringLiteral("target")][0][QStringLiteral("selector")]}}};
    const ReadAnnotations mixed = read(QJsonDocument(QJsonArray{elsewhere, all.at(3)}).toJson());
    ASSERT_EQ(mixed.skipped.size(), 1u);
    EXPECT_TRUE(mixed.skipped[0].message.contains(QStringLiteral("https://example.org/blog/cocom")));
    EXPECT_EQ(mixed.annotations.size(), 1u);
}

TEST(HypothesisAnnotations, Issue13OnlyPageNotesIsNothingToImportAndSaysWhy)
{
    const QJsonArray all = rows();
    Result<ReadAnnotations> parsed =
        parseAnnotationFile(QJsonDocument(QJsonObject{{QStringLiteral("total"), 2},
                                                      {QStringLiteral("rows"), QJsonArray{all.at(1), all.at(4)}}})
                                .toJson(),
                            QStringLiteral("notes.json"));
    ASSERT_FALSE(parsed);
    EXPECT_TRUE(parsed.error().message.contains(QStringLiteral("a page note"))) << parsed.error().toString().toStdString();
    EXPECT_TRUE(parsed.error().message.contains(QStringLiteral("1 more")));
    EXPECT_GT(parsed.error().line, 0);
}

TEST(HypothesisAnnotations, Issue13TheHypothesisIdAndSelectorsWeDoNotUseComeBackOnExportThroughTheStore)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    Result<std::unique_ptr<Database>> db = Database::open(annotationSchema(), dir.filePath(QStringLiteral("a.sqlite")));
    ASSERT_TRUE(db) << db.error().toString().toStdString();
    AnnotationStore store(**db);
    Result<ImportSummary> summary = importAnnotationsFile(test::dataPath(searchName), store);
    ASSERT_TRUE(summary) << summary.error().toString().toStdString();
    EXPECT_EQ(summary->read, 3);
    EXPECT_EQ(summary->added, 3);
    EXPECT_EQ(summary->skipped.size(), 2u);

    Result<std::vector<Annotation>> stored = store.all();
    ASSERT_TRUE(stored);
    const QJsonArray items = QJsonDocument::fromJson(exportW3cAnnotations(*stored)).object()[QStringLiteral("first")]
                                 [QStringLiteral("items")].toArray();
    ASSERT_EQ(items.size(), 3);
    const QJsonObject original = rows().at(0).toObject();
    bool found = false;
    for (const QJsonValue &value : items) {
        const QJsonObject hypothesis = value[QStringLiteral("marginalia:hypothesis")].toObject();
        if (hypothesis.value(QStringLiteral("id")).toString() != QLatin1String("QbqSJpIIEfCl3Gu4CC0tZA"))
            continue;
        found = true;
        // Everything Hypothesis gave, bar the note and tags (now the bodies), comes back as it was.
        QJsonObject expected = original;
        expected.remove(QStringLiteral("text"));
        expected.remove(QStringLiteral("tags"));
        EXPECT_EQ(hypothesis, expected);
        // The RangeSelector stands among the target's selectors, for W3C readers.
        const QJsonArray selectors = value[QStringLiteral("target")][QStringLiteral("selector")].toArray();
        ASSERT_FALSE(selectors.isEmpty());
        EXPECT_EQ(selectors.last(), original[QStringLiteral("target")][0][QStringLiteral("selector")][0]);
        EXPECT_EQ(selectors.last()[QStringLiteral("type")].toString(), QStringLiteral("RangeSelector"));
        EXPECT_EQ(value[QStringLiteral("creator")][QStringLiteral("name")].toString(), QStringLiteral("historian"));
        const QJsonArray body = value[QStringLiteral("body")].toArray();
        ASSERT_EQ(body.size(), 3);
        EXPECT_EQ(body[0][QStringLiteral("value")], original[QStringLiteral("text")]);
    }
    EXPECT_TRUE(found);

    // Imported again: nothing new, nothing duplicated.
    Result<ImportSummary> again = importAnnotationsFile(test::dataPath(searchName), store);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->added, 0);
    EXPECT_EQ(again->updated, 0);
}

} // namespace
} // namespace marginalia

#include "export/documentjson.h"
#include "export/terminaltext.h"
#include "library/library.h"
#include "parse/teiparser.h"
#include "parse/volumeloader.h"

#include "support/generatedinputs.h"
#include "support/testdata.h"

#include <QJsonArray>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

std::shared_ptr<const Volume> load(const QString &name)
{
    Result<Volume> v = loadVolume(test::dataPath(name));
    if (!v) {
        ADD_FAILURE() << v.error().toString().toStdString();
        return std::make_shared<const Volume>();
    }
    return std::make_shared<const Volume>(std::move(v).value());
}

const QString teiName = QStringLiteral("frus1961-63v09-d316-d318.xml");
const QString copyName = QStringLiteral("frus1961-63v09-d317.txt");

// The show JSON of d317 from library volume `volume`, or an empty object (and a failure).
QJsonObject d317Json(const Library &library, int volume)
{
    const int d = library.volume(volume).documentIndex(QStringLiteral("d317"));
    if (d < 0) {
        ADD_FAILURE() << "no d317 in volume " << volume;
        return {};
    }
    return documentJson(library, volume, d);
}

// What d317 must give whichever importer read it: the five notes at the words the corpus README names.
void expectD317(const QJsonObject &json)
{
    EXPECT_EQ(json[QStringLiteral("id")].toString(), QStringLiteral("d317"));
    EXPECT_EQ(json[QStringLiteral("number")].toString(), QStringLiteral("317"));
    EXPECT_EQ(json[QStringLiteral("title")].toString(),
              QStringLiteral("Letter From Secretary of State Rusk to Secretary of Commerce Hodges"));
    const QString text = json[QStringLiteral("text")].toString();
    EXPECT_TRUE(text.startsWith(QStringLiteral("317. Letter From Secretary of State Rusk")));
    EXPECT_FALSE(text.contains(QStringLiteral("Hodges0")));
    EXPECT_FALSE(text.contains(QStringLiteral("[Page")));

    const QJsonArray notes = json[QStringLiteral("footnotes")].toArray();
    ASSERT_EQ(notes.size(), 5);
    const QStringList before = {QStringLiteral("Hodges"), QStringLiteral("bloc."), QStringLiteral("practices."),
                                QStringLiteral("future."), QStringLiteral("Dean")};
    for (int i = 0; i < 5; ++i) {
        const QJsonObject fn = notes[i].toObject();
        EXPECT_EQ(fn[QStringLiteral("label")].toString(), QString::number(i));
        const int offset = fn[QStringLiteral("offset")].toInt();
        const QString word = before[i];
        EXPECT_EQ(text.mid(offset - word.size(), word.size()), word) << "note " << i;
    }
    EXPECT_TRUE(notes[0].toObject()[QStringLiteral("text")].toString().startsWith(
        QStringLiteral("Source: Department of State, Central Files, 460.509/8-1762. Secret.")));
    EXPECT_EQ(notes[1].toObject()[QStringLiteral("citation")].toString(),
              QStringLiteral("Department of State, Central Files, 460.509/8-1762"));
    EXPECT_TRUE(notes[2].toObject()[QStringLiteral("citation")].isNull());
    EXPECT_EQ(notes[4].toObject()[QStringLiteral("text")].toString(),
              QStringLiteral("Printed from a copy that indicates Rusk signed the original."));

    const QJsonArray pages = json[QStringLiteral("pageBreaks")].toArray();
    ASSERT_EQ(pages.size(), 1);
    EXPECT_EQ(pages[0].toObject()[QStringLiteral("n")].toString(), QStringLiteral("704"));
    const int page = pages[0].toObject()[QStringLiteral("offset")].toInt();
    EXPECT_EQ(text.mid(page, 14), QStringLiteral("As I wrote you"));
}

QJsonObject onlyReference(const QJsonObject &json)
{
    const QJsonArray refs = json[QStringLiteral("crossReferences")].toArray();
    EXPECT_EQ(refs.size(), 1);
    return refs.isEmpty() ? QJsonObject() : refs[0].toObject();
}

TEST(DocumentJsonTest, TeiD317HasFiveNotesAtTheRightWordsAndResolvesDocument316)
{
    Library library;
    const int v = library.add(load(teiName));
    const QJsonObject json = d317Json(library, v);
    expectD317(json);
    EXPECT_EQ(json[QStringLiteral("volume")].toString(), QStringLiteral("frus1961-63v09"));
    EXPECT_EQ(json[QStringLiteral("date")].toString(), QStringLiteral("1962-09-05"));
    const QJsonObject ref = onlyReference(json);
    EXPECT_EQ(ref[QStringLiteral("label")].toString(), QStringLiteral("Document 316"));
    EXPECT_EQ(ref[QStringLiteral("target")].toString(), QStringLiteral("d316"));
    EXPECT_EQ(ref[QStringLiteral("volume")].toString(), QStringLiteral("frus1961-63v09"));
    EXPECT_TRUE(ref[QStringLiteral("resolved")].toBool());
}

TEST(DocumentJsonTest, TextCopyD317AloneHasTheSameNotesAndAnUnresolvedDocument316)
{
    Library library;
    const int v = library.add(load(copyName));
    const QJsonObject json = d317Json(library, v);
    expectD317(json);
    EXPECT_TRUE(json[QStringLiteral("volume")].isNull());
    const QJsonObject ref = onlyReference(json);
    EXPECT_EQ(ref[QStringLiteral("target")].toString(), QStringLiteral("d316"));
    EXPECT_TRUE(ref[QStringLiteral("volume")].isNull());
    EXPECT_FALSE(ref[QStringLiteral("resolved")].toBool());
}

TEST(DocumentJsonTest, TextCopyD317WithTheVolumeOpenResolvesDocument316ThereAndMatchesTheTei)
{
    Library library;
    const int copy = library.add(load(copyName));
    const int tei = library.add(load(teiName));
    const QJsonObject json = d317Json(library, copy);
    EXPECT_EQ(json[QStringLiteral("volume")].toString(), QStringLiteral("frus1961-63v09"));
    const QJsonObject ref = onlyReference(json);
    EXPECT_EQ(ref, (QJsonObject{{QStringLiteral("label"), QStringLiteral("Document 316")},
                                {QStringLiteral("target"), QStringLiteral("d316")},
                                {QStringLiteral("volume"), QStringLiteral("frus1961-63v09")},
                                {QStringLiteral("resolved"), true},
                                {QStringLiteral("kind"), QStringLiteral("document")}}));

    // Both importers give the same notes, word for word.
    const QJsonArray fromCopy = json[QStringLiteral("footnotes")].toArray();
    const QJsonArray fromTei = d317Json(library, tei)[QStringLiteral("footnotes")].toArray();
    ASSERT_EQ(fromCopy.size(), fromTei.size());
    for (qsizetype i = 0; i < fromCopy.size(); ++i) {
        for (const QString &key : {QStringLiteral("label"), QStringLiteral("text"), QStringLiteral("citation")})
            EXPECT_EQ(fromCopy[i].toObject()[key], fromTei[i].toObject()[key]) << key.toStdString() << ' ' << i;
    }
}

TEST(DocumentJsonTest, TerminalTextShowsMarkersPageBreakAndNotes)
{
    Library library;
    const int v = library.add(load(copyName));
    const QString out = terminalText(library, v, 0);
    EXPECT_TRUE(out.startsWith(QStringLiteral("317. Letter From Secretary of State Rusk to Secretary of Commerce Hodges[0]\n\n")));
    EXPECT_TRUE(out.contains(QStringLiteral("Soviet bloc.[1]\n\n")));
    EXPECT_TRUE(out.contains(QStringLiteral("harassment.\n\n[Page 704]\n\nAs I wrote you")));
    EXPECT_TRUE(out.contains(QStringLiteral("fair practices.[2] We have")));
    EXPECT_TRUE(out.contains(QStringLiteral("\nDean[4]\n\n[0] Source: Department of State")));
    EXPECT_TRUE(out.endsWith(QStringLiteral("\n[4] Printed from a copy that indicates Rusk signed the original.\n")));
}

// Hand-built: a note's references stand where its marker does; a mid-sentence break stays inline.
TEST(DocumentJsonTest, NoteReferencesAreOrderedAtTheirMarkerAndMidSentenceBreaksStayInline)
{
    auto volume = std::make_shared<Volume>();
    volume->id = QStringLiteral("frus1961-63v09");
    Document doc;
    doc.id = QStringLiteral("d316");
    doc.number = QStringLiteral("316");
    Block head;
    head.kind = BlockKind::Heading;
    head.text = QStringLiteral("316. Letter");
    Block para;
    para.text = QStringLiteral("Twelve of the items, see Document 1.");
    doc.body = {head, para};
    Block noteText;
    noteText.text = QStringLiteral("See Document 2.");
    doc.footnotes.push_back(Footnote{QStringLiteral("d316fn1"), QStringLiteral("1"), {noteText}, Location{-1, 1, 6}});
    doc.pageBreaks.push_back(PageBreak{QStringLiteral("701"), QStringLiteral("pg_701"), Location{-1, 1, 7}});
    // Listed body first, as a text copy lists them; the note's reference comes first in reading order.
    doc.crossReferences.push_back(CrossReference{QStringLiteral("Document 1"), {}, QStringLiteral("d1"), {},
                                                 ReferenceKind::Document, Location{-1, 1, 25}});
    doc.crossReferences.push_back(CrossReference{QStringLiteral("Document 2"), {}, QStringLiteral("d2"), {},
                                                 ReferenceKind::Document, Location{0, 0, 4}});
    volume->documents.push_back(doc);
    Library library;
    const int v = library.add(volume);

    const QJsonArray refs = documentJson(library, v, 0)[QStringLiteral("crossReferences")].toArray();
    ASSERT_EQ(refs.size(), 2);
    EXPECT_EQ(refs[0].toObject()[QStringLiteral("target")].toString(), QStringLiteral("d2"));
    EXPECT_EQ(refs[1].toObject()[QStringLiteral("target")].toString(), QStringLiteral("d1"));
    // Issue 11: an unresolved reference names the volume it was looked up in (it was null).
    EXPECT_EQ(refs[0].toObject()[QStringLiteral("volume")].toString(), QStringLiteral("frus1961-63v09"));
    EXPECT_TRUE(terminalText(library, v, 0).startsWith(
        QStringLiteral("316. Letter\n\nTwelve[1] [Page 701] of the items, see Document 1.\n\n[1] See Document 2.\n")));
}

// Every document of the two complete volumes exports, with every offset inside the text it indexes.
TEST(DocumentJsonTest, EveryDocumentOfTheCompleteVolumesHasOffsetsInsideItsText)
{
    for (const QString &name : {QStringLiteral("frus1894Nicaragua.xml"), QStringLiteral("frus1934v05.xml")}) {
        Library library;
        const int v = library.add(load(name));
        const Volume &volume = library.volume(v);
        EXPECT_FALSE(volume.documents.empty()) << name.toStdString();
        for (std::size_t d = 0; d < volume.documents.size(); ++d) {
            const QJsonObject json = documentJson(library, v, int(d));
            const qsizetype size = json[QStringLiteral("text")].toString().size();
            for (const QString &key : {QStringLiteral("footnotes"), QStringLiteral("pageBreaks")}) {
                for (const QJsonValue item : json[key].toArray()) {
                    const int offset = item.toObject()[QStringLiteral("offset")].toInt();
                    EXPECT_TRUE(offset >= 0 && offset <= size)
                        << name.toStdString() << ' ' << volume.documents[d].id.toStdString() << ' ' << offset;
                }
            }
            EXPECT_FALSE(terminalText(library, v, int(d)).isEmpty());
        }
    }
}

TEST(DocumentJsonTest, TextCopyTakesItsDateFromTheTeiCopyWhenThatIsOpen)
{
    Library library;
    auto copy = loadVolume(test::dataPath(QStringLiteral("frus1961-63v09-d317.txt")));
    auto tei = loadVolume(test::dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml")));
    ASSERT_TRUE(copy.has_value());
    ASSERT_TRUE(tei.has_value());
    const int c = library.add(std::make_shared<const Volume>(std::move(copy).value()));
    EXPECT_TRUE(documentJson(library, c, 0).value(QStringLiteral("date")).isNull());
    library.add(std::make_shared<const Volume>(std::move(tei).value()));
    EXPECT_EQ(documentJson(library, c, 0).value(QStringLiteral("date")).toString(), QStringLiteral("1962-09-05"));
}

// Issue 8: notes nested 100,000 deep inside d317's note 1 (the parser keeps one flow per open note and
// recurses nowhere) all stand where note 1's marker does; the rest of d317 reads as without them.
TEST(DocumentJsonTest, Issue8DeeplyNestedNotesStandAtTheirOutermostMarker)
{
    constexpr int depth = 100000;
    Result<Volume> nested = TeiParser::parse(test::teiWithNestedNotes(depth), teiName);
    ASSERT_TRUE(nested.has_value()) << nested.error().toString().toStdString();
    Library library;
    const int plain = library.add(load(teiName));
    const int v = library.add(std::make_shared<const Volume>(std::move(nested).value()));
    const QJsonObject expected = d317Json(library, plain);
    const QJsonObject json = d317Json(library, v);
    EXPECT_EQ(json.value(QStringLiteral("text")), expected.value(QStringLiteral("text")));
    const QJsonArray notes = json.value(QStringLiteral("footnotes")).toArray();
    const QJsonArray plainNotes = expected.value(QStringLiteral("footnotes")).toArray();
    ASSERT_EQ(notes.size(), plainNotes.size() + depth);
    const QJsonValue note1Offset = plainNotes.at(1).toObject().value(QStringLiteral("offset"));
    EXPECT_EQ(notes.at(1).toObject().value(QStringLiteral("offset")), note1Offset);
    for (int i = 2; i < 2 + depth; ++i)
        ASSERT_EQ(notes.at(i).toObject().value(QStringLiteral("offset")), note1Offset) << i;
    EXPECT_EQ(notes.at(2 + depth).toObject().value(QStringLiteral("label")).toString(), QStringLiteral("2"));
    EXPECT_EQ(notes.at(2 + depth).toObject().value(QStringLiteral("offset")), plainNotes.at(2).toObject().value(QStringLiteral("offset")));
    EXPECT_EQ(json.value(QStringLiteral("crossReferences")), expected.value(QStringLiteral("crossReferences")));
}

// Issue 8: markers that lead in a circle give offset 0, as the old walk did when it gave up; one that
// names a note that is not there gives 0 too (the old walk threw std::out_of_range).
TEST(DocumentJsonTest, Issue8NoteMarkersInACircleOrNowhereGiveOffsetZero)
{
    Volume v;
    Document d;
    d.id = QStringLiteral("d1");
    Block b;
    b.text = QStringLiteral("Text.");
    d.body.push_back(b);
    for (const int parent : {1, 0, 99}) {
        Footnote fn;
        fn.label = QString::number(d.footnotes.size());
        fn.marker = Location{parent, 0, 0};
        d.footnotes.push_back(fn);
    }
    v.documents.push_back(d);
    Library library;
    const int at = library.add(std::make_shared<const Volume>(std::move(v)));
    const QJsonArray notes = documentJson(library, at, 0).value(QStringLiteral("footnotes")).toArray();
    ASSERT_EQ(notes.size(), 3);
    for (const QJsonValue &note : notes)
        EXPECT_EQ(note.toObject().value(QStringLiteral("offset")).toInt(-1), 0);
}

// Issue 11: d316 cites "#d312", which the extract does not hold: its "volume" is the volume it was
// looked up in, as for a resolved one.
TEST(DocumentJsonTest, Issue11AnUnresolvedReferenceNamesTheVolumeItWasLookedUpIn)
{
    Library library;
    const int v = library.add(load(teiName));
    const int d316 = library.volume(v).documentIndex(QStringLiteral("d316"));
    ASSERT_GE(d316, 0);
    int unresolved = 0;
    for (const QJsonValue &r : documentJson(library, v, d316)[QStringLiteral("crossReferences")].toArray()) {
        const QJsonObject ref = r.toObject();
        if (ref[QStringLiteral("target")].toString() != QLatin1String("d312"))
            continue;
        ++unresolved;
        EXPECT_FALSE(ref[QStringLiteral("resolved")].toBool());
        EXPECT_EQ(ref[QStringLiteral("volume")].toString(), QStringLiteral("frus1961-63v09"));
    }
    EXPECT_EQ(unresolved, 1);
}

// Issue 11: frus1934v05 d48 fn3 with a page break inside it (the volume's own <pb n="100" …/>): the
// break is listed, as the note's, where the note's marker stands; `info` counted it before too.
TEST(DocumentJsonTest, Issue11APageBreakInsideAFootnoteIsListedAsTheNotes)
{
    const QByteArray xml = R"(<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
        <div type="document" xml:id="d48" n="48"><head>The Secretary of State to the Minister in Colombia</head>
        <p>Act of June 12, 1934,<note n="3" xml:id="d48fn3">48 <pb n="100" xml:id="pg_100" facs="0166"/>Stat. 943.</note> and more.<pb n="101" xml:id="pg_101" facs="0167"/> Next page.</p>
        </div></body></text></TEI>)";
    Result<Volume> parsed = TeiParser::parse(xml, QStringLiteral("d48.xml"));
    ASSERT_TRUE(parsed.has_value());
    Library library;
    const int v = library.add(std::make_shared<const Volume>(std::move(parsed).value()));
    const QJsonObject json = documentJson(library, v, 0);
    const QString text = json[QStringLiteral("text")].toString();
    const QJsonArray breaks = json[QStringLiteral("pageBreaks")].toArray();
    ASSERT_EQ(breaks.size(), 2);
    const QJsonObject inNote = breaks[0].toObject();
    EXPECT_EQ(inNote[QStringLiteral("n")].toString(), QStringLiteral("100"));
    EXPECT_EQ(inNote[QStringLiteral("footnote")].toString(), QStringLiteral("d48fn3"));
    EXPECT_EQ(inNote[QStringLiteral("offset")].toInt(), int(text.indexOf(QLatin1String(" and more."))));
    const QJsonObject inBody = breaks[1].toObject();
    EXPECT_EQ(inBody[QStringLiteral("n")].toString(), QStringLiteral("101"));
    EXPECT_TRUE(inBody[QStringLiteral("footnote")].isNull());
    EXPECT_EQ(inBody[QStringLiteral("offset")].toInt(), int(text.indexOf(QLatin1String(" Next page."))));
    // `show --format text` prints it inside the note's line.
    EXPECT_TRUE(terminalText(library, v, 0).contains(QStringLiteral("\n[3] 48 [Page 100] Stat. 943.\n")))
        << terminalText(library, v, 0).toStdString();
}

// Issue 11: `show --format json|text` prints list labels: frus1934v05 d5's "(1) The abolishment …".
TEST(DocumentJsonTest, Issue11ListLabelsArePrintedInTheText)
{
    Library library;
    const int v = library.add(load(QStringLiteral("frus1934v05.xml")));
    const int d5 = library.volume(v).documentIndex(QStringLiteral("d5"));
    ASSERT_GE(d5, 0);
    const QString expected = QStringLiteral("the Foreign Office:\n\n(1) The abolishment as concerns American");
    EXPECT_TRUE(documentJson(library, v, d5)[QStringLiteral("text")].toString().contains(expected));
    EXPECT_TRUE(terminalText(library, v, d5).contains(expected));
}

} // namespace
} // namespace marginalia

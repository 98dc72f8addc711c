// Issue 11 item 7: an "Ibid." that comes before any citation of its own document repeats the last
// citation of the documents before it in reading order (the printed page's convention), and so do the
// Ibid. notes chained after it; a document read alone from the library's outline resolves the same way.
#include "parse/citation.h"

#include "catalog/volumeoutline.h"
#include "parse/teiparser.h"
#include "parse/volumeloader.h"

#include "support/testdata.h"

#include <gtest/gtest.h>

namespace marginalia {
namespace {

struct IbidCount {
    int notes = 0;      // Ibid. notes
    int unresolved = 0; // of them, with no citation
};

bool saysIbid(const Footnote &note)
{
    return parseNoteCitation(plainText(note.content, QStringLiteral(" "))).ibid;
}

IbidCount countIbid(const Volume &volume)
{
    IbidCount count;
    for (const Document &doc : volume.documents) {
        const std::vector<QString> cited = documentCitations(doc);
        for (std::size_t i = 0; i < doc.footnotes.size(); ++i) {
            if (!saysIbid(doc.footnotes[i]))
                continue;
            ++count.notes;
            count.unresolved += cited[i].isEmpty() ? 1 : 0;
        }
    }
    return count;
}

Volume loaded(const char *name)
{
    Result<Volume> v = loadVolume(test::dataPath(QString::fromUtf8(name)));
    EXPECT_TRUE(v.has_value()) << name;
    return v ? std::move(v).value() : Volume{};
}

Volume parsed(const QByteArray &xml)
{
    Result<Volume> v = TeiParser::parse(xml, QStringLiteral("snippet.xml"));
    EXPECT_TRUE(v.has_value()) << (v ? std::string() : v.error().toString().toStdString());
    return v ? std::move(v).value() : Volume{};
}

// Two documents of frus1934v05 as the volume gives them (d5's last note and d6's first, cut short),
// the second opening with an Ibid. note of the kind its pages carry.
const char kTwoDocuments[] = R"(<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
<div type="document" xml:id="d5" n="5"><head>The Ambassador in Chile (<persName type="from">Sevier</persName>) to the Secretary of State</head>
<p>The trade agreement.<note n="2" xml:id="d5fn2">Foreign Relations, 1933, vol. v, p. 643.</note></p></div>
<div type="document" xml:id="d6" n="6"><head>The Secretary of State to the Ambassador in Chile (<persName type="to">Sevier</persName>)</head>
<p>Your despatch.<note n="3" xml:id="d6fn3">Ibid., p. 650.</note> And further.<note n="4" xml:id="d6fn4">Ibid.</note></p></div>
</body></text></TEI>)";

TEST(Citations, Issue11IbidFirstInADocumentRepeatsTheLastCitationOfTheDocumentBefore)
{
    const Volume v = parsed(QByteArray(kTwoDocuments));
    ASSERT_EQ(v.documents.size(), 2u);
    const std::vector<QString> cited = documentCitations(v.documents[1]);
    ASSERT_EQ(cited.size(), 2u);
    EXPECT_EQ(cited[0], QStringLiteral("Foreign Relations, 1933, vol. v, p. 650"));
    EXPECT_EQ(cited[1], QStringLiteral("Foreign Relations, 1933, vol. v, p. 650")); // the chain after it
    EXPECT_EQ(v.documents[1].precedingCitations.last, QStringLiteral("Foreign Relations, 1933, vol. v, p. 643"));
    // A document that needs nothing from before keeps nothing.
    EXPECT_TRUE(v.documents[0].precedingCitations.last.isEmpty());
}

TEST(Citations, Issue11ADocumentsOwnCitationComesBeforeThoseOfEarlierDocuments)
{
    QByteArray xml(kTwoDocuments);
    xml.replace("<p>Your despatch.", "<note rend=\"inline\" type=\"source\">825.5151/132: Telegram</note><p>Your despatch.");
    xml.replace("Ibid., p. 650.", "Ibid.");
    const Volume v = parsed(xml);
    ASSERT_EQ(v.documents.size(), 2u);
    // The document's own source note (an old volume's inline file number) is the most recent citation.
    EXPECT_EQ(documentCitations(v.documents[1]),
              (std::vector<QString>{QStringLiteral("825.5151/132"), QStringLiteral("825.5151/132")}));
    EXPECT_TRUE(v.documents[1].precedingCitations.last.isEmpty());
}

TEST(Citations, Issue11TheFirstDocumentOfAVolumeHasNothingBeforeIt)
{
    QByteArray xml(kTwoDocuments);
    const qsizetype first = xml.indexOf("<div type=\"document\" xml:id=\"d5\"");
    xml.remove(first, xml.indexOf("<div type=\"document\" xml:id=\"d6\"") - first);
    const Volume v = parsed(xml);
    ASSERT_EQ(v.documents.size(), 1u);
    EXPECT_EQ(documentCitations(v.documents[0]), (std::vector<QString>{QString(), QString()}));
}

// frus1934v05 d48 and d174 open (after an archive file number) with "Ibid., p. 249" and "Ibid., p. 668",
// whose links name frus1933v05#pg_249 and #pg_668: the source is the chapter head's note above them
// ("… see Foreign Relations, 1933, vol. v, pp. 217 ff."), which in reading order comes before the
// document, not the last note of the document before.
TEST(Citations, Issue11IbidFirstInAChapterRepeatsTheChapterHeadsNote)
{
    const Volume v = loaded("frus1934v05.xml");
    for (const auto &[id, page] : {std::pair{"d48", "249"}, std::pair{"d174", "668"}}) {
        const Document *doc = v.document(QString::fromLatin1(id));
        ASSERT_NE(doc, nullptr);
        const int note = doc->footnoteIndex(QString::fromLatin1(id) + QStringLiteral("fn2"));
        ASSERT_GE(note, 0);
        ASSERT_TRUE(saysIbid(doc->footnotes[std::size_t(note)]));
        EXPECT_EQ(documentCitations(*doc)[std::size_t(note)],
                  QStringLiteral("Foreign Relations, 1933, vol. v, p. ") + QLatin1String(page)) << id;
        ASSERT_GE(doc->division, 0);
        EXPECT_FALSE(v.divisions[std::size_t(doc->division)].headNotes.isEmpty()) << id;
    }
}

// The test volumes hold 30 Ibid. notes (28 in frus1934v05, 2 in d316-d318); before this change two of
// them, d48 fn2 and d174 fn2, named no citation. (Until the "ibid." inside a note counted, 22: the
// eight of frus1934v05 that say it after other words, as in d497 fn7, were taken for citations of
// their own, "ibid., pp. 511 ff" in d28 fn15, or for none.)
TEST(Citations, Issue11IbidNotesOfTheTestVolumesResolveAcrossDocuments)
{
    IbidCount all;
    for (const char *name : {"frus1934v05.xml", "frus1894Nicaragua.xml", "frus1961-63v09-d316-d318.xml"}) {
        const IbidCount c = countIbid(loaded(name));
        all.notes += c.notes;
        all.unresolved += c.unresolved;
    }
    EXPECT_EQ(all.notes, 30);
    EXPECT_EQ(all.unresolved, 0);
}

// frus1934v05 d497 lists treaties, each note naming a treaty and then where it is printed, the later
// ones by "ibid." after a semicolon: each repeats the printing named last before it, with its own
// volume and page.
TEST(Citations, Issue11AnIbidInsideANoteRepeatsTheLastCitationBeforeIt)
{
    const Volume v = loaded("frus1934v05.xml");
    const Document *doc = v.document(QStringLiteral("d497"));
    ASSERT_NE(doc, nullptr);
    const std::vector<QString> cited = documentCitations(*doc);
    const auto of = [&](const char *id) {
        const int note = doc->footnoteIndex(QString::fromLatin1(id));
        EXPECT_GE(note, 0) << id;
        return note >= 0 ? cited[std::size_t(note)] : QString();
    };
    const QString papers = QStringLiteral("British and Foreign State Papers, ");
    EXPECT_EQ(of("d497fn6"), papers + QStringLiteral("vol. xcviii, p. 72")); // named after the treaty's dates
    EXPECT_EQ(of("d497fn7"), papers + QStringLiteral("vol. xcv, p. 818"));
    // "ibid., vol. xcvii, p. 994, or League of Nations Treaty Series, …": the first printing named.
    EXPECT_EQ(of("d497fn8"), papers + QStringLiteral("vol. xcvii, p. 994"));
    EXPECT_EQ(of("d497fn9"), papers + QStringLiteral("vol. xxxix, p. 1331"));
    EXPECT_EQ(of("d497fn10"), papers + QStringLiteral("vol. c, p. 1117"));
    for (const char *id : {"d497fn7", "d497fn8", "d497fn10"})
        EXPECT_TRUE(saysIbid(doc->footnotes[std::size_t(doc->footnoteIndex(QString::fromLatin1(id)))])) << id;
    EXPECT_FALSE(saysIbid(doc->footnotes[std::size_t(doc->footnoteIndex(QStringLiteral("d497fn9")))]));
}

// "… the penultimate paragraph, ibid., p. 550." after the note's own "Foreign Relations, 1926, vol. i,
// p. 548" (frus1934v05 d40 fn36) repeats that citation within the note: the note cites what it names.
TEST(Citations, Issue11AnIbidAfterTheNotesOwnSourceIsNoIbidOfAnEarlierNote)
{
    const NoteCitation c = parseNoteCitation(QStringLiteral(
        "Not printed. See note to the German Chargé, July 16, 1926, Foreign Relations, 1926, vol. i, p. 548; "
        "the fifth paragraph mentioned above is identical with the penultimate paragraph, ibid., p. 550."));
    EXPECT_FALSE(c.ibid);
    EXPECT_EQ(c.citation, QStringLiteral("Foreign Relations, 1926, vol. i, p. 548"));
    // "See telegram No. 83 … to the Minister in Haiti, ibid., p. 770." (d358 fn55) names no source before it.
    const NoteCitation haiti = parseNoteCitation(QStringLiteral(
        "See telegram No. 83, December 1, 1933, 4 p.m., to the Minister in Haiti, ibid., p. 770."));
    EXPECT_TRUE(haiti.ibid);
    EXPECT_EQ(haiti.ibidSuffix, QStringLiteral("p. 770"));
}

// Resolving across documents only fills in what was empty: every note that had a citation keeps it.
TEST(Citations, Issue11CarryingAcrossDocumentsChangesOnlyUnresolvedIbidNotes)
{
    for (const char *name : {"frus1934v05.xml", "frus1894Nicaragua.xml"}) {
        const Volume whole = loaded(name);
        int filled = 0;
        for (const Document &doc : whole.documents) {
            Document alone = doc;
            alone.precedingCitations = {};
            const std::vector<QString> before = documentCitations(alone);
            const std::vector<QString> after = documentCitations(doc);
            ASSERT_EQ(before.size(), after.size());
            for (std::size_t i = 0; i < before.size(); ++i) {
                if (before[i] == after[i])
                    continue;
                EXPECT_TRUE(before[i].isEmpty()) << name << ' ' << doc.id.toStdString() << " note " << i;
                EXPECT_TRUE(saysIbid(doc.footnotes[i])) << name << ' ' << doc.id.toStdString() << " note " << i;
                ++filled;
            }
        }
        EXPECT_EQ(filled, name == std::string("frus1934v05.xml") ? 2 : 0) << name;
    }
}

// The library opens a document from its byte span alone; the outline keeps what its Ibid. needs.
TEST(Citations, Issue11ADocumentReadAloneFromItsSpanResolvesIbidLikeTheWholeVolume)
{
    for (const char *name : {"frus1934v05.xml", "frus1894Nicaragua.xml"}) {
        const Volume whole = loaded(name);
        Result<VolumeOutline> outline =
            decodeVolumeOutline(encodeVolumeOutline(whole, test::readData(QString::fromUtf8(name))),
                                test::dataPath(QString::fromUtf8(name)));
        ASSERT_TRUE(outline.has_value());
        int carried = 0;
        for (std::size_t i = 0; i < whole.documents.size(); ++i) {
            if (whole.documents[i].precedingCitations == PrecedingCitations{})
                continue;
            ++carried;
            const Result<Document> alone = readOutlinedDocument(*outline, int(i));
            ASSERT_TRUE(alone.has_value());
            EXPECT_EQ(documentCitations(*alone), documentCitations(whole.documents[i])) << name << ' ' << i;
        }
        EXPECT_EQ(carried > 0, name == std::string("frus1934v05.xml")) << name;
    }
}

} // namespace
} // namespace marginalia

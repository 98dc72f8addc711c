#include "parse/citation.h"
#include "library/library.h"
#include "library/openlibrary.h"
#include "parse/volumeloader.h"

#include "support/testdata.h"

#include <QCryptographicHash>
#include <QSignalSpy>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

Block paragraph(const QString &text, BlockKind kind = BlockKind::Paragraph)
{
    Block b;
    b.kind = kind;
    b.text = text;
    return b;
}

Footnote note(const QString &id, const QString &label, const QString &text, int block = 1)
{
    return Footnote{id, label, RichText{paragraph(text)}, Location{-1, block, 1}};
}

Document document(const QString &number, const QString &title)
{
    Document d;
    d.id = QStringLiteral("d") + number;
    d.number = number;
    d.title = title;
    d.body = RichText{paragraph(number + QStringLiteral(". ") + title, BlockKind::Heading),
                      paragraph(QStringLiteral("Dear Luther: text."))};
    return d;
}

// A TEI-like volume holding documents numbered `numbers`, each with a source note and one footnote.
std::shared_ptr<Volume> teiVolume(const QString &id, const QStringList &numbers)
{
    auto v = std::make_shared<Volume>();
    v->id = id;
    v->title = QStringLiteral("Volume ") + id;
    for (const QString &n : numbers) {
        Document d = document(n, QStringLiteral("Letter From Rusk to Hodges ") + n);
        const int di = int(v->documents.size());
        d.footnotes = {note(d.id + QStringLiteral("fn0"), QStringLiteral("0"), QStringLiteral("Source: here."), 0),
                       note(d.id + QStringLiteral("fn1"), QStringLiteral("1"), QStringLiteral("Ibid."))};
        v->ids.insert(d.id, IdTarget{IdTarget::Document, di, -1});
        v->ids.insert(d.id + QStringLiteral("fn1"), IdTarget{IdTarget::Footnote, di, 1});
        v->ids.insert(QStringLiteral("pg_") + n, IdTarget{IdTarget::Page, di, int(v->pages.size())});
        v->pages.push_back(VolumePage{n, QStringLiteral("pg_") + n, di});
        v->documents.push_back(std::move(d));
    }
    v->ids.insert(QStringLiteral("sources"), IdTarget{IdTarget::Division, -1, 0});
    return v;
}

std::shared_ptr<Volume> textCopy(const QString &number, const QString &title)
{
    auto v = std::make_shared<Volume>();
    v->format = SourceFormat::TextCopy;
    v->documents.push_back(document(number, title));
    return v;
}

CrossReference documentRef(const QString &target, const QString &volume = {})
{
    return CrossReference{QStringLiteral("Document"), volume, target, QStringLiteral("#") + target,
                          volume.isEmpty() ? ReferenceKind::Document : ReferenceKind::OtherVolume, {}};
}

TEST(LibraryTest, ResolvesDocumentFootnotePageAndSectionIdsWithinAVolume)
{
    Library library;
    const int v = library.add(teiVolume(QStringLiteral("frus1961-63v09"), {QStringLiteral("316"), QStringLiteral("349")}));

    const auto doc = library.resolve(v, QStringLiteral("#d316"));
    ASSERT_TRUE(doc);
    EXPECT_EQ(doc->volume, v);
    EXPECT_EQ(doc->document, 0);
    EXPECT_EQ(doc->target.kind, IdTarget::Document);

    const auto fn = library.resolve(v, QStringLiteral("#d349fn1"));
    ASSERT_TRUE(fn);
    EXPECT_EQ(fn->target.kind, IdTarget::Footnote);
    EXPECT_EQ(fn->document, 1);
    EXPECT_EQ(fn->target.index, 1);

    const auto page = library.resolve(v, QStringLiteral("#pg_349"));
    ASSERT_TRUE(page);
    EXPECT_EQ(page->target.kind, IdTarget::Page);

    const auto section = library.resolve(v, QStringLiteral("#sources"));
    ASSERT_TRUE(section);
    EXPECT_EQ(section->target.kind, IdTarget::Division);
    EXPECT_EQ(section->document, -1);
}

TEST(LibraryTest, UnknownIdsAndSitePathsDoNotResolve)
{
    Library library;
    const int v = library.add(teiVolume(QStringLiteral("frus1961-63v09"), {QStringLiteral("316")}));
    EXPECT_FALSE(library.resolve(v, QStringLiteral("#d312")));
    EXPECT_FALSE(library.resolve(v, QStringLiteral("/historicaldocuments/frus1961-63v09")));
    EXPECT_FALSE(library.resolve(v, documentRef(QStringLiteral("d312"))));
    CrossReference web = documentRef(QStringLiteral("d316"));
    web.kind = ReferenceKind::External;
    EXPECT_FALSE(library.resolve(v, web));
}

TEST(LibraryTest, OtherVolumeResolvesOnlyWhenThatVolumeIsOpen)
{
    Library library;
    const int v09 = library.add(teiVolume(QStringLiteral("frus1961-63v09"), {QStringLiteral("316")}));
    const CrossReference ref{QStringLiteral("vol. XIII, pp. 242"), QStringLiteral("frus1961-63v13"),
                             QStringLiteral("pg_242"), QStringLiteral("frus1961-63v13#pg_242"),
                             ReferenceKind::OtherVolume, {}};
    EXPECT_FALSE(library.resolve(v09, ref));
    EXPECT_FALSE(library.resolve(v09, QStringLiteral("frus1961-63v13#pg_242")));

    const int v13 = library.add(teiVolume(QStringLiteral("frus1961-63v13"), {QStringLiteral("242")}));
    const auto resolved = library.resolve(v09, ref);
    ASSERT_TRUE(resolved);
    EXPECT_EQ(resolved->volume, v13);
    EXPECT_EQ(resolved->target.kind, IdTarget::Page);
    EXPECT_TRUE(library.resolve(v09, QStringLiteral("frus1961-63v13#pg_242")));
    EXPECT_FALSE(library.resolve(v09, QStringLiteral("frus1961-63v13#pg_999")));

    const auto landing = library.resolve(v09, QStringLiteral("frus1961-63v13"));
    ASSERT_TRUE(landing);
    EXPECT_EQ(landing->volume, v13);
    EXPECT_EQ(landing->document, -1);
    EXPECT_EQ(library.indexOfVolume(QStringLiteral("frus1961-63v13")), v13);
    EXPECT_EQ(library.indexOfVolume(QString()), -1);
}

TEST(LibraryTest, TextCopyBelongsToTheVolumeWithSameNumberAndTitle)
{
    Library library;
    auto v04 = teiVolume(QStringLiteral("frus1958-60v04"), {QStringLiteral("317")});
    v04->documents.front().title = QStringLiteral("Telegram From the Embassy in Moscow");
    const int other = library.add(v04);
    const int v09 = library.add(teiVolume(QStringLiteral("frus1961-63v09"), {QStringLiteral("316"), QStringLiteral("317")}));
    // The same title with a line break and double space where the pasted copy differs.
    const int copy = library.add(textCopy(QStringLiteral("317"), QStringLiteral("Letter From Rusk\n to  Hodges 317")));
    EXPECT_EQ(library.homeVolume(copy), v09);
    EXPECT_EQ(library.volumeIdOf(copy), QStringLiteral("frus1961-63v09"));
    EXPECT_EQ(library.homeVolume(v09), v09);
    EXPECT_EQ(library.homeVolume(other), other);
}

TEST(LibraryTest, TextCopyWithADifferentTitleDoesNotBelongToTheVolume)
{
    Library library;
    library.add(teiVolume(QStringLiteral("frus1961-63v09"), {QStringLiteral("317")}));
    const int copy = library.add(textCopy(QStringLiteral("317"), QStringLiteral("Telegram From Moscow")));
    EXPECT_EQ(library.homeVolume(copy), -1);
}

TEST(LibraryTest, TextCopyReferencesResolveInItsHomeVolume)
{
    Library library;
    const int v09 = library.add(teiVolume(QStringLiteral("frus1961-63v09"), {QStringLiteral("316"), QStringLiteral("317")}));
    library.add(teiVolume(QStringLiteral("frus1958-60v04"), {QStringLiteral("316")}));
    const int copy = library.add(textCopy(QStringLiteral("317"), QStringLiteral("Letter From Rusk to Hodges 317")));
    // Two documents numbered 316 are open, but the copy's home volume decides which one it means.
    const auto target = library.resolve(copy, documentRef(QStringLiteral("d316")));
    ASSERT_TRUE(target);
    EXPECT_EQ(target->volume, v09);
    EXPECT_EQ(target->document, 0);
}

TEST(LibraryTest, LoneTextCopyResolvesTheOnlyOpenDocumentWithThatNumber)
{
    Library library;
    const int copy = library.add(textCopy(QStringLiteral("317"), QStringLiteral("A letter of no open volume")));
    EXPECT_FALSE(library.resolve(copy, documentRef(QStringLiteral("d316"))));

    const int v09 = library.add(teiVolume(QStringLiteral("frus1961-63v09"), {QStringLiteral("316")}));
    const auto only = library.resolve(copy, documentRef(QStringLiteral("d316")));
    ASSERT_TRUE(only);
    EXPECT_EQ(only->volume, v09);
    EXPECT_EQ(only->document, 0);

    library.add(teiVolume(QStringLiteral("frus1958-60v04"), {QStringLiteral("316")}));
    EXPECT_FALSE(library.resolve(copy, documentRef(QStringLiteral("d316"))));
}

TEST(LibraryTest, TextCopyOfAnOpenDocumentDoesNotCountAsASecondDocument)
{
    Library library;
    const int lone = library.add(textCopy(QStringLiteral("317"), QStringLiteral("A letter of no open volume")));
    const int v09 = library.add(teiVolume(QStringLiteral("frus1961-63v09"), {QStringLiteral("316")}));
    library.add(textCopy(QStringLiteral("316"), QStringLiteral("Letter From Rusk to Hodges 316")));
    const auto target = library.resolve(lone, documentRef(QStringLiteral("d316")));
    ASSERT_TRUE(target);
    EXPECT_EQ(target->volume, v09);
}

TEST(LibraryCitationTest, SourceNoteCitesItsFirstSentence)
{
    EXPECT_EQ(parseNoteCitation(QStringLiteral("Source: Department of State, Central Files, 460.509/8-1762. Secret. "
                                               "Drafted by Trezise and Clarence T. Breaux (E/MDC).")).citation,
              QStringLiteral("Department of State, Central Files, 460.509/8-1762"));
    // "No." and an initial do not end the sentence.
    EXPECT_EQ(parseNoteCitation(QStringLiteral("Source: Kennedy Library, NSC Memorandum No. 142. Secret.")).citation,
              QStringLiteral("Kennedy Library, NSC Memorandum No. 142"));
    EXPECT_EQ(parseNoteCitation(QStringLiteral("Source: Papers of John F. Kennedy, Box 3. Secret.")).citation,
              QStringLiteral("Papers of John F. Kennedy, Box 3"));
}

TEST(LibraryCitationTest, OtherNotesCiteATrailingParentheticalOrAFileNumber)
{
    EXPECT_EQ(parseNoteCitation(QStringLiteral("The draft was sent to Hodges. (Department of State, Central Files, "
                                               "460.119/9-562)")).citation,
              QStringLiteral("Department of State, Central Files, 460.119/9-562"));
    EXPECT_EQ(parseNoteCitation(QStringLiteral("825.5151/132: Telegram")).citation, QStringLiteral("825.5151/132"));
    EXPECT_EQ(parseNoteCitation(QStringLiteral("Foreign Relations, 1933, vol. v, p. 643.")).citation,
              QStringLiteral("Foreign Relations, 1933, vol. v, p. 643"));
    EXPECT_TRUE(parseNoteCitation(QStringLiteral("Document 316.")).citation.isEmpty());
    EXPECT_TRUE(parseNoteCitation(QStringLiteral("He agreed (see above).")).citation.isEmpty());
}

TEST(LibraryCitationTest, RecognisesIbidInAnyCaseAndKeepsItsSuffix)
{
    const NoteCitation trailing = parseNoteCitation(QStringLiteral("Hodges proposed talks. (Ibid.)"));
    EXPECT_TRUE(trailing.ibid);
    EXPECT_TRUE(trailing.ibidSuffix.isEmpty());
    const NoteCitation page = parseNoteCitation(QStringLiteral("IBID., p. 249. For an analysis, see p. 499."));
    EXPECT_TRUE(page.ibid);
    EXPECT_EQ(page.ibidSuffix, QStringLiteral("p. 249"));
    EXPECT_EQ(parseNoteCitation(QStringLiteral("ibid., p. 655; enclosure not printed.")).ibidSuffix,
              QStringLiteral("p. 655"));
    EXPECT_FALSE(parseNoteCitation(QStringLiteral("Ibidem is Latin.")).ibid);
}

TEST(LibraryCitationTest, IbidSuffixReplacesTheMatchingPartOrIsAppended)
{
    EXPECT_EQ(applyIbid(QStringLiteral("Foreign Relations, 1933, vol. v, p. 643"), QStringLiteral("p. 645")),
              QStringLiteral("Foreign Relations, 1933, vol. v, p. 645"));
    EXPECT_EQ(applyIbid(QStringLiteral("Foreign Relations, 1933, vol. v, p. 755"), QStringLiteral("1931, vol. ii, p. 505")),
              QStringLiteral("Foreign Relations, 1931, vol. ii, p. 505"));
    EXPECT_EQ(applyIbid(QStringLiteral("Department of State, Central Files, 400.119/7-2062"),
                        QStringLiteral("490.119/7-2062")),
              QStringLiteral("Department of State, Central Files, 490.119/7-2062"));
    EXPECT_EQ(applyIbid(QStringLiteral("Kennedy Library, President's Office Files"), QStringLiteral("p. 5")),
              QStringLiteral("Kennedy Library, President's Office Files, p. 5"));
    EXPECT_EQ(applyIbid(QStringLiteral("Kennedy Library"), QString()), QStringLiteral("Kennedy Library"));
}

TEST(LibraryCitationTest, IbidRepeatsTheMostRecentEarlierCitationOfTheDocument)
{
    Document d = document(QStringLiteral("9"), QStringLiteral("Old telegram"));
    d.body.insert(d.body.begin() + 1, paragraph(QStringLiteral("825.5151/132: Telegram"), BlockKind::InlineNote));
    d.footnotes = {
        note(QStringLiteral("d9fn1"), QStringLiteral("1"), QStringLiteral("Ibid."), 2),
        note(QStringLiteral("d9fn2"), QStringLiteral("2"), QStringLiteral("Foreign Relations, 1903, p. 350."), 2),
        note(QStringLiteral("d9fn3"), QStringLiteral("3"), QStringLiteral("Not printed."), 2),
        note(QStringLiteral("d9fn4"), QStringLiteral("4"), QStringLiteral("Ibid., p. 351."), 2),
        note(QStringLiteral("d9fn5"), QStringLiteral("5"), QStringLiteral("Ibid., p. 360."), 2),
    };
    const std::vector<QString> citations = documentCitations(d);
    ASSERT_EQ(citations.size(), 5u);
    EXPECT_EQ(citations[0], QStringLiteral("825.5151/132"));
    EXPECT_EQ(citations[1], QStringLiteral("Foreign Relations, 1903, p. 350"));
    EXPECT_EQ(citations[2], QString());
    EXPECT_EQ(citations[3], QStringLiteral("Foreign Relations, 1903, p. 351"));
    EXPECT_EQ(citations[4], QStringLiteral("Foreign Relations, 1903, p. 360"));

    Document none = document(QStringLiteral("10"), QStringLiteral("Editorial Note"));
    none.footnotes = {note(QStringLiteral("d10fn1"), QStringLiteral("1"), QStringLiteral("Ibid."))};
    EXPECT_EQ(documentCitations(none).front(), QString());
}

TEST(LibraryCitationTest, IbidWithAPagePassesOverABareFileNumber)
{
    // frus1934v05 d174: an archive file number has no pages, so "Ibid., p. 668" cannot repeat it.
    Document d = document(QStringLiteral("174"), QStringLiteral("Telegram"));
    d.footnotes = {
        note(QStringLiteral("d174fn1"), QStringLiteral("1"), QStringLiteral("839.51/4039")),
        note(QStringLiteral("d174fn2"), QStringLiteral("2"), QStringLiteral("Ibid., p. 668.")),
        note(QStringLiteral("d174fn3"), QStringLiteral("3"), QStringLiteral("Malloy, Treaties, 1775–1909, vol. i, p. 232.")),
        note(QStringLiteral("d174fn4"), QStringLiteral("4"), QStringLiteral("839.51/4040")),
        note(QStringLiteral("d174fn5"), QStringLiteral("5"), QStringLiteral("Ibid., p. 1138.")),
    };
    const std::vector<QString> citations = documentCitations(d);
    EXPECT_EQ(citations[1], QString());
    EXPECT_EQ(citations[4], QStringLiteral("Malloy, Treaties, 1775–1909, vol. i, p. 1138"));
}

TEST(LibraryCitationTest, PrintedSourceInsideProseIsCutToForeignRelations)
{
    EXPECT_EQ(parseNoteCitation(QStringLiteral("For instruction No. 214, see Foreign Relations, 1933, vol. v, p. 814; "
                                               "enclosures not printed.")).citation,
              QStringLiteral("Foreign Relations, 1933, vol. v, p. 814"));
    EXPECT_EQ(parseNoteCitation(QStringLiteral("See telegram No. 39, May 28, 1924, to the Minister in Panama. "
                                               "Foreign Relations, 1924, vol. ii, p. 522.")).citation,
              QStringLiteral("Foreign Relations, 1924, vol. ii, p. 522"));
}

// --- Real data: Documents 316–318 of FRUS 1961–63 vol. IX, as TEI and as a text copy of d317.

class LibraryRealDataTest : public ::testing::Test {
protected:
    static std::shared_ptr<const Volume> load(const QString &name)
    {
        Result<Volume> v = loadVolume(test::dataPath(name));
        if (!v) {
            // An empty volume keeps the test running to its (failing) expectations instead of crashing.
            ADD_FAILURE() << v.error().toString().toStdString();
            return std::make_shared<const Volume>();
        }
        return std::make_shared<const Volume>(std::move(v).value());
    }
    static QString tei() { return QStringLiteral("frus1961-63v09-d316-d318.xml"); }
    static QString copy() { return QStringLiteral("frus1961-63v09-d317.txt"); }
};

TEST_F(LibraryRealDataTest, ResolvesIdsOfTheExtractAndNotD312)
{
    Library library;
    const int v = library.add(load(tei()));
    const auto d316 = library.resolve(v, QStringLiteral("#d316"));
    ASSERT_TRUE(d316);
    EXPECT_EQ(library.volume(v).documents.at(std::size_t(d316->document)).id, QStringLiteral("d316"));
    EXPECT_FALSE(library.resolve(v, QStringLiteral("#d312")));
    const auto fn = library.resolve(v, QStringLiteral("#d318fn3"));
    ASSERT_TRUE(fn);
    EXPECT_EQ(fn->target.kind, IdTarget::Footnote);
    const Document &d318 = library.volume(v).documents.at(std::size_t(fn->document));
    EXPECT_EQ(d318.id, QStringLiteral("d318"));
    EXPECT_EQ(d318.footnotes.at(std::size_t(fn->target.index)).id, QStringLiteral("d318fn3"));
    EXPECT_TRUE(library.resolve(v, QStringLiteral("#pg_703")));

    // Every reference of the extract: only #d312 fails.
    int unresolved = 0;
    for (const Document &doc : library.volume(v).documents) {
        for (const CrossReference &ref : doc.crossReferences)
            unresolved += library.resolve(v, ref) ? 0 : 1;
    }
    EXPECT_EQ(unresolved, 1);
}

TEST_F(LibraryRealDataTest, CrossVolumePageResolvesOnlyWhenThatVolumeIsOpen)
{
    Library library;
    const int v = library.add(load(tei()));
    EXPECT_FALSE(library.resolve(v, QStringLiteral("frus1961-63v13#pg_242")));
    auto v13 = std::make_shared<Volume>();
    v13->id = QStringLiteral("frus1961-63v13");
    v13->ids.insert(QStringLiteral("pg_242"), IdTarget{IdTarget::Page, -1, 0});
    v13->pages.push_back(VolumePage{QStringLiteral("242"), QStringLiteral("pg_242"), -1});
    const int i13 = library.add(v13);
    const auto target = library.resolve(v, QStringLiteral("frus1961-63v13#pg_242"));
    ASSERT_TRUE(target);
    EXPECT_EQ(target->volume, i13);
}

TEST_F(LibraryRealDataTest, TextCopyOfD317BelongsToVolumeNineAndResolvesDocument316)
{
    Library library;
    const int copy = library.add(load(LibraryRealDataTest::copy()));
    ASSERT_EQ(library.volume(copy).documents.size(), 1u);
    const Document &d317 = library.volume(copy).documents.front();
    ASSERT_FALSE(d317.crossReferences.empty());
    const CrossReference &doc316 = d317.crossReferences.front();
    EXPECT_EQ(doc316.target, QStringLiteral("d316"));
    EXPECT_EQ(library.homeVolume(copy), -1);
    EXPECT_FALSE(library.resolve(copy, doc316));

    const int tei = library.add(load(LibraryRealDataTest::tei()));
    EXPECT_EQ(library.homeVolume(copy), tei);
    EXPECT_EQ(library.volumeIdOf(copy), QStringLiteral("frus1961-63v09"));
    const auto target = library.resolve(copy, doc316);
    ASSERT_TRUE(target);
    EXPECT_EQ(target->volume, tei);
    EXPECT_EQ(library.volume(tei).documents.at(std::size_t(target->document)).id, QStringLiteral("d316"));
}

TEST_F(LibraryRealDataTest, LoneTextCopyResolvesDocument316OnlyWhileOneIsOpen)
{
    // A copy of d317 whose title was edited belongs to no volume, so "Document 316" is looked up by number.
    auto lone = std::make_shared<Volume>(*load(copy()));
    ASSERT_FALSE(lone->documents.empty());
    ASSERT_FALSE(lone->documents.front().crossReferences.empty());
    lone->documents.front().title = QStringLiteral("A letter of unknown provenance");
    Library library;
    const int copy = library.add(lone);
    const CrossReference ref = lone->documents.front().crossReferences.front();
    library.add(load(tei()));
    EXPECT_EQ(library.homeVolume(copy), -1);
    EXPECT_TRUE(library.resolve(copy, ref));
    library.add(teiVolume(QStringLiteral("frus1958-60v04"), {QStringLiteral("316")}));
    EXPECT_FALSE(library.resolve(copy, ref));
}

TEST_F(LibraryRealDataTest, IbidOfD317Footnote1IsTheSourceNoteCitationInBothImporters)
{
    Library library;
    const int tei = library.add(load(LibraryRealDataTest::tei()));
    const int copy = library.add(load(LibraryRealDataTest::copy()));
    const QString expected = QStringLiteral("Department of State, Central Files, 460.509/8-1762");
    const int d317 = library.volume(tei).documentIndex(QStringLiteral("d317"));
    ASSERT_GE(d317, 0);
    EXPECT_EQ(library.citation(tei, d317, 1), expected);
    EXPECT_EQ(library.citation(copy, 0, 1), expected);
    EXPECT_EQ(library.citation(tei, d317, 0), expected);
    EXPECT_EQ(library.citation(copy, 0, 3), QStringLiteral("Department of State, Central Files, 460.119/9-562"));
    EXPECT_EQ(library.citation(tei, d317, 2), QString());
    // d316's note 1 repeats the source but names another file: "(Ibid., 490.119/7-2062)".
    const int d316 = library.volume(tei).documentIndex(QStringLiteral("d316"));
    EXPECT_EQ(library.citation(tei, d316, 1), QStringLiteral("Department of State, Central Files, 490.119/7-2062"));
}

TEST_F(LibraryRealDataTest, IbidChainsInAnOldVolumeFollowThePrintedSource)
{
    Library library;
    const int v = library.add(load(QStringLiteral("frus1934v05.xml")));
    const int d434 = library.volume(v).documentIndex(QStringLiteral("d434"));
    ASSERT_GE(d434, 0);
    const Document &doc = library.volume(v).documents[std::size_t(d434)];
    const int fn42 = doc.footnoteIndex(QStringLiteral("d434fn42"));
    const int fn45 = doc.footnoteIndex(QStringLiteral("d434fn45"));
    ASSERT_GE(fn42, 0);
    ASSERT_GE(fn45, 0);
    // fn37 "Hunter Miller (ed.), Treaties …, vol. 5, p. 507", fn38 "Ibid., vol. 3, p. 531", … fn42 "Ibid., vol. 4, p. 329".
    EXPECT_EQ(library.citation(v, d434, fn42),
              QStringLiteral("Hunter Miller (ed.), Treaties and Other International Acts of the United States of America, "
                             "vol. 4, p. 329"));
    // fn44 "Malloy, Treaties, 1775–1909, vol. i, p. 232." then fn45 "Ibid., p. 1138."
    EXPECT_EQ(library.citation(v, d434, fn45), QStringLiteral("Malloy, Treaties, 1775–1909, vol. i, p. 1138"));
}

// Issue 8: the window asks for every note's citation at once; the answer is each note's, as asked alone.
TEST_F(LibraryRealDataTest, Issue8AllCitationsOfADocumentAtOnceAreEachNotesOwn)
{
    Library library;
    library.add(load(tei()));
    library.add(load(copy()));
    library.add(load(QStringLiteral("frus1934v05.xml")));
    int cited = 0;
    for (int v = 0; v < library.size(); ++v) {
        for (int d = 0; d < int(library.volume(v).documents.size()); ++d) {
            const std::vector<QString> all = library.citations(v, d);
            ASSERT_EQ(all.size(), library.volume(v).documents[std::size_t(d)].footnotes.size());
            for (int i = 0; i < int(all.size()); ++i) {
                EXPECT_EQ(all[std::size_t(i)], library.citation(v, d, i)) << v << ' ' << d << ' ' << i;
                cited += all[std::size_t(i)].isEmpty() ? 0 : 1;
            }
        }
    }
    EXPECT_GT(cited, 250);
    EXPECT_TRUE(library.citations(0, -1).empty());
    EXPECT_TRUE(library.citations(0, 99).empty());
    EXPECT_TRUE(library.citations(7, 0).empty());
}

// Issue 8: the Ibid. chain of frus1934v05 resolves as it did when each note walked all notes before it
// (the citations of every note, in file order, hash to what that code gave). Issue 11 item 7 changed 18
// of the 712 on purpose: an "ibid." inside a note resolves (d28 fn15, d125 fn46, d358 fn55, d497 fn7,
// fn8, fn10, d575 fn5, d592 fn27), a printing named after a semicolon is cited (d497 fn6, fn9; d7 fn2,
// d151 fn69, d432 fn31, d448 fn88, d450 fn90, d452 fn91, d555 fn76) and d40 fn36 cites its own source
// without the clause that repeats it.
TEST_F(LibraryRealDataTest, Issue8IbidChainsOfAWholeVolumeAreUnchanged)
{
    const std::shared_ptr<const Volume> volume = load(QStringLiteral("frus1934v05.xml"));
    QStringList all;
    for (const Document &doc : volume->documents) {
        // Each document on its own, as then: what Issue 11 adds across documents is tested apart
        // (tests/core/parse/citation_test.cpp; it fills in d48 fn2 and d174 fn2, empty here).
        Document alone = doc;
        alone.precedingCitations = {};
        for (const QString &c : documentCitations(alone))
            all.append(c);
    }
    ASSERT_EQ(all.size(), 712);
    EXPECT_EQ(QCryptographicHash::hash(all.join(QLatin1Char('\n')).toUtf8(), QCryptographicHash::Sha256).toHex(),
              QByteArray("f062b45d666de590a1cb7527d3ff4441c201588d9b63483bbcaf649afe13c7ec"));
}

// An "Ibid., p. 5" after a run of bare file numbers passes over all of them to the printed source;
// a file-number "Ibid." takes the most recent citation, bare or not.
TEST(Citations, Issue8IbidPassesOverALongRunOfBareFileNumbers)
{
    Document d = document(QStringLiteral("5"), QStringLiteral("Letter"));
    d.footnotes.push_back(note(QStringLiteral("f0"), QStringLiteral("1"), QStringLiteral("Foreign Relations, 1933, vol. v, p. 643.")));
    for (int i = 0; i < 2000; ++i)
        d.footnotes.push_back(note(QStringLiteral("f%1").arg(i + 1), QString::number(i + 2), QStringLiteral("825.5151/%1: Telegram").arg(i)));
    d.footnotes.push_back(note(QStringLiteral("fp"), QStringLiteral("p"), QStringLiteral("Ibid., p. 650.")));
    d.footnotes.push_back(note(QStringLiteral("ff"), QStringLiteral("f"), QStringLiteral("Ibid.")));
    const std::vector<QString> c = documentCitations(d);
    ASSERT_EQ(c.size(), d.footnotes.size());
    EXPECT_EQ(c[c.size() - 2], QStringLiteral("Foreign Relations, 1933, vol. v, p. 650"));
    EXPECT_EQ(c.back(), QStringLiteral("Foreign Relations, 1933, vol. v, p. 650"));
    EXPECT_EQ(c[2000], QStringLiteral("825.5151/1999"));
}

std::shared_ptr<Volume> openedFrom(const QString &path, const QString &id, const QString &title)
{
    auto v = teiVolume(id, {QStringLiteral("316")});
    v->sourcePath = path;
    v->title = title;
    return v;
}

TEST(OpenLibraryTest, OpeningTheSameFileAgainReplacesItInPlace)
{
    OpenLibrary open;
    QSignalSpy added(&open, &OpenLibrary::volumeAdded);
    QSignalSpy replaced(&open, &OpenLibrary::volumeReplaced);
    const QString path = QStringLiteral("/data/frus1961-63v09.xml");
    EXPECT_EQ(open.add(openedFrom(path, QStringLiteral("frus1961-63v09"), QStringLiteral("old"))), 0);
    EXPECT_EQ(open.add(openedFrom(QStringLiteral("/data/other.xml"), QStringLiteral("frus1961-63v13"), {})), 1);
    EXPECT_EQ(open.add(openedFrom(path, QStringLiteral("frus1961-63v09"), QStringLiteral("new"))), 0);

    EXPECT_EQ(open.library().size(), 2);
    EXPECT_EQ(open.library().volume(0).title, QStringLiteral("new"));
    ASSERT_EQ(added.count(), 2);
    EXPECT_EQ(added.at(1).front().toInt(), 1);
    ASSERT_EQ(replaced.count(), 1);
    EXPECT_EQ(replaced.front().front().toInt(), 0);
}

TEST(OpenLibraryTest, SameIdFromAnotherFileOrAnotherIdIsAddedAlongside)
{
    OpenLibrary open;
    QSignalSpy replaced(&open, &OpenLibrary::volumeReplaced);
    const QString path = QStringLiteral("/data/frus1961-63v09.xml");
    open.add(openedFrom(path, QStringLiteral("frus1961-63v09"), {}));
    EXPECT_EQ(open.add(openedFrom(QStringLiteral("/copy/frus1961-63v09.xml"), QStringLiteral("frus1961-63v09"), {})), 1);
    EXPECT_EQ(open.add(openedFrom(path, QString(), {})), 2);
    EXPECT_EQ(open.library().size(), 3);
    EXPECT_EQ(replaced.count(), 0);
}

} // namespace
} // namespace marginalia

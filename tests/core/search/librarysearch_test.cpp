#include "search/librarysearch.h"

#include "library/library.h"
#include "model/readingtext.h"
#include "parse/volumeloader.h"

#include "support/testdata.h"

#include <gtest/gtest.h>

#include <ostream>

namespace marginalia {

void PrintTo(const SearchHit &h, std::ostream *os)
{
    *os << "{volume " << h.volume << ", document " << h.document << ", footnote " << h.footnote << ", offset "
        << h.readingOffset << ", length " << h.length << ", \"" << h.context.toStdString() << "\"}";
}

namespace {

std::shared_ptr<const Volume> load(const char *name)
{
    Result<Volume> volume = loadVolume(test::dataPath(QString::fromUtf8(name)));
    if (!volume) {
        ADD_FAILURE() << qPrintable(volume.error().toString());
        return std::make_shared<const Volume>();
    }
    return std::make_shared<const Volume>(std::move(*volume));
}

// The text a hit points into: the body's reading text or its note's plain text.
QString textOf(const Library &library, const SearchHit &hit)
{
    const Document &doc = library.volume(hit.volume).documents.at(std::size_t(hit.document));
    return hit.footnote < 0 ? ReadingText(doc.body).text() : plainText(doc.footnotes.at(std::size_t(hit.footnote)).content);
}

QString matched(const Library &library, const SearchHit &hit)
{
    return textOf(library, hit).mid(hit.readingOffset, hit.length);
}

bool samePlaces(const std::vector<SearchHit> &a, const std::vector<SearchHit> &b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].volume != b[i].volume || a[i].document != b[i].document || a[i].footnote != b[i].footnote
            || a[i].readingOffset != b[i].readingOffset || a[i].length != b[i].length)
            return false;
    }
    return true;
}

// The d316–d318 extract (volume 0) and the text copy of d317 (volume 1).
class LibrarySearchTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_library.add(load("frus1961-63v09-d316-d318.xml"));
        m_library.add(load("frus1961-63v09-d317.txt"));
    }
    Library m_library;
};

TEST_F(LibrarySearchTest, FindsNatoInTheTextCopysBodyAndNotesAtTheRightOffsets)
{
    SearchOptions options;
    options.volume = 1;
    const std::vector<SearchHit> hits = searchLibrary(m_library, QStringLiteral("nato"), options);
    // d317 says NATO three times in its body and once each in notes 1 and 3.
    int inBody = 0;
    int inNotes = 0;
    for (const SearchHit &hit : hits) {
        EXPECT_EQ(hit.volume, 1);
        EXPECT_EQ(hit.document, 0);
        EXPECT_EQ(matched(m_library, hit), QStringLiteral("NATO")) << ::testing::PrintToString(hit);
        EXPECT_EQ(hit.context.mid(hit.contextStart, hit.length), QStringLiteral("NATO"));
        (hit.footnote < 0 ? inBody : inNotes) += 1;
    }
    EXPECT_EQ(inBody, 3);
    EXPECT_EQ(inNotes, 2);
    ASSERT_EQ(hits.size(), 5u);
    EXPECT_EQ(hits[3].footnote, 1);
    EXPECT_EQ(hits[4].footnote, 3);
}

TEST_F(LibrarySearchTest, TheSameLetterGivesTheSameHitsInBothCopies)
{
    const int d317 = m_library.volume(0).documentIndex(QStringLiteral("d317"));
    SearchOptions tei;
    tei.volume = 0;
    tei.document = d317;
    SearchOptions copy;
    copy.volume = 1;
    const auto teiHits = searchLibrary(m_library, QStringLiteral("NATO"), tei);
    const auto copyHits = searchLibrary(m_library, QStringLiteral("NATO"), copy);
    ASSERT_EQ(teiHits.size(), copyHits.size());
    for (std::size_t i = 0; i < teiHits.size(); ++i) {
        EXPECT_EQ(teiHits[i].document, d317);
        EXPECT_EQ(teiHits[i].context, copyHits[i].context);
    }
}

TEST_F(LibrarySearchTest, CurlyAndStraightQuotesMatchTheSamePlaces)
{
    // The text has “views and suggestions … NATO countries.” with curly quotes.
    const auto curly = searchLibrary(m_library, QStringLiteral("\u201Cviews and suggestions"));
    const auto straight = searchLibrary(m_library, QStringLiteral("\"views and suggestions"));
    ASSERT_EQ(curly.size(), 2u); // d317 note 3, in the TEI and in the text copy
    EXPECT_TRUE(samePlaces(curly, straight));
    EXPECT_EQ(matched(m_library, straight[0]), QStringLiteral("\u201Cviews and suggestions"));

    const auto closing = searchLibrary(m_library, QStringLiteral("countries.\" (Department"));
    EXPECT_EQ(closing.size(), 2u);
}

TEST_F(LibrarySearchTest, DashesAndAccentsFold)
{
    Library library;
    auto volume = std::make_shared<Volume>();
    Document doc;
    Block block;
    block.text = QStringLiteral("The 1961\u201363 talks at Bogot\u00E1 \u2014 and in Per\u00FA \u2014 ended.");
    doc.body = {block};
    volume->documents.push_back(doc);
    library.add(volume);
    EXPECT_EQ(searchLibrary(library, QStringLiteral("1961-63")).size(), 1u);
    EXPECT_EQ(searchLibrary(library, QStringLiteral("bogota - and")).size(), 1u);
    EXPECT_EQ(searchLibrary(library, QStringLiteral("PERU")).size(), 1u);
    EXPECT_EQ(searchLibrary(library, QStringLiteral("Bogot\u00C1")).size(), 1u);
}

TEST_F(LibrarySearchTest, CaseSensitiveSearchTellsCaseApart)
{
    SearchOptions options;
    options.volume = 1;
    options.caseSensitive = true;
    EXPECT_TRUE(searchLibrary(m_library, QStringLiteral("nato"), options).empty());
    EXPECT_EQ(searchLibrary(m_library, QStringLiteral("NATO"), options).size(), 5u);
}

TEST_F(LibrarySearchTest, WholeWordsSkipsPartsOfWords)
{
    SearchOptions options;
    options.volume = 1;
    // "control" also occurs inside "controls"; as a whole word it does not.
    const auto anywhere = searchLibrary(m_library, QStringLiteral("control"), options);
    options.wholeWords = true;
    const auto words = searchLibrary(m_library, QStringLiteral("control"), options);
    EXPECT_GT(anywhere.size(), words.size());
    for (const SearchHit &hit : words) {
        const QString text = textOf(m_library, hit);
        const qsizetype end = hit.readingOffset + hit.length;
        EXPECT_TRUE(end == text.size() || !text.at(end).isLetterOrNumber()) << ::testing::PrintToString(hit);
        EXPECT_TRUE(hit.readingOffset == 0 || !text.at(hit.readingOffset - 1).isLetterOrNumber());
    }
    options.wholeWords = true;
    EXPECT_EQ(searchLibrary(m_library, QStringLiteral("Soviet bloc"), options).size(), 3u);
}

TEST_F(LibrarySearchTest, NotesCanBeLeftOut)
{
    SearchOptions options;
    options.volume = 1;
    options.includeNotes = false;
    const auto hits = searchLibrary(m_library, QStringLiteral("NATO"), options);
    EXPECT_EQ(hits.size(), 3u);
    for (const SearchHit &hit : hits)
        EXPECT_EQ(hit.footnote, -1);
}

TEST_F(LibrarySearchTest, ContextIsOneLineAroundTheHitCutAtWords)
{
    SearchOptions options;
    options.volume = 1;
    const auto hits = searchLibrary(m_library, QStringLiteral("unanimity"), options);
    ASSERT_EQ(hits.size(), 1u);
    const SearchHit &hit = hits[0];
    EXPECT_EQ(hit.context.mid(hit.contextStart, hit.length), QStringLiteral("unanimity"));
    EXPECT_FALSE(hit.context.contains(QLatin1Char('\n')));
    EXPECT_TRUE(hit.context.startsWith(QChar(0x2026)));
    EXPECT_TRUE(hit.context.endsWith(QChar(0x2026)));
    EXPECT_LE(hit.context.size(), 2 * 40 + hit.length + 2);
    EXPECT_GE(hit.context.size(), 40);
    // Whole words only, apart from the ellipses.
    const QString inner = hit.context.mid(1, hit.context.size() - 2);
    const QString text = textOf(m_library, hit);
    EXPECT_TRUE(text.contains(QLatin1Char(' ') + inner + QLatin1Char(' '))) << inner.toStdString();

    // The title line is its own block: its context stops there, without an ellipsis.
    const auto title = searchLibrary(m_library, QStringLiteral("317. Letter"), options);
    ASSERT_EQ(title.size(), 1u);
    EXPECT_EQ(title[0].contextStart, 0);
    EXPECT_FALSE(title[0].context.startsWith(QChar(0x2026)));
}

TEST_F(LibrarySearchTest, EmptyQueryAndOutOfRangeLimitsFindNothing)
{
    EXPECT_TRUE(searchLibrary(m_library, QString()).empty());
    SearchOptions options;
    options.volume = 9;
    EXPECT_TRUE(searchLibrary(m_library, QStringLiteral("NATO"), options).empty());
    options.volume = 0;
    options.document = 9;
    EXPECT_TRUE(searchLibrary(m_library, QStringLiteral("NATO"), options).empty());
}

TEST(LibrarySearchVolume, Frus1934v05StopsAtMaxHitsWithValidPlaces)
{
    Library library;
    library.add(load("frus1934v05.xml"));
    ASSERT_EQ(library.size(), 1);
    SearchOptions options;
    options.maxHits = 100;
    const auto hits = searchLibrary(library, QStringLiteral("exchange"), options);
    ASSERT_EQ(hits.size(), 100u);
    for (const SearchHit &hit : hits) {
        ASSERT_EQ(hit.volume, 0);
        ASSERT_GE(hit.document, 0);
        ASSERT_LT(hit.document, int(library.volume(0).documents.size()));
        EXPECT_EQ(matched(library, hit).toLower(), QStringLiteral("exchange"));
    }

    options.maxHits = 100000;
    const auto all = searchLibrary(library, QStringLiteral("exchange"), options);
    // Counted independently over the text of the 639 document divs (Python's ElementTree, any case).
    EXPECT_EQ(all.size(), 506u);
    // Apostrophes as typed find the volume's curly ones; 376 by the same independent count.
    const auto typed = searchLibrary(library, QStringLiteral("Department's"), options);
    EXPECT_EQ(typed.size(), 376u);
    EXPECT_TRUE(samePlaces(typed, searchLibrary(library, QStringLiteral("Department\u2019s"), options)));
}

} // namespace
} // namespace marginalia

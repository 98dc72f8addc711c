#include "util/textfold.h"

#include "library/library.h"
#include "parse/volumeloader.h"
#include "search/librarysearch.h"
#include "store/ftsquery.h"

#include "support/testdata.h"

#include <gtest/gtest.h>

namespace marginalia {
namespace {

// The one table of what "ignore accents and case" means, for every search of the project.
struct FoldRow {
    const char16_t *text;
    const char16_t *ignoringCase; // FoldCase::Ignore
    const char16_t *keepingCase;  // FoldCase::Keep
};

const FoldRow kFoldTable[] = {
    // Real strings of the FRUS volumes in tests/data.
    {u"Chargé d’Affaires", u"charge d'affaires", u"Charge d'Affaires"},
    {u"Argüello", u"arguello", u"Arguello"},
    {u"Logroño", u"logrono", u"Logrono"},
    {u"Bogotá", u"bogota", u"Bogota"},
    {u"The Ambassador in Chile (Sevier)", u"the ambassador in chile (sevier)", u"The Ambassador in Chile (Sevier)"},
    {u"Ministro de Relaciones Exteriores", u"ministro de relaciones exteriores", u"Ministro de Relaciones Exteriores"},
    {u"Sañudo", u"sanudo", u"Sanudo"},
    {u"RÉPUBLIQUE", u"republique", u"REPUBLIQUE"},
    // Several decomposition steps: ǘ → ü + ´ → u + ¨ + ´.
    {u"\u01D8", u"u", u"u"},
    {u"İstanbul", u"istanbul", u"Istanbul"},
    // No canonical decomposition: stays a letter of its own, case folded.
    {u"Ødegaard Æsir Łódź", u"ødegaard æsir łodz", u"Ødegaard Æsir Łodz"},
    // "ss" and "fi" would change the length, and offsets must carry over.
    {u"Straße", u"straße", u"Straße"},
    {u"\uFB01nal", u"\uFB01nal", u"\uFB01nal"},
    // Typographic quotes, dashes, minus, no-break spaces.
    {u"1961–63 — “views” ‘x’ \u22121", u"1961-63 - \"views\" 'x' -1", u"1961-63 - \"views\" 'x' -1"},
    {u"5\u00A0p.m.\u202F!", u"5 p.m. !", u"5 p.m. !"},
    // Greek sigma in all its forms.
    {u"ΣΟΣ ς", u"σοσ σ", u"ΣΟΣ ς"},
    // A combining mark and a surrogate pair are kept: either would need a unit removed.
    {u"e\u0301", u"e\u0301", u"e\u0301"},
    {u"\U0001F600 ok", u"\U0001F600 ok", u"\U0001F600 ok"},
    {u"", u"", u""},
};

TEST(TextFold, EveryRowOfTheTable)
{
    for (const FoldRow &row : kFoldTable) {
        const QString text = QString::fromUtf16(row.text);
        EXPECT_EQ(foldForSearch(text), QString::fromUtf16(row.ignoringCase)) << text.toStdString();
        EXPECT_EQ(foldForSearch(text, FoldCase::Keep), QString::fromUtf16(row.keepingCase)) << text.toStdString();
    }
}

TEST(TextFold, KeepsTheLengthSoOffsetsCarryOver)
{
    for (const FoldRow &row : kFoldTable) {
        const QString text = QString::fromUtf16(row.text);
        EXPECT_EQ(foldForSearch(text).size(), text.size()) << text.toStdString();
    }
}

TEST(TextFold, IntoABufferGivesTheSameAndShrinksIt)
{
    QString buffer = QStringLiteral("a much longer text than the next one");
    foldForSearch(u"Sañudo", FoldCase::Ignore, buffer);
    EXPECT_EQ(buffer, QStringLiteral("sanudo"));
}

// The library search and the annotation search's snippets fold alike: the same folded query finds
// the same words of a real volume.
TEST(TextFold, LibrarySearchAndSnippetsAgreeOnARealVolume)
{
    Result<Volume> volume = loadVolume(test::dataPath(QStringLiteral("frus1934v05.xml")));
    ASSERT_TRUE(volume) << volume.error().toString().toStdString();
    Library library;
    library.add(std::make_shared<const Volume>(std::move(volume).value()));
    const std::vector<SearchHit> accented = searchLibrary(library, QStringLiteral("Chargé d’Affaires"));
    const std::vector<SearchHit> plain = searchLibrary(library, QStringLiteral("CHARGE D'AFFAIRES"));
    ASSERT_FALSE(accented.empty());
    EXPECT_EQ(accented.size(), plain.size());
    EXPECT_EQ(searchLibrary(library, QStringLiteral("arguello")).size(),
              searchLibrary(library, QStringLiteral("Argüello")).size());
    EXPECT_FALSE(searchLibrary(library, QStringLiteral("arguello")).empty());

    const SnippetMaker snippets(searchTerms(QStringLiteral("arguello")));
    EXPECT_TRUE(snippets.snippet(QStringLiteral("Señor Argüello called.")).contains(QStringLiteral("«Argüello»")));
}

} // namespace
} // namespace marginalia

#include "search/queryhits.h"

#include "model/readingtext.h"
#include "parse/volumeloader.h"

#include "support/testdata.h"

#include <QRegularExpression>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

QString readingTextOf(const QString &file, const QString &id)
{
    Result<Volume> volume = loadVolume(test::dataPath(file));
    EXPECT_TRUE(volume) << volume.error().toString().toStdString();
    if (!volume)
        return {};
    return ReadingText(volume->documents.at(std::size_t(volume->documentIndex(id))).body).text();
}

// A stemmed word is found in all its forms: every word of d318 beginning "trad" (trade, traders,
// trading), counted here with a plain regular expression, and each hit is such a word.
TEST(LibraryQueryHits, FindsEveryFormOfAStemmedWordInTheReadingText)
{
    const QString text = readingTextOf(QStringLiteral("frus1961-63v09-d316-d318.xml"), QStringLiteral("d318"));
    const QRegularExpression word(QStringLiteral("\\btrad\\w*"), QRegularExpression::CaseInsensitiveOption);
    int expected = 0;
    for (auto it = word.globalMatch(text); it.hasNext(); it.next())
        ++expected;
    ASSERT_GT(expected, 3);
    const auto hits = libraryQueryHits(QStringLiteral("trade"), text);
    ASSERT_EQ(int(hits.size()), expected);
    for (const auto &[start, end] : hits)
        EXPECT_TRUE(text.mid(start, end - start).startsWith(QStringLiteral("trad"), Qt::CaseInsensitive))
            << text.mid(start, end - start).toStdString();
}

TEST(LibraryQueryHits, MarksPhrasesWholeAndNothingAfterNot)
{
    const QString text = readingTextOf(QStringLiteral("frus1961-63v09-d316-d318.xml"), QStringLiteral("d318"));
    const auto phrase = libraryQueryHits(QStringLiteral("\"Soviet bloc\" NOT Berlin"), text);
    ASSERT_FALSE(phrase.empty());
    for (const auto &[start, end] : phrase)
        EXPECT_EQ(text.mid(start, end - start).simplified().toLower(), QStringLiteral("soviet bloc"));
}

TEST(LibraryQueryHits, AQueryTheSyntaxRefusesStillMarksItsWords)
{
    const QString text = QStringLiteral("A code of fair practices on trade.");
    const auto hits = libraryQueryHits(QStringLiteral("\"fair practices"), text);
    ASSERT_EQ(hits.size(), 1u); // the quote left open runs to the end: one phrase
    EXPECT_EQ(text.mid(hits[0].first, hits[0].second - hits[0].first), QStringLiteral("fair practices"));
}

} // namespace
} // namespace marginalia

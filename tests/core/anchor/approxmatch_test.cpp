#include "anchor/approxmatch.h"

#include <QString>

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <tuple>
#include <vector>

namespace marginalia {
namespace {

using EndAndErrors = std::tuple<int, int>;

// Sellers' O(nm) search matrix, the definition Myers' algorithm computes faster: for each end in
// the text, the fewest edits turning the pattern into some substring ending there.
std::vector<EndAndErrors> bruteForceEnds(QStringView text, QStringView pattern, int maxErrors)
{
    const auto m = std::size_t(pattern.size());
    std::vector<int> column(m + 1);
    for (std::size_t i = 0; i <= m; ++i)
        column[i] = int(i);
    std::vector<EndAndErrors> ends;
    for (qsizetype j = 0; j < text.size(); ++j) {
        int diagonal = column[0]; // row 0 stays 0: a match may start anywhere
        for (std::size_t i = 1; i <= m; ++i) {
            const int up = column[i];
            column[i] = std::min({diagonal + (pattern[qsizetype(i - 1)] == text[j] ? 0 : 1), up + 1,
                                  column[i - 1] + 1});
            diagonal = up;
        }
        if (column[m] <= maxErrors)
            ends.emplace_back(int(j + 1), column[m]);
    }
    return ends;
}

int levenshtein(QStringView a, QStringView b)
{
    std::vector<int> row(std::size_t(b.size()) + 1);
    for (std::size_t j = 0; j < row.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int up = row[std::size_t(j)];
            row[std::size_t(j)] =
                std::min({diagonal + (a[i - 1] == b[j - 1] ? 0 : 1), up + 1, row[std::size_t(j - 1)] + 1});
            diagonal = up;
        }
    }
    return row.back();
}

// The earliest start of a best match ending at `end` (the longest one), by trying every start.
int bruteForceStart(QStringView text, QStringView pattern, int end, int errors)
{
    const int from = std::max(0, end - int(pattern.size()) - errors);
    for (int start = from; start <= end; ++start) {
        if (levenshtein(pattern, text.mid(start, end - start)) == errors)
            return start;
    }
    return -1;
}

std::vector<EndAndErrors> endsOf(const std::vector<ApproxMatch> &matches)
{
    std::vector<EndAndErrors> ends;
    for (const ApproxMatch &match : matches)
        ends.emplace_back(match.end, match.errors);
    return ends;
}

QString randomString(std::mt19937 &random, int length, const QString &alphabet)
{
    std::uniform_int_distribution<int> pick(0, int(alphabet.size()) - 1);
    QString s;
    s.reserve(length);
    for (int i = 0; i < length; ++i)
        s.append(alphabet.at(pick(random)));
    return s;
}

TEST(ApproxMatch, FindsAnExactMatchWithNoErrors)
{
    const QString text = QStringLiteral("the Soviet bloc trade");
    const std::vector<ApproxMatch> matches = approximateMatches(text, u"Soviet", 0);
    ASSERT_EQ(matches.size(), 1u);
    EXPECT_EQ(matches[0].start, 4);
    EXPECT_EQ(matches[0].end, 10);
    EXPECT_EQ(matches[0].errors, 0);
}

TEST(ApproxMatch, FindsAMisspeltWordWithItsErrorsAndStart)
{
    const QString text = QStringLiteral("the Coordinating Committee met");
    const std::vector<ApproxMatch> matches = approximateMatches(text, u"Comittee", 1);
    const auto best = std::min_element(matches.begin(), matches.end(),
                                       [](const ApproxMatch &a, const ApproxMatch &b) { return a.errors < b.errors; });
    ASSERT_NE(best, matches.end());
    EXPECT_EQ(best->errors, 1);
    EXPECT_EQ(text.mid(best->start, best->end - best->start), QStringLiteral("Committee"));
}

TEST(ApproxMatch, IsCaseSensitive)
{
    EXPECT_TRUE(approximateMatches(u"SOVIET", u"soviet", 0).empty());
    EXPECT_EQ(approximateMatches(u"SOVIET", u"soviet", 6).size(), 6u);
}

TEST(ApproxMatch, EmptyInputsGiveNoMatches)
{
    EXPECT_TRUE(approximateMatches(u"", u"abc", 3).empty());
    EXPECT_TRUE(approximateMatches(u"abc", u"", 3).empty());
    EXPECT_TRUE(approximateMatches(u"", u"", 0).empty());
    EXPECT_TRUE(approximateMatches(u"abc", u"abc", -1).empty());
}

// With an error budget of the whole pattern every end matches, the worst by deleting the pattern.
TEST(ApproxMatch, BudgetAsLongAsThePatternMatchesEveryEnd)
{
    const QString text = QStringLiteral("xyzxyz");
    const std::vector<ApproxMatch> matches = approximateMatches(text, u"ab", 5);
    ASSERT_EQ(endsOf(matches), bruteForceEnds(text, u"ab", 5));
    ASSERT_EQ(matches.size(), 6u);
    for (const ApproxMatch &match : matches) {
        EXPECT_EQ(match.errors, 2);
        EXPECT_EQ(levenshtein(u"ab", QStringView(text).mid(match.start, match.end - match.start)), 2);
    }
}

// Code units are matched as they are: a pair is two of them, and half a pair is simply a mismatch.
TEST(ApproxMatch, SurrogatePairsAreMatchedAsCodeUnits)
{
    const QString face = QString::fromUcs4(U"\U0001F600");
    const QString text = QStringLiteral("a ") + face + QStringLiteral(" b ") + face + face;
    const QString pattern = face + QStringLiteral(" b");
    const std::vector<ApproxMatch> exact = approximateMatches(text, pattern, 0);
    ASSERT_EQ(exact.size(), 1u);
    EXPECT_EQ(exact[0].start, 2);
    EXPECT_EQ(exact[0].end, 6);
    for (int k = 0; k <= 5; ++k) {
        EXPECT_EQ(endsOf(approximateMatches(text, pattern, k)), bruteForceEnds(text, pattern, k)) << k;
        EXPECT_EQ(endsOf(approximateMatches(text, face.left(1), k)), bruteForceEnds(text, face.left(1), k)) << k;
    }
}

// Every pattern length from 1 to 200, so one, two, three and four 64-bit blocks, each with several
// error budgets: the ends and errors must be exactly those of the O(nm) definition.
TEST(ApproxMatch, AgreesWithBruteForceForPatternsOfEveryLength)
{
    std::mt19937 random(20240917);
    const QString alphabet = QStringLiteral("acgt");
    const QString text = randomString(random, 600, alphabet);
    for (int length = 1; length <= 200; ++length) {
        // Half the patterns are mutated copies of the text, so there are real matches to find.
        QString pattern = randomString(random, length, alphabet);
        if (length % 2 == 0) {
            pattern = text.mid(int(random() % (600 - length)), length);
            for (int edit = 0; edit < length / 10; ++edit)
                pattern[int(random() % length)] = alphabet.at(int(random() % 4));
        }
        // A budget past the pattern's length matches every end: kept to one and two blocks for time.
        for (const int maxErrors : {0, length / 8, length / 4, length / 2, length <= 70 ? length + 3 : 0}) {
            const std::vector<ApproxMatch> matches = approximateMatches(text, pattern, maxErrors);
            ASSERT_EQ(endsOf(matches), bruteForceEnds(text, pattern, maxErrors))
                << "length " << length << ", maxErrors " << maxErrors;
        }
    }
}

// The start of each match: the pattern is that many edits from text[start, end), and no longer stretch
// ending there is as good (approx-string-match also prefers the longest).
TEST(ApproxMatch, StartsAreThoseOfTheLongestBestMatch)
{
    std::mt19937 random(7);
    const QString alphabet = QStringLiteral("ab ");
    const QString text = randomString(random, 300, alphabet);
    for (const int length : {1, 5, 17, 63, 64, 65, 100, 129}) {
        // A stretch of the text with a few characters replaced: matches near it, and more by chance.
        QString pattern = text.mid(int(random() % (300 - length)), length);
        for (int edit = 0; edit < length / 8; ++edit)
            pattern[int(random() % length)] = alphabet.at(int(random() % 3));
        const std::vector<ApproxMatch> matches = approximateMatches(text, pattern, length / 3);
        EXPECT_FALSE(matches.empty()) << "length " << length;
        for (std::size_t i = 0; i < matches.size(); i += 5) {
            const ApproxMatch &match = matches[i];
            EXPECT_EQ(match.start, bruteForceStart(text, pattern, match.end, match.errors))
                << "length " << length << ", end " << match.end;
        }
    }
}

} // namespace
} // namespace marginalia

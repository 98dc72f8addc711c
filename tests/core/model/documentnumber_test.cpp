// Issue 12, item 14: a head's own number, in each of the ways FRUS files write it, and nothing else.
#include "model/documentnumber.h"

#include <gtest/gtest.h>

namespace marginalia {
namespace {

qsizetype ownLength(const char *head, const char *number)
{
    return ownNumberLength(QString::fromUtf8(head), QString::fromUtf8(number));
}

QString without(const char *head, const char *number)
{
    return withoutOwnNumber(QString::fromUtf8(head), QString::fromUtf8(number));
}

TEST(DocumentNumber, NormalNumberLosesItsDotsBracketsAndSpaces)
{
    EXPECT_EQ(normalDocumentNumber(u"11."), QStringLiteral("11"));
    EXPECT_EQ(normalDocumentNumber(u"[9.]"), QStringLiteral("9"));
    EXPECT_EQ(normalDocumentNumber(u"[9]"), QStringLiteral("9"));
    EXPECT_EQ(normalDocumentNumber(u" 60a "), QStringLiteral("60a"));
    EXPECT_EQ(normalDocumentNumber(u"317"), QStringLiteral("317"));
    EXPECT_EQ(normalDocumentNumber(u""), QString());
}

TEST(DocumentNumber, AHeadThatIsOnlyItsNumberIsAllNumber)
{
    EXPECT_EQ(ownLength("2.", "2"), 2);
    EXPECT_EQ(ownLength("10", "10"), 2);
    EXPECT_EQ(ownLength("14. ", "14"), 4);
    EXPECT_EQ(ownLength("No. 3", "3"), 5);
    EXPECT_EQ(ownLength("[9.]", "9"), 4);
    EXPECT_EQ(without("2.", "2"), QString());
    EXPECT_EQ(without("[9.]", "9"), QString());
}

TEST(DocumentNumber, TheNumberGoesInEveryFormItOpensTheTitleIn)
{
    EXPECT_EQ(without("317. Letter From Secretary of State Rusk", "317"), QStringLiteral("Letter From Secretary of State Rusk"));
    EXPECT_EQ(without("6.\nMemorandum From the Secretary", "6"), QStringLiteral("Memorandum From the Secretary"));
    EXPECT_EQ(without("No. 38.\nMr. McAdoo to Mr. Gresham.", "38"), QStringLiteral("Mr. McAdoo to Mr. Gresham."));
    EXPECT_EQ(without("No. 3\nMr. Kennan to the Secretary", "3"), QStringLiteral("Mr. Kennan to the Secretary"));
    EXPECT_EQ(without("No.3. Mr. Baker", "3"), QStringLiteral("Mr. Baker"));
    EXPECT_EQ(without("[9.] Memorandum for the Files", "9"), QStringLiteral("Memorandum for the Files"));
    EXPECT_EQ(without("[9] Memorandum", "9"), QStringLiteral("Memorandum"));
    EXPECT_EQ(without("13.Memorandum of Conversation", "13"), QStringLiteral("Memorandum of Conversation"));
    // n="11." on the div: the number's own dot does not keep the head's.
    EXPECT_EQ(without("11. Memorandum for the Record", "11."), QStringLiteral("Memorandum for the Record"));
    EXPECT_EQ(without("60a. Editorial Note", "60a"), QStringLiteral("Editorial Note"));
}

TEST(DocumentNumber, OnlyTheDocumentsOwnNumberGoes)
{
    // A year that opens the title is the title's, whatever the document's number.
    EXPECT_EQ(without("1934 Trade Agreement With the Soviet Union", "5"),
              QStringLiteral("1934 Trade Agreement With the Soviet Union"));
    EXPECT_EQ(without("1934 Trade Agreement", "1"), QStringLiteral("1934 Trade Agreement"));
    EXPECT_EQ(without("1934 Trade Agreement", "1934"), QStringLiteral("1934 Trade Agreement"));
    EXPECT_EQ(without("19. 1934 Agreement on Claims", "19"), QStringLiteral("1934 Agreement on Claims"));
    // Another document's number, a decimal, a head without any number.
    EXPECT_EQ(ownLength("50. Telegram", "5"), 0);
    EXPECT_EQ(ownLength("6. Telegram", "5"), 0);
    EXPECT_EQ(ownLength("3.5 Million Dollars for Chile", "3"), 0);
    EXPECT_EQ(ownLength("The Ambassador in Chile (Sevier) to the Secretary of State", "1"), 0);
    EXPECT_EQ(ownLength("Notes on Document 4", "4"), 0);
    EXPECT_EQ(ownLength("317. Letter", ""), 0);
}

} // namespace
} // namespace marginalia

// Issue 12, item 14: the one label of a document in the library trees, from what the importer stores now
// and from what a library index made by the old importer still holds.
#include "library/documentlabel.h"

#include "model/document.h"

#include <gtest/gtest.h>

namespace marginalia {
namespace {

Document doc(const char *number, const char *title)
{
    Document d;
    d.number = QString::fromUtf8(number);
    d.title = QString::fromUtf8(title);
    return d;
}

TEST(DocumentLabel, NumberThenTitle)
{
    EXPECT_EQ(documentLabel(doc("317", "Letter From Secretary of State Rusk to Secretary of Commerce Hodges")),
              QStringLiteral("317. Letter From Secretary of State Rusk to Secretary of Commerce Hodges"));
    EXPECT_EQ(documentLabel(doc("5", "1934 Trade Agreement With the Soviet Union")),
              QStringLiteral("5. 1934 Trade Agreement With the Soviet Union"));
}

TEST(DocumentLabel, AnEmptyTitleIsTheNumberAloneWithoutTrailingDot)
{
    EXPECT_EQ(documentLabel(doc("2", "")), QStringLiteral("2"));
    EXPECT_EQ(documentLabel(doc("14.", "")), QStringLiteral("14"));
}

TEST(DocumentLabel, NoNumberIsTheTitleAlone)
{
    EXPECT_EQ(documentLabel(doc("", "Editorial Note")), QStringLiteral("Editorial Note"));
    EXPECT_EQ(documentLabel(doc("", "")), QString());
}

// What the old importer stored: heads that are only their number kept it as their title, n="11." kept its
// dot, "13.Memorandum" and "[9.]" kept theirs.
TEST(DocumentLabel, TitlesOfAnOlderIndexDoNotRepeatTheNumber)
{
    EXPECT_EQ(documentLabel(doc("1", "1.")), QStringLiteral("1"));
    EXPECT_EQ(documentLabel(doc("2", "2.")), QStringLiteral("2"));
    EXPECT_EQ(documentLabel(doc("10", "10")), QStringLiteral("10"));
    EXPECT_EQ(documentLabel(doc("11.", "Memorandum for the Record")), QStringLiteral("11. Memorandum for the Record"));
    EXPECT_EQ(documentLabel(doc("13", "13.Memorandum of Conversation")), QStringLiteral("13. Memorandum of Conversation"));
    EXPECT_EQ(documentLabel(doc("9", "[9.] Memorandum for the Files")), QStringLiteral("9. Memorandum for the Files"));
    EXPECT_EQ(documentLabel(doc("3", "No. 3 Mr. Kennan to the Secretary of State")),
              QStringLiteral("3. Mr. Kennan to the Secretary of State"));
    EXPECT_EQ(documentTitle(doc("2", "2.")), QString());
    EXPECT_EQ(documentTitle(doc("13", "13.Memorandum of Conversation")), QStringLiteral("Memorandum of Conversation"));
}

} // namespace
} // namespace marginalia

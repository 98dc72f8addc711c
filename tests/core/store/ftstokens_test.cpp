// Issue 10: the indexer's readers tokenize the text for the full-text index, and its writer replays the
// tokens: the same index as FTS5 makes from the text.
#include "store/ftstokens.h"

#include <gtest/gtest.h>

namespace marginalia {
namespace {

TEST(FtsTokens, Issue10TheReadersTokensAreWhatPorterOverUnicode61MakesOfTheText)
{
    auto tokenizer = FtsTokenizer::create();
    ASSERT_TRUE(tokenizer) << tokenizer.error().toString().toStdString();
    // Stemmed ("secretari", "negoti"), folded ("etat", "emigr"), split at punctuation and dashes.
    EXPECT_EQ((*tokenizer)->tokens(QStringLiteral("The Secretaries of État—Émigrés’ negotiations, 1934.")),
              QByteArray("\x01the secretari of etat emigr negoti 1934 "));
    EXPECT_EQ((*tokenizer)->tokens(QString()), QByteArray());
    EXPECT_EQ((*tokenizer)->tokens(QStringLiteral(" — ")), QByteArray("\x01"));
}

TEST(FtsTokens, Issue10EachThreadsTokenizerIsItsOwn)
{
    auto first = FtsTokenizer::create();
    auto second = FtsTokenizer::create();
    ASSERT_TRUE(first && second);
    const QByteArray a = (*first)->tokens(QStringLiteral("Habana, August 3, 1934"));
    first->reset(); // the second keeps working when the first is gone
    EXPECT_EQ((*second)->tokens(QStringLiteral("Habana, August 3, 1934")), a);
}

} // namespace
} // namespace marginalia

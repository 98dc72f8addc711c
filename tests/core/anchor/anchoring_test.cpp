#include "anchor/anchoring.h"

#include "model/readingtext.h"
#include "parse/volumeloader.h"
#include "support/testdata.h"

#include <QString>

#include <gtest/gtest.h>

#include <vector>

namespace marginalia {
namespace {

// The body and first footnote of d317, read from one of the test files.
struct Flows {
    QString body;
    QString firstFootnote;
};

Flows d317From(const QString &file)
{
    Result<Volume> volume = loadVolume(test::dataPath(file));
    if (!volume) {
        ADD_FAILURE() << volume.error().toString().toStdString();
        return {};
    }
    const Document *doc = volume->document(QStringLiteral("d317"));
    if (!doc || doc->footnotes.empty()) {
        ADD_FAILURE() << "no d317 with footnotes in " << file.toStdString();
        return {};
    }
    return {ReadingText(doc->body).text(), plainText(doc->footnotes.front().content)};
}

const Flows &textCopy()
{
    static const Flows flows = d317From(QStringLiteral("frus1961-63v09-d317.txt"));
    return flows;
}

const Flows &tei()
{
    static const Flows flows = d317From(QStringLiteral("frus1961-63v09-d316-d318.xml"));
    return flows;
}

// The selector a reader makes by selecting the n-th occurrence (from 0) of `quote` in `text`.
TextSelector select(const QString &text, const QString &quote, int occurrence = 0)
{
    qsizetype at = -1;
    for (int i = 0; i <= occurrence; ++i) {
        at = text.indexOf(quote, at + 1);
        if (at < 0) {
            ADD_FAILURE() << "no occurrence " << occurrence << " of " << quote.toStdString();
            return {};
        }
    }
    return makeSelector(text, int(at), int(at + quote.size()));
}

std::vector<int> occurrences(const QString &text, const QString &quote)
{
    std::vector<int> found;
    for (qsizetype at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1))
        found.push_back(int(at));
    return found;
}

QString anchored(const QString &text, const AnchorResult &result)
{
    return text.mid(result.start, result.end - result.start);
}

TEST(Anchoring, SelectorTakesTheQuoteAndThirtyTwoCharactersEachSide)
{
    const QString &text = textCopy().body;
    const TextSelector selector = select(text, QStringLiteral("determined effort to get our Allies"));
    EXPECT_EQ(selector.exact, QStringLiteral("determined effort to get our Allies"));
    EXPECT_EQ(selector.prefix, QStringLiteral("July 17 discussed the idea of a "));
    EXPECT_EQ(selector.prefix.size(), 32);
    EXPECT_EQ(selector.suffix, QStringLiteral(" to agree to a higher level of m"));
    EXPECT_EQ(selector.suffix.size(), 32);
    EXPECT_EQ(selector.end - selector.start, selector.exact.size());
    EXPECT_TRUE(selector.footnote.isEmpty());
}

TEST(Anchoring, SelectorContextIsClampedAtTheEndsOfTheText)
{
    const QString text = QStringLiteral("Dear Luther: This is in response");
    const TextSelector first = makeSelector(text, 0, 4, QStringLiteral("d317fn1"));
    EXPECT_EQ(first.exact, QStringLiteral("Dear"));
    EXPECT_TRUE(first.prefix.isEmpty());
    EXPECT_EQ(first.suffix, QStringLiteral(" Luther: This is in response"));
    EXPECT_EQ(first.footnote, QStringLiteral("d317fn1"));
    const TextSelector outside = makeSelector(text, 21, 500);
    EXPECT_EQ(outside.exact, QStringLiteral("in response"));
    EXPECT_EQ(outside.end, text.size());
    EXPECT_TRUE(outside.suffix.isEmpty());
}

TEST(Reanchor, UnchangedTextKeepsThePosition)
{
    const QString &text = tei().body;
    const TextSelector selector = select(text, QStringLiteral("a code of fair practices"));
    const AnchorResult result = reanchor(text, selector);
    EXPECT_EQ(result.method, AnchorResult::Position);
    EXPECT_EQ(result.start, selector.start);
    EXPECT_EQ(result.end, selector.end);
    EXPECT_EQ(result.score, 1.0);
}

// A note made on the text copy of d317 appears on the TEI d317, whose dateline block shifts every position.
TEST(Reanchor, TextCopySelectorFindsTheSameWordsInTheTeiDocument)
{
    const QString quote = QStringLiteral("determined effort to get our Allies");
    const TextSelector selector = select(textCopy().body, quote);
    const QString &text = tei().body;
    const AnchorResult result = reanchor(text, selector);
    EXPECT_EQ(result.method, AnchorResult::Exact);
    EXPECT_EQ(anchored(text, result), quote);
    EXPECT_EQ(result.start, text.indexOf(quote));
    EXPECT_NE(result.start, selector.start);
}

TEST(Reanchor, FootnoteSelectorAnchorsInTheSameFootnote)
{
    const QString quote = QStringLiteral("Drafted by Trezise and Clarence T. Breaux");
    TextSelector selector = select(textCopy().firstFootnote, quote);
    const AnchorResult result = reanchor(tei().firstFootnote, selector);
    ASSERT_TRUE(result.found());
    EXPECT_EQ(anchored(tei().firstFootnote, result), quote);
}

// "Soviet bloc" stands several times in d317: the one chosen is the one that was annotated.
TEST(Reanchor, RepeatedPhrasePicksTheOccurrenceNearestTheOldPosition)
{
    const QString quote = QStringLiteral("Soviet bloc");
    const std::vector<int> before = occurrences(textCopy().body, quote);
    const std::vector<int> after = occurrences(tei().body, quote);
    ASSERT_GE(before.size(), 3u);
    ASSERT_EQ(before.size(), after.size());
    for (int i = 0; i < int(before.size()); ++i) {
        const AnchorResult result = reanchor(tei().body, select(textCopy().body, quote, i));
        EXPECT_EQ(result.method, AnchorResult::Exact) << "occurrence " << i;
        EXPECT_EQ(result.start, after[std::size_t(i)]) << "occurrence " << i;
    }
}

// The annotation was made while the text still read "Comittee"; the corrected text is found anyway.
TEST(Reanchor, QuoteWithATypoFixedAnchorsFuzzyAtTheRightPlace)
{
    const QString corrected = QStringLiteral("the rule of unanimity in the Coordinating Committee, make it clear");
    QString oldText = textCopy().body;
    oldText.replace(QStringLiteral("Coordinating Committee"), QStringLiteral("Coordinating Comittee"));
    const TextSelector selector =
        select(oldText, QStringLiteral("the rule of unanimity in the Coordinating Comittee, make it clear"));

    const QString &text = tei().body;
    const AnchorResult result = reanchor(text, selector);
    EXPECT_EQ(result.method, AnchorResult::Fuzzy);
    EXPECT_EQ(result.start, text.indexOf(corrected));
    EXPECT_EQ(anchored(text, result), corrected);
    EXPECT_GT(result.score, 0.9);
    EXPECT_LT(result.score, 1.0);
}

TEST(Reanchor, QuoteWithAFewWordsChangedAnchorsFuzzyAtTheRightPlace)
{
    const QString now =
        QStringLiteral("I would not wish to undertake trade control negotiations which I believe could not succeed");
    QString oldText = textCopy().body;
    const QString old =
        QStringLiteral("I would not want to begin trade control negotiations which I think could not succeed");
    oldText.replace(now, old);
    const TextSelector selector = select(oldText, old);

    const QString &text = tei().body;
    const AnchorResult result = reanchor(text, selector);
    EXPECT_EQ(result.method, AnchorResult::Fuzzy);
    EXPECT_EQ(result.start, text.indexOf(now));
    EXPECT_EQ(anchored(text, result), now);
    EXPECT_GE(result.score, 0.5);
}

TEST(Reanchor, RemovedPassageIsOrphaned)
{
    QString text = tei().body;
    const qsizetype from = text.indexOf(QStringLiteral("In my judgment"));
    const qsizetype to = text.indexOf(QStringLiteral("air corridor harassment."));
    ASSERT_GT(from, 0);
    ASSERT_GT(to, from);
    text.remove(from, to - from + 24);
    const TextSelector selector = select(
        textCopy().body, QStringLiteral("Prevailing attitudes in Western Europe and Japan on Soviet bloc trade"));
    const AnchorResult result = reanchor(text, selector);
    EXPECT_EQ(result.method, AnchorResult::Orphan);
    EXPECT_FALSE(result.found());
}

// "talks with the Soviets" stands twice; the new text says "Soviet Union", so both places are equally
// good approximate matches. The selector's old position points at the first, but its context names the
// second ("our bilateral … and add"), and context weighs ten times more than position.
TEST(Reanchor, PrefixAndSuffixChooseBetweenEqualFuzzyCandidates)
{
    const QString quote = QStringLiteral("talks with the Soviets");
    const std::vector<int> old = occurrences(textCopy().body, quote);
    ASSERT_EQ(old.size(), 2u);
    TextSelector selector = select(textCopy().body, quote, 1);
    selector.start = old[0];
    selector.end = old[0] + int(quote.size());

    QString text = tei().body;
    text.replace(QStringLiteral("the Soviets"), QStringLiteral("the Soviet Union"));
    const std::vector<int> now = occurrences(text, QStringLiteral("talks with the Soviet Union"));
    ASSERT_EQ(now.size(), 2u);
    const AnchorResult result = reanchor(text, selector);
    EXPECT_EQ(result.method, AnchorResult::Fuzzy);
    EXPECT_EQ(result.start, now[1]);
    EXPECT_TRUE(anchored(text, result).startsWith(QStringLiteral("talks with the Soviet")));

    // Without the context, the old position decides.
    selector.prefix.clear();
    selector.suffix.clear();
    EXPECT_EQ(reanchor(text, selector).start, now[0]);
}

TEST(Reanchor, EmptyQuoteOrTextIsOrphaned)
{
    TextSelector empty;
    EXPECT_EQ(reanchor(tei().body, empty).method, AnchorResult::Orphan);
    const TextSelector selector = select(textCopy().body, QStringLiteral("Soviet bloc"));
    EXPECT_EQ(reanchor(QString(), selector).method, AnchorResult::Orphan);
}

// A quarter of three characters is no error at all: a short quote that is gone is not guessed at.
TEST(Reanchor, ShortQuoteThatIsGoneIsOrphaned)
{
    TextSelector selector = makeSelector(QStringLiteral("the NSC met"), 4, 7);
    EXPECT_EQ(selector.exact, QStringLiteral("NSC"));
    const AnchorResult result = reanchor(QStringLiteral("the NCS met"), selector);
    EXPECT_EQ(result.method, AnchorResult::Orphan);
}

// Matching works on UTF-16 code units, but the passage handed back never splits a character in two.
TEST(Reanchor, FuzzyMatchNeverSplitsASurrogatePair)
{
    const QString face = QString::fromUcs4(U"\U0001F600");
    const QString text = QStringLiteral("note ") + face + QStringLiteral("abcdefgh end");
    TextSelector selector;
    selector.exact = QStringLiteral("Qabcdefgh");
    selector.start = 5;
    selector.end = 14;
    const AnchorResult result = reanchor(text, selector);
    ASSERT_EQ(result.method, AnchorResult::Fuzzy);
    EXPECT_FALSE(text.at(result.start).isLowSurrogate());
    EXPECT_TRUE(anchored(text, result).endsWith(QStringLiteral("abcdefgh")));
}

// `length` characters of `text` over and over: context no selector of ours stores.
QString filler(const QString &text, int length)
{
    QString out;
    while (out.size() < length)
        out += text;
    out.truncate(length);
    return out;
}

// Issue 8: an imported selector with 200,000 characters of context either side is scored by the 64 of
// each nearest the quote, so it anchors as the same selector cut to those does (and in milliseconds).
TEST(Reanchor, Issue8HugeContextIsScoredByItsPartNearestTheQuote)
{
    QString oldText = textCopy().body;
    oldText.replace(QStringLiteral("Coordinating Committee"), QStringLiteral("Coordinating Comittee"));
    const TextSelector normal =
        select(oldText, QStringLiteral("the rule of unanimity in the Coordinating Comittee, make it clear"));
    TextSelector huge = normal;
    huge.prefix.prepend(filler(tei().firstFootnote, 200000));
    huge.suffix.append(filler(tei().firstFootnote, 200000));
    TextSelector cut = huge;
    cut.prefix = huge.prefix.right(64);
    cut.suffix = huge.suffix.left(64);

    const QString &text = tei().body;
    const AnchorResult expected = reanchor(text, normal);
    const AnchorResult result = reanchor(text, huge);
    EXPECT_EQ(result.method, AnchorResult::Fuzzy);
    EXPECT_EQ(result.start, expected.start);
    EXPECT_EQ(result.end, expected.end);
    EXPECT_EQ(result.score, reanchor(text, cut).score);
    EXPECT_GT(result.score, 0.5);
}

// Issue 8: the context nearest the quote still chooses between equal candidates when a huge context
// from elsewhere stands before it.
TEST(Reanchor, Issue8HugeContextStillChoosesBetweenEqualFuzzyCandidates)
{
    const QString quote = QStringLiteral("talks with the Soviets");
    const std::vector<int> old = occurrences(textCopy().body, quote);
    ASSERT_EQ(old.size(), 2u);
    TextSelector selector = select(textCopy().body, quote, 1);
    selector.start = old[0];
    selector.end = old[0] + int(quote.size());
    selector.prefix.prepend(filler(tei().firstFootnote, 200000));
    selector.suffix.append(filler(tei().firstFootnote, 200000));

    QString text = tei().body;
    text.replace(QStringLiteral("the Soviets"), QStringLiteral("the Soviet Union"));
    const std::vector<int> now = occurrences(text, QStringLiteral("talks with the Soviet Union"));
    ASSERT_EQ(now.size(), 2u);
    EXPECT_EQ(reanchor(text, selector).start, now[1]);
}

// Issue 8: a quote over 4,096 characters is still found where it stands word for word, but not looked
// for approximately; one at the limit is.
TEST(Reanchor, Issue8VeryLongQuoteIsFoundExactlyButNotApproximately)
{
    const QString text = filler(tei().body + QLatin1Char('\n') + tei().firstFootnote + QLatin1Char('\n'), 12000);
    const TextSelector longOne = makeSelector(text, 1000, 1000 + 5000);
    EXPECT_EQ(reanchor(text, longOne).method, AnchorResult::Position);

    TextSelector changed = longOne;
    changed.start = changed.end = -1; // no position to go by
    changed.exact.replace(2500, 3, QStringLiteral("xyz"));
    EXPECT_EQ(reanchor(text, changed).method, AnchorResult::Orphan);

    TextSelector atLimit = makeSelector(text, 1000, 1000 + 4096);
    atLimit.exact.replace(2000, 3, QStringLiteral("xyz"));
    const AnchorResult found = reanchor(text, atLimit);
    EXPECT_EQ(found.method, AnchorResult::Fuzzy);
    EXPECT_EQ(found.start, 1000);
}

} // namespace

namespace {

// The reading text as it was before Issue 11 put list labels in it: each labelled item without its
// label and the space after it.
RichText withoutLabels(RichText body)
{
    for (Block &b : body) {
        if (b.labelLength > 0)
            b.text = b.text.mid(std::min<qsizetype>(b.text.size(), b.labelLength + 1));
    }
    return body;
}

} // namespace

// Issue 11: annotations made on the reading text before list labels were part of it still land on
// their words: every labelled item of frus1934v05 and frus1894Nicaragua (449), a passage at its start
// and one at the start of the block after it, each anchored on the old text and found in the new.
TEST(Anchoring, Issue11AnchorsMadeBeforeListLabelsWereReadingTextStillLand)
{
    int items = 0;
    for (const char *name : {"frus1934v05.xml", "frus1894Nicaragua.xml"}) {
        Result<Volume> volume = loadVolume(test::dataPath(QString::fromUtf8(name)));
        ASSERT_TRUE(volume.has_value());
        for (const Document &doc : volume->documents) {
            const ReadingText now(doc.body);
            const ReadingText before(withoutLabels(doc.body));
            for (std::size_t i = 0; i < doc.body.size(); ++i) {
                const Block &b = doc.body[i];
                if (b.labelLength == 0 || b.text.size() <= b.labelLength + 1)
                    continue;
                ++items;
                const int length = int(std::min<qsizetype>(40, b.text.size() - b.labelLength - 1));
                const int oldStart = before.blockStart(int(i));
                const TextSelector item = makeSelector(before.text(), oldStart, oldStart + length);
                const AnchorResult found = reanchor(now.text(), item);
                ASSERT_TRUE(found.found()) << name << ' ' << doc.id.toStdString() << ' ' << item.exact.toStdString();
                EXPECT_EQ(found.start, now.blockStart(int(i)) + b.labelLength + 1)
                    << name << ' ' << doc.id.toStdString() << ' ' << item.exact.toStdString();
                if (i + 1 >= doc.body.size())
                    continue;
                const int nextStart = before.blockStart(int(i + 1));
                const int nextLength = int(std::min<qsizetype>(25, withoutLabels({doc.body[i + 1]}).front().text.size()));
                if (nextLength < 10)
                    continue;
                const TextSelector next = makeSelector(before.text(), nextStart, nextStart + nextLength);
                const AnchorResult moved = reanchor(now.text(), next);
                ASSERT_TRUE(moved.found()) << name << ' ' << doc.id.toStdString() << ' ' << next.exact.toStdString();
                EXPECT_EQ(now.text().mid(moved.start, moved.end - moved.start), next.exact);
                const int label = doc.body[i + 1].labelLength;
                EXPECT_EQ(moved.start, now.blockStart(int(i + 1)) + (label > 0 ? label + 1 : 0))
                    << name << ' ' << doc.id.toStdString() << ' ' << next.exact.toStdString();
            }
        }
    }
    EXPECT_EQ(items, 449);
}

} // namespace marginalia

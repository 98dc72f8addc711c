#include "anchoring.h"

#include "approxmatch.h"

#include <QStringView>
#include <QVarLengthArray>

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace marginalia {
namespace {

constexpr int ContextLength = 32;   // W3C TextQuoteSelector context, as Hypothesis stores it
constexpr int MaxQuoteErrors = 256; // Hypothesis' cap: beyond it the search costs more than it finds
// The context the scorer compares: the characters of a stored prefix or suffix nearest the quote. Twice
// what makeSelector stores (and Hypothesis stores), so our own selectors are scored in full, while an
// imported one with a context of any length costs at most 64 x 64 steps per candidate.
constexpr int ScoredContextLength = 2 * ContextLength;
// The longest quote looked for approximately. Finding where an approximate match starts costs about
// quote length x quote length / 64 per candidate, and a passage this long that is no longer in the text
// word for word is better listed as orphaned than searched for over seconds.
constexpr int MaxFuzzyQuoteLength = 4096;
constexpr double QuoteWeight = 50;
constexpr double PrefixWeight = 20;
constexpr double SuffixWeight = 20;
constexpr double PositionWeight = 2;
constexpr double TotalWeight = QuoteWeight + PrefixWeight + SuffixWeight + PositionWeight;
constexpr double MinScore = 0.5;

// Widens [start, end) so it never cuts a surrogate pair: an approximate match works on code units and
// may start or stop between the halves of a character outside the BMP.
void keepSurrogatePairsWhole(const QString &text, int &start, int &end)
{
    if (start > 0 && start < text.size() && text.at(start).isLowSurrogate() && text.at(start - 1).isHighSurrogate())
        --start;
    if (end > 0 && end < text.size() && text.at(end).isLowSurrogate() && text.at(end - 1).isHighSurrogate())
        ++end;
}

// The occurrence of `exact` whose start is nearest `hint`, or -1. Only the first occurrence at or after
// the hint and the last before it can be nearest, so the search never scans the whole text twice.
int nearestOccurrence(const QString &text, const QString &exact, int hint)
{
    hint = std::clamp(hint, 0, int(text.size()));
    const int after = int(text.indexOf(exact, hint));
    const int before = hint > 0 ? int(text.lastIndexOf(exact, hint - 1)) : -1;
    if (before < 0)
        return after;
    if (after < 0)
        return before;
    return hint - before <= after - hint ? before : after;
}

// Levenshtein distance in one row, kept on the stack: the strings are contexts of at most
// ScoredContextLength characters.
int editDistance(QStringView a, QStringView b)
{
    QVarLengthArray<int, 64> row(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            row[j] = std::min({diagonal + (a[i - 1] == b[j - 1] ? 0 : 1), above + 1, row[j - 1] + 1});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// How well `context` matches `around`, the text the same length beside a candidate: 1 for identical,
// 0 for nothing in common. No stored context cannot count against a candidate.
double contextScore(QStringView context, QStringView around)
{
    if (context.isEmpty())
        return 1.0;
    return std::max(0.0, 1.0 - double(editDistance(context, around)) / double(context.size()));
}

struct Scored {
    ApproxMatch match;
    double quote = 0;
    double total = -1;
};

// Hypothesis' weighing of a candidate: mostly the quote itself, then the context on both sides (the part
// of it nearest the quote), and the old position only as a tie-breaker between otherwise equal candidates.
Scored score(const QString &text, const TextSelector &selector, const ApproxMatch &match)
{
    const QStringView view(text);
    const QStringView storedPrefix = QStringView(selector.prefix).right(ScoredContextLength);
    const QStringView storedSuffix = QStringView(selector.suffix).left(ScoredContextLength);
    const int prefixFrom = std::max(0, match.start - int(storedPrefix.size()));
    const double prefix = contextScore(storedPrefix, view.mid(prefixFrom, match.start - prefixFrom));
    const double suffix = contextScore(storedSuffix, view.mid(match.end).left(storedSuffix.size()));
    const double quote = 1.0 - double(match.errors) / double(selector.exact.size());
    const double position =
        std::max(0.0, 1.0 - double(std::abs(match.start - selector.start)) / double(std::max(1, int(text.size()))));
    const double total =
        (QuoteWeight * quote + PrefixWeight * prefix + SuffixWeight * suffix + PositionWeight * position) / TotalWeight;
    return {match, quote, total};
}

// A candidate's score were its context and position perfect.
double bestPossibleScore(const TextSelector &selector, const ApproxMatch &match)
{
    const double quote = 1.0 - double(match.errors) / double(selector.exact.size());
    return (QuoteWeight * quote + PrefixWeight + SuffixWeight + PositionWeight) / TotalWeight;
}

AnchorResult fuzzyAnchor(const QString &text, const TextSelector &selector)
{
    // A quarter of the quote may differ; a quote under four characters must be found exactly or not at all.
    const int maxErrors = std::min(MaxQuoteErrors, int(selector.exact.size()) / 4);
    if (maxErrors == 0 || selector.exact.size() > MaxFuzzyQuoteLength)
        return {};
    std::vector<ApproxMatch> candidates = approximateMatches(text, selector.exact, maxErrors);
    // Fewest errors first: once even perfect context could not lift a candidate past the best so far,
    // none after it can either, and the context comparisons are most of the cost.
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const ApproxMatch &a, const ApproxMatch &b) { return a.errors < b.errors; });
    Scored best;
    for (const ApproxMatch &match : candidates) {
        if (bestPossibleScore(selector, match) <= best.total)
            break;
        const Scored candidate = score(text, selector, match);
        if (candidate.total > best.total)
            best = candidate;
    }
    if (best.total < MinScore || best.quote < MinScore)
        return {};
    AnchorResult result{AnchorResult::Fuzzy, best.match.start, best.match.end, best.total};
    keepSurrogatePairsWhole(text, result.start, result.end);
    return result;
}

} // namespace

TextSelector makeSelector(const QString &text, int start, int end, const QString &footnote)
{
    const int size = int(text.size());
    start = std::clamp(start, 0, size);
    end = std::clamp(end, start, size);
    const int prefixFrom = std::max(0, start - ContextLength);
    TextSelector selector;
    selector.footnote = footnote;
    selector.exact = text.mid(start, end - start);
    selector.prefix = text.mid(prefixFrom, start - prefixFrom);
    selector.suffix = text.mid(end, ContextLength);
    selector.start = start;
    selector.end = end;
    return selector;
}

AnchorResult reanchor(const QString &text, const TextSelector &selector)
{
    const QString &exact = selector.exact;
    if (exact.isEmpty())
        return {};
    const int length = int(exact.size());
    if (selector.start >= 0 && selector.start <= text.size() - length
        && QStringView(text).mid(selector.start, length) == exact)
        return {AnchorResult::Position, selector.start, selector.start + length, 1.0};
    if (const int found = nearestOccurrence(text, exact, selector.start); found >= 0)
        return {AnchorResult::Exact, found, found + length, 1.0};
    return fuzzyAnchor(text, selector);
}

} // namespace marginalia

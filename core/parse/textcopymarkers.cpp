#include "textcopymarkers.h"

#include "textcopyheading.h"
#include "textcopytext.h"

#include <QStringList>
#include <QStringView>

#include <algorithm>
#include <limits>

namespace marginalia {

namespace {

// Above these sizes the copy is not a document page; its markers are left in the text.
constexpr int kMaxCandidates = 400;
constexpr int kMaxItems = 200;
constexpr int kMaxGap = 3; // list items in a row that may have lost their markers
constexpr int kMatch = 10; // a placed marker is worth more than any ordinary doubt about its label
constexpr int kForbidden = -1000;
// How much less a marker is worth when it is set off by a space ("Carter 1") or split off a number: one
// that cannot be read whole ("May 1838" is May 18 and 38, "193472" 1934 and 72) is almost surely a
// marker; one split off a number that reads whole ("April 17", "September 25—3:14 a.m.") almost never.
constexpr int kSpacedDoubt = 6;
constexpr int kForcedSplitDoubt = 3;
constexpr int kSplitDoubt = 6; // "No. 15431": telegram 1543 and marker 1, or telegram 15431
constexpr int kWholeSplitDoubt = 12;    // worth less than nothing: placed only to complete a run of labels
constexpr int kShortDayDoubt = 2; // "July 3163" is July 31 and 63 rather than July 3 and 163

const QString kSigns = QStringLiteral("*\u2020\u2021\u00A7\u2016\u00B6"); // *, †, ‡, §, ‖, ¶

struct Candidate {
    int block = 0;
    int pos = 0;
    QString label;
    int doubt = 0; // when split off a longer number ("19012" = 1901 + 2) or set off by a space ("Carter 1")
};

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

int numberOf(const QString &label)
{
    int n = 0;
    for (QChar c : label) {
        if (!isAsciiDigit(c))
            break;
        n = n * 10 + (c.unicode() - u'0');
    }
    return n;
}

bool isNumeric(const QString &label)
{
    return !label.isEmpty() && isAsciiDigit(label[0]);
}

bool endsAMarker(const QString &text, int end)
{
    return end >= text.size() || !text[end].isLetterOrNumber();
}

// The doubt of a marker split off the number text[start, start + whole) after its first `length`
// digits, which must be a year ("1901") or a day after a month ("May 18"); 0 when they are neither.
int splitDoubt(const QString &text, int start, int length, int whole)
{
    const int value = QStringView(text).mid(start, length).toInt();
    if (length >= 4 && start >= 4 && QStringView(text).mid(start - 4, 4) == QLatin1String("No. "))
        return kSplitDoubt;
    if (length == 4)
        return value >= 1700 && value <= 2099 ? kForcedSplitDoubt : 0; // no year has five digits
    if (length > 2 || value < 1 || value > 31 || start < 4 || text[start - 1] != u' ')
        return 0;
    static const QString months[] = {QStringLiteral("January"), QStringLiteral("February"), QStringLiteral("March"),
                                     QStringLiteral("April"),   QStringLiteral("May"),      QStringLiteral("June"),
                                     QStringLiteral("July"),    QStringLiteral("August"),   QStringLiteral("September"),
                                     QStringLiteral("October"), QStringLiteral("November"), QStringLiteral("December")};
    const QStringView before = QStringView(text).left(start - 1);
    if (std::none_of(std::begin(months), std::end(months), [&](const QString &m) { return before.endsWith(m); }))
        return 0;
    if (whole <= 2 && QStringView(text).mid(start, whole).toInt() <= 31)
        return kWholeSplitDoubt;
    const bool longerDay = length == 1 && whole >= 3 && QStringView(text).mid(start, 2).toInt() <= 31;
    return kForcedSplitDoubt + (longerDay ? kShortDayDoubt : 0);
}

// "Carter 1", "Jackson 0": a marker set off by a space after a name, not a number after a word that
// takes one ("No. 1", "May 5", "page 3", "Article 2").
bool isSpacedMarker(const QString &text, int start, int end)
{
    if (end - start > 2 || start < 3 || text[start - 1] != u' ' || !text[start - 2].isLetter())
        return false;
    int w = start - 2;
    while (w > 0 && text[w - 1].isLetter())
        --w;
    const QStringView word = QStringView(text).mid(w, start - 1 - w);
    // Words a number follows as what they name ("Article 2", "Column 1", "Rules 3 and 4"), and the
    // possessives of a telegram's number ("Your 69, September 1", "My 82").
    static const QStringList takesNumber = {
        QStringLiteral("No"),       QStringLiteral("Nos"),     QStringLiteral("Article"),  QStringLiteral("Section"),
        QStringLiteral("Document"), QStringLiteral("Page"),    QStringLiteral("Part"),     QStringLiteral("Chapter"),
        QStringLiteral("Annex"),    QStringLiteral("Point"),   QStringLiteral("Paragraph"), QStringLiteral("Telegram"),
        QStringLiteral("Column"),   QStringLiteral("Rule"),    QStringLiteral("Item"),     QStringLiteral("Line"),
        QStringLiteral("Schedule"), QStringLiteral("Table"),   QStringLiteral("Law"),      QStringLiteral("Decree"),
        QStringLiteral("Enclosure"), QStringLiteral("Inclosure"), QStringLiteral("Exhibit"), QStringLiteral("Appendix"),
        QStringLiteral("Class"),    QStringLiteral("Group"),   QStringLiteral("Volume"),   QStringLiteral("Number"),
        QStringLiteral("Despatch"), QStringLiteral("Dispatch"), QStringLiteral("Instruction"), QStringLiteral("Note"),
        QStringLiteral("Your"),     QStringLiteral("My"),      QStringLiteral("Our"),      QStringLiteral("His"),
        QStringLiteral("Her"),      QStringLiteral("Their"),
        QStringLiteral("January"),  QStringLiteral("February"), QStringLiteral("March"),   QStringLiteral("April"),
        QStringLiteral("May"),      QStringLiteral("June"),    QStringLiteral("July"),     QStringLiteral("August"),
        QStringLiteral("September"), QStringLiteral("October"), QStringLiteral("November"), QStringLiteral("December")};
    if (word.size() >= 2 && word[0].isUpper() && word[1].isLower() && takesNumber.contains(word))
        return false;
    if (word.endsWith(u's') && takesNumber.contains(word.chopped(1)))
        return false; // "Articles 1 and 2"
    const QStringView rest = QStringView(text).mid(end);
    if (rest.startsWith(QLatin1String(" a.m")) || rest.startsWith(QLatin1String(" p.m")))
        return false; // "[Received 1 p.m.]"
    return word.size() >= 2 && word[0].isUpper() && word[1].isLower()
        && (end == text.size() || text[end] == u' ' || text[end] == u',' || text[end] == u'.' || text[end] == u';');
}

void addNumberCandidates(const QString &text, int block, int start, int end, std::vector<Candidate> &out)
{
    if (isSpacedMarker(text, start, end)) {
        out.push_back(Candidate{block, start, text.mid(start, end - start), kSpacedDoubt});
        return;
    }
    int labelEnd = end;
    // "14b": a letter after the number belongs to the label, unless it makes an ordinal ("2d", "1st").
    if (end < text.size() && text[end] >= u'a' && text[end] <= u'c' && endsAMarker(text, end + 1))
        labelEnd = end + 1;
    if (!endsAMarker(text, labelEnd))
        return;
    const QString whole = text.mid(start, labelEnd - start);
    if (end - start <= 3 && (whole == QLatin1String("0") || text[start] != u'0') && isGluedMarker(text, start, whole))
        out.push_back(Candidate{block, start, whole, 0});
    // "September 24, 1934" is a date, not September 2 and marker 4.
    const bool yearFollows = end + 6 <= text.size() && text[end] == u',' && text[end + 1] == u' '
        && isAsciiDigit(text[end + 2]) && isAsciiDigit(text[end + 5]);
    for (int k = 1; k <= 3 && k < end - start; ++k) {
        const int split = end - k;
        const int doubt = text[split] != u'0' && !(yearFollows && split - start <= 2)
            ? splitDoubt(text, start, split - start, end - start)
            : 0;
        if (doubt > 0)
            out.push_back(Candidate{block, split, text.mid(split, labelEnd - split), doubt});
    }
}

// "* * *" (or "***"): an asterisk next to another, with at most a space between.
bool isOmissionStar(const QString &text, int i)
{
    if (text[i] != u'*')
        return false;
    const auto starAt = [&text](int j) { return j >= 0 && j < text.size() && text[j] == u'*'; };
    return starAt(i - 1) || starAt(i + 1) || (i >= 1 && text[i - 1] == u' ' && starAt(i - 2))
        || (i + 1 < text.size() && text[i + 1] == u' ' && starAt(i + 2));
}

std::vector<Candidate> findCandidates(const RichText &body)
{
    std::vector<Candidate> out;
    for (int b = 0; b < int(body.size()); ++b) {
        const QString &text = body[std::size_t(b)].text;
        if (isSourceLine(text)) // "611.176 Sugar/41" is a file, not sugar and marker 176
            continue;
        for (int i = 0; i < text.size() && int(out.size()) <= kMaxCandidates; ++i) {
            if (kSigns.contains(text[i])) {
                // Glued to the word, or set off by a space after punctuation ("instant, †"); not one of
                // the asterisks that mark an omission ("obligations. * * *").
                const bool glued = i > 0 && !text[i - 1].isSpace();
                if (isOmissionStar(text, i))
                    continue;
                if (glued || (i > 1 && text[i - 2].isPunct()))
                    out.push_back(Candidate{b, i, QString(text[i]), 0});
                continue;
            }
            if (!isAsciiDigit(text[i]) || (i > 0 && isAsciiDigit(text[i - 1])))
                continue;
            int end = i;
            while (end < text.size() && isAsciiDigit(text[end]))
                ++end;
            if (end - i <= 7)
                addNumberCandidates(text, b, i, end, out);
            i = end - 1;
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Candidate &a, const Candidate &b) { return a.block != b.block ? a.block < b.block : a.pos < b.pos; });
    return out;
}

// How well `next` follows `previous` as printed labels, with `gap` list items between them unplaced.
int labelFollows(const QString &previous, const QString &next, int gap)
{
    const bool numericPrevious = isNumeric(previous), numericNext = isNumeric(next);
    if (numericPrevious && numericNext) {
        const int p = numberOf(previous), q = numberOf(next);
        if (q == p + 1 + gap)
            return 6;
        if (q == p + 1)
            return 4;
        if (q == p)
            return previous == next ? 1 : 3; // "14a", "14b"
        if (q == 1)
            return 1; // a new printed page
        if (q > p && q <= p + 4 + gap)
            return -1;
        if (q < p && q >= p - 3)
            return -2; // printed out of order ("34 before 33")
        return kForbidden;
    }
    const qsizetype ps = kSigns.indexOf(previous), qs = kSigns.indexOf(next);
    if (qs >= 0 && ps >= 0 && qs == ps + 1 + gap)
        return 6;
    if (qs >= 0 && ps >= 0 && qs == ps + 1)
        return 4;
    if (qs == 0 || (numericNext && numberOf(next) == 1))
        return 1;
    return kForbidden;
}

// Each unplaced item costs, so that a marker that fits is placed rather than skipped.
int followScore(const QString &previous, const QString &next, int gap)
{
    const int score = labelFollows(previous, next, gap);
    return score <= kForbidden / 2 ? score : score - 3 * gap;
}

int firstScore(const Candidate &c, int item)
{
    if (c.label == QLatin1String("0"))
        return c.block == 0 ? 4 : kForbidden; // only the source note of a heading is labelled 0
    if (isNumeric(c.label) && numberOf(c.label) == item + 1)
        return 4;
    if (c.label == QLatin1String("1") || c.label == kSigns.left(1))
        return 3;
    return 0;
}

bool before(const Candidate &a, const Candidate &b)
{
    return a.block < b.block || (a.block == b.block && a.pos + int(a.label.size()) <= b.pos);
}

} // namespace

std::vector<std::optional<TextCopyLabelledMarker>> placeMarkersByOrder(const RichText &body, int count)
{
    std::vector<std::optional<TextCopyLabelledMarker>> placed(std::size_t(std::max(count, 0)));
    const std::vector<Candidate> cands = findCandidates(body);
    const int n = int(cands.size());
    if (count <= 0 || n == 0 || n > kMaxCandidates || count > kMaxItems)
        return placed;
    // best[k][i]: the best score of a pairing whose item k sits at candidate i; from[k][i] its predecessor.
    constexpr int none = std::numeric_limits<int>::min() / 2;
    std::vector<std::vector<int>> best(std::size_t(count), std::vector<int>(std::size_t(n), none));
    std::vector<std::vector<std::pair<int, int>>> from(std::size_t(count),
                                                       std::vector<std::pair<int, int>>(std::size_t(n), {-1, -1}));
    for (int k = 0; k < count; ++k) {
        for (int i = 0; i < n; ++i) {
            const Candidate &c = cands[std::size_t(i)];
            const int own = kMatch - c.doubt;
            // As the first placed marker, after k items left without one.
            int score = firstScore(c, k) > kForbidden / 2 ? own + firstScore(c, k) - 3 * k : none;
            std::pair<int, int> link{-1, -1};
            for (int pk = std::max(0, k - 1 - kMaxGap); pk < k; ++pk) {
                for (int j = 0; j < i; ++j) {
                    const int prior = best[std::size_t(pk)][std::size_t(j)];
                    if (prior == none || !before(cands[std::size_t(j)], c))
                        continue;
                    const int follow = followScore(cands[std::size_t(j)].label, c.label, k - pk - 1);
                    if (follow <= kForbidden / 2)
                        continue;
                    if (prior + own + follow > score) {
                        score = prior + own + follow;
                        link = {pk, j};
                    }
                }
            }
            if (score > 0) {
                best[std::size_t(k)][std::size_t(i)] = score;
                from[std::size_t(k)][std::size_t(i)] = link;
            }
        }
    }
    std::pair<int, int> end{-1, -1};
    int top = 0;
    for (int k = 0; k < count; ++k) {
        for (int i = 0; i < n; ++i) {
            const int score = best[std::size_t(k)][std::size_t(i)] - 3 * (count - 1 - k); // items left after
            if (score > top) {
                top = score;
                end = {k, i};
            }
        }
    }
    for (std::pair<int, int> at = end; at.first >= 0;) {
        const Candidate &c = cands[std::size_t(at.second)];
        placed[std::size_t(at.first)] = TextCopyLabelledMarker{c.block, c.pos, c.label};
        at = from[std::size_t(at.first)][std::size_t(at.second)];
    }
    return placed;
}

} // namespace marginalia

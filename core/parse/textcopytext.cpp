#include "textcopytext.h"

#include <QStringView>

#include <algorithm>
#include <optional>

namespace marginalia {

namespace {

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

int digitsEnd(const QString &text, int i)
{
    while (i < text.size() && isAsciiDigit(text[i]))
        ++i;
    return i;
}

// Length of a page label starting at raw[i] ("[Page 704]", "[Facsimile Page 12]"), or 0; its number in `n`.
int pageLabelAt(const QString &raw, int i, QString &n)
{
    static const QLatin1String prefixes[] = {QLatin1String("[Page"), QLatin1String("[Facsimile Page"),
                                             QLatin1String("[Typeset Page")};
    const QStringView rest = QStringView(raw).mid(i);
    for (const QLatin1String prefix : prefixes) {
        if (!rest.startsWith(prefix))
            continue;
        int j = i + int(prefix.size());
        const int afterPrefix = j;
        while (j < raw.size() && (raw[j] == u' ' || raw[j] == u'\t'))
            ++j;
        const int start = j;
        // Page labels are short ("704", "IV", "[XII]" never nests here); a long run is not a label.
        while (j < raw.size() && j - start <= 20 && raw[j] != u']' && !raw[j].isSpace())
            ++j;
        if (j == afterPrefix || j == start || j >= raw.size() || raw[j] != u']')
            return 0;
        n = raw.mid(start, j - start);
        return j + 1 - i;
    }
    return 0;
}

std::optional<TextCopyMarker> findMarker(const RichText &body, TextCopyCursor from, const QString &label)
{
    for (int b = std::max(0, from.block); b < int(body.size()); ++b) {
        const QString &text = body[std::size_t(b)].text;
        qsizetype p = text.indexOf(label, b == from.block ? from.pos : 0);
        for (; p >= 0; p = text.indexOf(label, p + 1)) {
            if (isGluedMarker(text, int(p), label))
                return TextCopyMarker{b, int(p), int(label.size())};
        }
    }
    return std::nullopt;
}

// The digits of "Documents 309–312" or "Documents 309 and 312" after `pos`, or -1.
int nextListedNumber(const QString &text, int pos)
{
    int i = pos;
    while (i < text.size() && text[i] == u' ')
        ++i;
    if (i < text.size() && (text[i] == u'\u2013' || text[i] == u'-')) {
        ++i;
        while (i < text.size() && text[i] == u' ')
            ++i;
    } else if (QStringView(text).mid(pos).startsWith(QLatin1String(" and "))) {
        i = pos + 5;
    } else {
        return -1;
    }
    return i < text.size() && isAsciiDigit(text[i]) ? i : -1;
}

void addReference(Block &block, Location where, std::vector<CrossReference> &refs, int start, int numberStart,
                  int end)
{
    const QString target = QLatin1Char('d') + block.text.mid(numberStart, end - numberStart);
    where.offset = start;
    refs.push_back(CrossReference{block.text.mid(start, end - start), QString(), target,
                                  QLatin1Char('#') + target, ReferenceKind::Document, where});
    block.anchors.push_back(Anchor{AnchorKind::CrossReference, start, end, int(refs.size()) - 1});
}

// End of a document number starting at i, or -1 when there is none or it runs into a word ("316a").
int documentNumberEnd(const QString &text, int i)
{
    const int end = digitsEnd(text, i);
    if (end == i || end - i > 6 || (end < text.size() && text[end].isLetterOrNumber()))
        return -1;
    return end;
}

} // namespace

TextCopyParagraph collapseParagraph(const QString &raw)
{
    TextCopyParagraph out;
    out.text.reserve(raw.size());
    bool pendingSpace = false;
    QString n;
    for (int i = 0; i < raw.size();) {
        const QChar c = raw[i];
        if (c.isSpace()) {
            pendingSpace = !out.text.isEmpty();
            ++i;
            continue;
        }
        if (c == u'[') {
            if (const int length = pageLabelAt(raw, i, n)) {
                // "Twelve [Page 701] of": the page turns after "Twelve ", as the TEI's <pb/> does.
                out.breaks.push_back(TextCopyBreak{n, int(out.text.size()) + (pendingSpace ? 1 : 0)});
                i += length;
                continue;
            }
        }
        if (pendingSpace) {
            out.text += QLatin1Char(' ');
            pendingSpace = false;
        }
        out.text += c;
        ++i;
    }
    for (TextCopyBreak &b : out.breaks)
        b.offset = std::min(b.offset, int(out.text.size()));
    return out;
}

bool isGluedMarker(const QString &text, int pos, const QString &label)
{
    const int end = pos + int(label.size());
    if (pos <= 0 || end > text.size() || QStringView(text).mid(pos, label.size()) != label)
        return false;
    if (end < text.size() && (text[end].isLetterOrNumber() || text[end] == u'/'))
        return false; // "2455" when 2 is expected, "1st", a file number "816.51c39/281"
    if (end + 1 < text.size() && (text[end] == u'.' || text[end] == u',') && isAsciiDigit(text[end + 1]))
        return false; // part of a longer number: "711.00/123", "3.5", "1,000"
    const QStringView rest = QStringView(text).mid(end);
    if (rest.startsWith(QLatin1String(" a.m")) || rest.startsWith(QLatin1String(" p.m"))
        || (rest.size() >= 2 && rest[0] == u':' && isAsciiDigit(rest[1])))
        return false; // the hour of a dateline: "1934—1 p.m.", "[Received 1:30 p.m.]"
    const QChar before = text[pos - 1];
    if (before.isLetter())
        return true; // "Dean4", "Page3"
    // Closing punctuation may carry a marker; opening brackets, slashes, dashes and digits may not
    // ("(1)", "460.509/8-1762", "No. 2455").
    static const QString closers = QStringLiteral(".,;:!?)]}\"'\u201D\u2019\u2014\u2026"); // … an omission
    if (!closers.contains(before))
        return false;
    if (pos < 2 || !isAsciiDigit(text[pos - 2]))
        return true;
    if (before == u':')
        return false; // the minutes of an hour ("at 12:30"), a ratio
    // After "2455." or "17," a marker is common ("NSC Action 2455.2 We", "On August 17,3 he"), but so are
    // numbers: "1,000" is a thousands group, "3.5 percent" a decimal, which lowercase text follows.
    if (before == u',')
        return label.size() != 3 || !std::all_of(label.begin(), label.end(), isAsciiDigit); // "1931,14a"
    if (before == u'.')
        return end == text.size() || (text[end] == u' ' && end + 1 < text.size() && !text[end + 1].isLower());
    return true;
}

std::vector<TextCopyMarker> findMarkers(const RichText &body, TextCopyCursor from, int first, int count)
{
    std::vector<TextCopyMarker> found;
    for (int label = first; label < first + count; ++label) {
        const std::optional<TextCopyMarker> hit = findMarker(body, from, QString::number(label));
        if (!hit)
            break;
        found.push_back(*hit);
        from = TextCopyCursor{hit->block, hit->pos + hit->length};
    }
    return found;
}

void addDocumentReferences(Block &block, Location where, std::vector<CrossReference> &refs)
{
    static const QString word = QStringLiteral("Document");
    const QString &text = block.text;
    for (qsizetype p = text.indexOf(word); p >= 0; p = text.indexOf(word, p + 1)) {
        if (p > 0 && text[p - 1].isLetterOrNumber())
            continue;
        int i = int(p + word.size());
        const bool plural = i < text.size() && text[i] == u's';
        if (plural)
            ++i;
        if (i >= text.size() || text[i] != u' ')
            continue;
        int end = documentNumberEnd(text, i + 1);
        if (end < 0)
            continue;
        addReference(block, where, refs, int(p), i + 1, end);
        // A range or pair links each number on its own, as the TEI does: "Documents 309"–"312".
        for (int next = plural ? nextListedNumber(text, end) : -1; next >= 0; next = nextListedNumber(text, end)) {
            const int nextEnd = documentNumberEnd(text, next);
            if (nextEnd < 0)
                break;
            addReference(block, where, refs, next, next, nextEnd);
            end = nextEnd;
        }
    }
}

} // namespace marginalia

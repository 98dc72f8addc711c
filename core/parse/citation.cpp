#include "citation.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <atomic>
#include <climits>
#include <thread>

namespace marginalia {

namespace {

// A period after one of these does not end a sentence ("Memorandum No. 142. Secret." ends after 142).
bool isAbbreviation(const QString &word)
{
    static const QStringList abbreviations = {
        QStringLiteral("no"),   QStringLiteral("nos"),  QStringLiteral("mr"),   QStringLiteral("mrs"),
        QStringLiteral("ms"),   QStringLiteral("dr"),   QStringLiteral("st"),   QStringLiteral("jr"),
        QStringLiteral("sr"),   QStringLiteral("vol"),  QStringLiteral("vols"), QStringLiteral("p"),
        QStringLiteral("pp"),   QStringLiteral("ed"),   QStringLiteral("eds"),  QStringLiteral("gen"),
        QStringLiteral("col"),  QStringLiteral("lt"),   QStringLiteral("capt"), QStringLiteral("adm"),
        QStringLiteral("amb"),  QStringLiteral("sen"),  QStringLiteral("rep"),  QStringLiteral("gov"),
        QStringLiteral("dept"), QStringLiteral("doc"),  QStringLiteral("docs"), QStringLiteral("ch"),
        QStringLiteral("cf"),   QStringLiteral("ibid"), QStringLiteral("ca"),   QStringLiteral("art"),
    };
    // A single letter is an initial ("Clarence T. Breaux", "U.S.") or a list label.
    return word.size() == 1 || abbreviations.contains(word, Qt::CaseInsensitive);
}

// Index of the period that ends the first sentence of `s` from `from`: one followed by a space and a
// capital, or the last character; s.size() when the text has no such end.
qsizetype sentenceEnd(const QString &s, qsizetype from = 0)
{
    for (qsizetype i = from; i < s.size(); ++i) {
        if (s[i] != QLatin1Char('.'))
            continue;
        if (i + 1 == s.size())
            return i;
        if (s[i + 1] != QLatin1Char(' ') || i + 2 >= s.size() || !s[i + 2].isUpper())
            continue;
        qsizetype j = i;
        while (j > from && s[j - 1].isLetter())
            --j;
        if (!isAbbreviation(s.mid(j, i - j)))
            return i;
    }
    return s.size();
}

QString firstSentence(const QString &s)
{
    return s.left(sentenceEnd(s)).trimmed();
}

QString stripTrailingPeriod(QString s)
{
    s = s.trimmed();
    while (s.endsWith(QLatin1Char('.')) || s.endsWith(QLatin1Char(',')) || s.endsWith(QLatin1Char(';')))
        s.chop(1);
    return s.trimmed();
}

const QRegularExpression &fileNumberRe()
{
    // "460.509/8-1762", "825.5151/132", "611.2131/205b", "033.1100-RU/7-262"
    static const QRegularExpression re(QStringLiteral("\\b\\d{3}(?:\\.[\\w-]+)*/[\\w.-]*\\w"));
    return re;
}

// After "Ibid": ".", ",", then the part that differs, up to the end of its sentence or clause.
NoteCitation ibidCitation(const QString &afterIbid)
{
    QString rest = afterIbid;
    while (!rest.isEmpty() && (rest[0] == QLatin1Char('.') || rest[0] == QLatin1Char(',') || rest[0].isSpace()))
        rest.remove(0, 1);
    rest = rest.left(sentenceEnd(rest));
    const qsizetype semicolon = rest.indexOf(QLatin1Char(';'));
    if (semicolon >= 0)
        rest.truncate(semicolon);
    return NoteCitation{QString(), true, stripTrailingPeriod(rest)};
}

const QRegularExpression &foreignRelationsRe()
{
    static const QRegularExpression re(QStringLiteral("\\bForeign Relations,\\s*\\d{4}"));
    return re;
}

bool looksLikeCitation(const QString &s)
{
    static const QRegularExpression archive(
        QStringLiteral("\\b(Department of State|Files|Library|Records|Papers|Archives)\\b"));
    return fileNumberRe().match(s).hasMatch() || archive.match(s).hasMatch();
}

// The content of the parenthetical that closes `s` ("… (Ibid.)", "… (Department of State, …)."), or a
// null string.
QString trailingParenthetical(const QString &s)
{
    const QString t = stripTrailingPeriod(s);
    if (!t.endsWith(QLatin1Char(')')))
        return {};
    int depth = 0;
    for (qsizetype i = t.size() - 1; i >= 0; --i) {
        if (t[i] == QLatin1Char(')'))
            ++depth;
        else if (t[i] == QLatin1Char('(') && --depth == 0)
            return t.mid(i + 1, t.size() - i - 2).trimmed();
    }
    return {};
}

bool startsWithIbid(const QString &s)
{
    return s.startsWith(QLatin1String("ibid"), Qt::CaseInsensitive)
        && (s.size() == 4 || !s[4].isLetter());
}

QString withoutUnbalancedParenthesis(QString s)
{
    s = stripTrailingPeriod(s);
    if (s.endsWith(QLatin1Char(')')) && s.count(QLatin1Char(')')) > s.count(QLatin1Char('(')))
        s.chop(1);
    return stripTrailingPeriod(s);
}

enum class PartShape : std::uint8_t { Other, Page, Volume, Year, FileNumber };

// "p. 5", "pp. 5-7": a regular expression here would cost more than the rest of a note's reading.
bool isPagePart(QStringView p)
{
    const qsizetype dot = p.startsWith(QLatin1String("pp.")) ? 2 : p.startsWith(QLatin1String("p.")) ? 1 : -1;
    return dot > 0 && p.size() > dot + 1 && p[dot + 1].isSpace();
}

PartShape shapeOf(const QString &part)
{
    static const QRegularExpression vol(QStringLiteral("^vols?\\.\\s"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression year(QStringLiteral("^\\d{4}$"));
    static const QRegularExpression fileNumber(QStringLiteral("^\\d{3}(?:\\.[\\w-]+)*/"));
    const QString p = part.trimmed();
    if (isPagePart(p))
        return PartShape::Page;
    if (vol.match(p).hasMatch())
        return PartShape::Volume;
    if (year.match(p).hasMatch())
        return PartShape::Year;
    if (fileNumber.match(p).hasMatch())
        return PartShape::FileNumber;
    return PartShape::Other;
}

bool hasPagePart(const QString &sentence)
{
    const QStringView separator = u", ";
    for (qsizetype from = 0; from <= sentence.size();) {
        qsizetype end = sentence.indexOf(separator, from);
        if (end < 0)
            end = sentence.size();
        if (isPagePart(QStringView(sentence).sliced(from, end - from).trimmed()))
            return true;
        from = end + separator.size();
    }
    return false;
}

// A note that is a printed source: "Foreign Relations, 1903, p. 350.", "See Malloy, Treaties, vol. i,
// p. 232.", "Vol. iv, p. 393." — the first clause of its first sentence that names a page. A treaty's
// note names the treaty first and its printing after a semicolon ("Treaty with Spain, signed July 25,
// 1850; renewed …; British and Foreign State Papers, vol. xxxix, p. 1331.").
QString publishedSource(const QString &text)
{
    static const QRegularExpression see(QStringLiteral("^See\\s+"));
    QString rest = text;
    if (const auto m = see.match(rest); m.hasMatch())
        rest = rest.mid(m.capturedEnd());
    // Longer clauses are prose that happens to mention a page.
    constexpr qsizetype maxCitationLength = 200;
    // "…; but see memorandum of August 18, 1934, …, p. 165."
    static const QRegularExpression laterSee(QStringLiteral("^(?:but |and )?(?:see|cf\\.)(?: also)?\\s+"),
                                             QRegularExpression::CaseInsensitiveOption);
    const QStringList clauses = firstSentence(rest).split(QLatin1Char(';'));
    for (qsizetype c = 0; c < clauses.size(); ++c) {
        QString clause = clauses[c].trimmed();
        if (const auto m = laterSee.match(clause); c > 0 && m.hasMatch())
            clause = clause.mid(m.capturedEnd());
        if (clause.size() > maxCitationLength
            || !(clause.startsWith(QLatin1String("Foreign Relations")) || hasPagePart(clause)))
            continue;
        // "For instruction No. 214 …, see Foreign Relations, 1933, vol. v, p. 814": the printed source is the citation.
        if (const auto m = foreignRelationsRe().match(clause); m.hasMatch())
            clause = clause.mid(m.capturedStart());
        return withoutUnbalancedParenthesis(clause);
    }
    return {};
}

// Where "ibid." stands as a word in `s` (not at its start), or -1.
qsizetype ibidInside(const QString &s)
{
    static const QRegularExpression ibid(QStringLiteral("(?<![\\w])ibid\\b"), QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = ibid.match(s, 1);
    return m.hasMatch() ? m.capturedStart() : -1;
}

// A citation found in a note that says "ibid." in it ("…; ibid., vol. xcv, p. 818", "See telegram No.
// 83 …, ibid., p. 770"): an Ibid. of the citation before the note, unless the note names a source of
// its own before the "ibid." (then that is its citation and the "ibid." repeats it within the note).
NoteCitation withIbidInside(const NoteCitation &found)
{
    const QString &cited = found.citation;
    const qsizetype inCitation = startsWithIbid(cited) ? 0 : ibidInside(cited);
    if (cited.isEmpty() || inCitation < 0)
        return found;
    const QString own = cited.left(inCitation);
    if (foreignRelationsRe().match(own).hasMatch() || hasPagePart(own.section(QLatin1Char(';'), 0, 0)))
        return {stripTrailingPeriod(own.section(QLatin1Char(';'), 0, 0)), false, {}};
    NoteCitation ibid = ibidCitation(cited.mid(inCitation + 4));
    // "ibid., vol. xcvii, p. 994, or League of Nations Treaty Series, …": the first printing named.
    const qsizetype alternative = ibid.ibidSuffix.indexOf(QLatin1String(", or "));
    if (alternative >= 0)
        ibid.ibidSuffix.truncate(alternative);
    return ibid;
}

// The citations met so far, as an "Ibid." needs them: the most recent one, except that an archive file
// number on its own ("839.51/4039") has no pages or volumes, so "Ibid., p. 668" passes over it to a
// printed source. Keeping both answers makes each look-up constant, however long the chain.
class EarlierCitations {
public:
    explicit EarlierCitations(const PrecedingCitations &before)
        : m_last(before.last), m_lastWithParts(before.lastWithParts) {}
    void add(const QString &cited, bool bareFileNumber)
    {
        m_last = cited;
        m_ownLast = true;
        if (!bareFileNumber) {
            m_lastWithParts = cited;
            m_ownWithParts = true;
        }
    }
    QString baseFor(const QString &suffix)
    {
        const PartShape shape = shapeOf(suffix.section(QStringLiteral(", "), 0, 0));
        const bool printed = shape == PartShape::Page || shape == PartShape::Volume || shape == PartShape::Year;
        m_usedPreceding = m_usedPreceding || !(printed ? m_ownWithParts : m_ownLast);
        return printed ? m_lastWithParts : m_last;
    }
    PrecedingCitations state() const { return {m_last, m_lastWithParts}; }
    // Whether an Ibid. took its base from the documents before this one.
    bool usedPreceding() const { return m_usedPreceding; }

private:
    QString m_last;
    QString m_lastWithParts;
    bool m_ownLast = false;      // m_last is a citation of this document
    bool m_ownWithParts = false; // likewise m_lastWithParts
    bool m_usedPreceding = false;
};

// An archive file number on its own ("839.51/4039"): no pages or volumes for an Ibid. to replace.
bool isBareFileNumber(const QString &cited)
{
    static const QRegularExpression bareFileNumber(QStringLiteral("^\\d{3}(?:\\.[\\w-]+)*/[\\w.-]*$"));
    return bareFileNumber.match(cited).hasMatch();
}

// One note as read on its own, before its Ibid. is resolved against the notes before it; reading is
// the costly part and needs nothing but the note, so a volume's notes are read on several threads.
struct ReadNote {
    NoteCitation citation;
    bool bareFileNumber = false; // of citation.citation
    int footnote = -1;           // the footnote it is, or -1 for an inline source note
};

ReadNote readNote(const QString &text, int footnote)
{
    ReadNote note{parseNoteCitation(text), false, footnote};
    if (!note.citation.ibid && !note.citation.citation.isEmpty())
        note.bareFileNumber = isBareFileNumber(note.citation.citation);
    return note;
}

// What `note` cites, its Ibid. resolved against `earlier`, which then holds it too.
QString cite(EarlierCitations &earlier, const ReadNote &note)
{
    const NoteCitation &c = note.citation;
    if (!c.ibid) {
        if (!c.citation.isEmpty())
            earlier.add(c.citation, note.bareFileNumber);
        return c.citation;
    }
    QString cited = applyIbid(earlier.baseFor(c.ibidSuffix), c.ibidSuffix);
    if (!cited.isEmpty())
        earlier.add(cited, isBareFileNumber(cited));
    return cited;
}

// `doc`'s notes in reading order: each footnote where its marker stands (a nested note where its
// parent's does), each inline source note where its block stands.
std::vector<ReadNote> readNotesInReadingOrder(const Document &doc);

// The citations of `doc`'s notes, indexed like its footnotes, each Ibid. resolved from `earlier`.
std::vector<QString> resolveCitations(const Document &doc, const std::vector<ReadNote> &notes,
                                      EarlierCitations &earlier)
{
    std::vector<QString> out(doc.footnotes.size());
    for (const ReadNote &note : notes) {
        QString cited = cite(earlier, note);
        if (note.footnote >= 0)
            out[std::size_t(note.footnote)] = std::move(cited);
    }
    return out;
}

// Every document's notes, read on up to `threads` threads.
std::vector<std::vector<ReadNote>> readVolumeNotes(const Volume &volume, int threads)
{
    std::vector<std::vector<ReadNote>> notes(volume.documents.size());
    // Batches keep the shared counter cold; a document's notes are a few microseconds of work.
    constexpr std::size_t batch = 16;
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t first = next.fetch_add(batch); first < notes.size(); first = next.fetch_add(batch)) {
            const std::size_t last = std::min(first + batch, notes.size());
            for (std::size_t i = first; i < last; ++i)
                notes[i] = readNotesInReadingOrder(volume.documents[i]);
        }
    };
    const std::size_t helpers = std::size_t(std::clamp(threads, 1, 64) - 1);
    std::vector<std::thread> pool;
    pool.reserve(helpers);
    for (std::size_t t = 0; t < helpers && t * batch < notes.size(); ++t)
        pool.emplace_back(work);
    work();
    for (std::thread &t : pool)
        t.join();
    return notes;
}

} // namespace

NoteCitation parseNoteCitation(const QString &noteText)
{
    const QString text = noteText.simplified();
    static const QRegularExpression source(QStringLiteral("^Source:\\s*"),
                                           QRegularExpression::CaseInsensitiveOption);
    if (const auto m = source.match(text); m.hasMatch())
        return {stripTrailingPeriod(firstSentence(text.mid(m.capturedEnd()))), false, {}};
    if (startsWithIbid(text))
        return ibidCitation(text.mid(4));

    static const QRegularExpression oldFileNote(QStringLiteral("^(\\d{3}(?:\\.[\\w-]+)*/[\\w.-]*\\w)(?::|\\s|$)"));
    if (const auto m = oldFileNote.match(text); m.hasMatch())
        return {m.captured(1), false, {}};
    if (QString published = publishedSource(text); !published.isEmpty())
        return withIbidInside({published, false, {}});

    const QString paren = trailingParenthetical(text);
    if (startsWithIbid(paren))
        return ibidCitation(paren.mid(4));
    if (!paren.isEmpty() && looksLikeCitation(paren))
        return {stripTrailingPeriod(paren), false, {}};

    // "See telegram No. 39 … Foreign Relations, 1924, vol. ii, p. 522.": the printed source named later.
    if (const auto m = foreignRelationsRe().match(text); m.hasMatch()) {
        const qsizetype start = m.capturedStart();
        return withIbidInside({withoutUnbalancedParenthesis(text.mid(start, sentenceEnd(text, start) - start)), false, {}});
    }
    return {};
}

QString applyIbid(const QString &base, const QString &suffix)
{
    if (base.isEmpty() || suffix.isEmpty())
        return base;
    const QString separator = QStringLiteral(", ");
    const QStringList parts = base.split(separator);
    const PartShape shape = shapeOf(suffix.section(separator, 0, 0));
    if (shape != PartShape::Other) {
        for (qsizetype i = parts.size() - 1; i >= 0; --i) {
            if (shapeOf(parts[i]) == shape)
                return QStringList(parts.mid(0, i)).join(separator) + (i > 0 ? separator : QString()) + suffix;
        }
    }
    return base + separator + suffix;
}

std::vector<QString> documentCitations(const Document &doc)
{
    EarlierCitations earlier(doc.precedingCitations);
    return resolveCitations(doc, readNotesInReadingOrder(doc), earlier);
}

void carryCitationsAcrossDocuments(Volume &volume, int threads)
{
    const std::vector<std::vector<ReadNote>> notes = readVolumeNotes(volume, threads);
    PrecedingCitations state;
    // Division heads stand before their first document in reading order; each is read once.
    std::vector<bool> read(volume.divisions.size(), false);
    std::vector<int> entered;
    for (std::size_t i = 0; i < volume.documents.size(); ++i) {
        Document &doc = volume.documents[i];
        for (int d = doc.division; d >= 0 && std::size_t(d) < read.size() && !read[std::size_t(d)];
             d = volume.divisions[std::size_t(d)].parent) {
            read[std::size_t(d)] = true;
            entered.push_back(d);
        }
        if (!entered.empty()) {
            EarlierCitations heads(state);
            for (auto it = entered.rbegin(); it != entered.rend(); ++it) { // outermost first
                for (const QString &note : volume.divisions[std::size_t(*it)].headNotes)
                    cite(heads, readNote(note, -1));
            }
            state = heads.state();
            entered.clear();
        }
        EarlierCitations earlier(state);
        for (const ReadNote &note : notes[i])
            cite(earlier, note);
        doc.precedingCitations = earlier.usedPreceding() ? state : PrecedingCitations{};
        state = earlier.state();
    }
}

namespace {

std::vector<ReadNote> readNotesInReadingOrder(const Document &doc)
{
    std::vector<int> anchorBlock(doc.footnotes.size(), INT_MAX);
    for (std::size_t i = 0; i < doc.footnotes.size(); ++i) {
        const Location &m = doc.footnotes[i].marker;
        if (m.inBody())
            anchorBlock[i] = m.block;
        else if (std::size_t(m.footnote) < i)
            anchorBlock[i] = anchorBlock[std::size_t(m.footnote)];
        else if (i > 0)
            anchorBlock[i] = anchorBlock[i - 1];
    }

    std::vector<ReadNote> out;
    out.reserve(doc.footnotes.size());
    std::size_t block = 0;
    for (std::size_t i = 0; i <= doc.footnotes.size(); ++i) {
        const int upTo = i < doc.footnotes.size() ? anchorBlock[i] : INT_MAX;
        for (; block < doc.body.size() && int(block) <= upTo; ++block) {
            if (doc.body[block].kind == BlockKind::InlineNote)
                out.push_back(readNote(doc.body[block].text, -1));
        }
        if (i < doc.footnotes.size())
            out.push_back(readNote(plainText(doc.footnotes[i].content, QStringLiteral(" ")), int(i)));
    }
    return out;
}

} // namespace

} // namespace marginalia

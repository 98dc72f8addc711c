#include "ftsquery.h"

#include "util/textfold.h"

#include <QStringList>

namespace marginalia {

namespace {

bool isQuote(QChar c)
{
    return c == u'"' || c == u'\u201c' || c == u'\u201d';
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber();
}

void addTerm(std::vector<SearchTerm> &terms, QStringView text, bool prefix)
{
    if (std::any_of(text.begin(), text.end(), isWordChar))
        terms.push_back({text.toString(), prefix});
}

// A term as a pattern over folded text (foldForSearch(): close to what unicode61 with remove_diacritics
// compares, and one unit for one, so a match's offsets are the original's): its words in order with
// anything but letters and digits between them, starting at a word boundary and, unless it is a prefix,
// ending at one.
QString termPattern(const SearchTerm &term)
{
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}]+"));
    const QStringList words = foldForSearch(term.text).split(separators, Qt::SkipEmptyParts);
    QStringList escaped;
    for (const QString &word : words)
        escaped << QRegularExpression::escape(word);
    return QStringLiteral("(?<![\\p{L}\\p{N}])") + escaped.join(QStringLiteral("[^\\p{L}\\p{N}]+"))
        + (term.prefix ? QStringLiteral("[\\p{L}\\p{N}]*") : QStringLiteral("(?![\\p{L}\\p{N}])"));
}

} // namespace

std::vector<SearchTerm> searchTerms(const QString &userText)
{
    std::vector<SearchTerm> terms;
    const qsizetype size = userText.size();
    qsizetype i = 0;
    while (i < size) {
        const QChar c = userText.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (isQuote(c)) {
            qsizetype end = i + 1;
            while (end < size && !isQuote(userText.at(end)))
                ++end;
            addTerm(terms, QStringView(userText).mid(i + 1, end - i - 1), false);
            i = end + 1;
        } else {
            qsizetype end = i;
            while (end < size && !userText.at(end).isSpace() && !isQuote(userText.at(end)))
                ++end;
            addTerm(terms, QStringView(userText).mid(i, end - i), true);
            i = end;
        }
    }
    return terms;
}

QString ftsQuery(const std::vector<SearchTerm> &terms)
{
    QStringList quoted;
    for (const SearchTerm &term : terms) {
        // Inside an FTS5 string a double quote is written twice; nothing else is special there.
        QString text = term.text;
        text.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        quoted << QLatin1Char('"') + text + QLatin1Char('"') + (term.prefix ? QStringLiteral("*") : QString());
    }
    return quoted.join(QLatin1Char(' '));
}

QString ftsQuery(const QString &userText)
{
    return ftsQuery(searchTerms(userText));
}

SnippetMaker::SnippetMaker(const std::vector<SearchTerm> &terms)
{
    QStringList patterns;
    for (const SearchTerm &term : terms)
        patterns << termPattern(term);
    m_match.setPattern(patterns.join(QLatin1Char('|')));
    m_match.setPatternOptions(QRegularExpression::UseUnicodePropertiesOption);
}

QString SnippetMaker::snippet(const QString &text) const
{
    constexpr qsizetype Before = 40;
    constexpr qsizetype After = 110;
    if (m_match.pattern().isEmpty())
        return {};
    // Most first matches are near the start: fold a head of the text before folding all of it.
    constexpr qsizetype Head = 4096;
    QString folded = foldForSearch(QStringView(text).left(Head + After + 20));
    QRegularExpressionMatch first = m_match.match(folded);
    if ((!first.hasMatch() || first.capturedEnd() > Head) && folded.size() < text.size()) {
        folded = foldForSearch(text);
        first = m_match.match(folded);
    }
    if (!first.hasMatch())
        return {};
    // Widen to whole words: back to a space before the match, forward to a space after the window.
    qsizetype from = std::max<qsizetype>(0, first.capturedStart() - Before);
    while (from > 0 && !text.at(from - 1).isSpace() && first.capturedStart() - from < Before + 20)
        --from;
    qsizetype to = std::min(text.size(), first.capturedEnd() + After);
    while (to < text.size() && !text.at(to).isSpace() && to - first.capturedEnd() < After + 20)
        ++to;
    QString out = from > 0 ? QStringLiteral("…") : QString();
    qsizetype at = from;
    for (auto it = m_match.globalMatch(folded.left(to), from); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        out += QStringView(text).mid(at, match.capturedStart() - at) + QStringLiteral("«")
            + QStringView(text).mid(match.capturedStart(), match.capturedLength()) + QStringLiteral("»");
        at = match.capturedEnd();
    }
    out += QStringView(text).mid(at, to - at);
    if (to < text.size())
        out += QStringLiteral("…");
    return out.simplified();
}

std::vector<std::pair<qsizetype, qsizetype>> SnippetMaker::matches(const QString &text) const
{
    std::vector<std::pair<qsizetype, qsizetype>> spans;
    if (m_match.pattern().isEmpty())
        return spans;
    const QString folded = foldForSearch(text); // same length as `text`, as snippet() relies on
    for (auto it = m_match.globalMatch(folded); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        spans.emplace_back(match.capturedStart(), match.capturedEnd());
    }
    return spans;
}

} // namespace marginalia

#include "textcopyheading.h"

#include <QRegularExpression>

#include <algorithm>

namespace marginalia {

namespace {

bool isBlankLine(const QString &line)
{
    return std::all_of(line.begin(), line.end(), [](QChar c) { return c.isSpace(); });
}

// "No. 135." above the title of an 1890s page: the volume's own document number.
QString numberLineOf(const QString &line)
{
    static const QRegularExpression re(QStringLiteral("^No\\. ?(\\d{1,5})\\.?$"));
    const QRegularExpressionMatch m = re.match(line);
    return m.hasMatch() ? m.captured(1) : QString();
}


// "[Extract]", "[Telegram.]": a bracketed line of its own that is not a page label.
bool isBracketedLine(const QString &line)
{
    return line.size() >= 3 && line.size() <= 200 && line.startsWith(QLatin1Char('['))
        && line.endsWith(QLatin1Char(']')) && line.indexOf(QLatin1Char(']')) == line.size() - 1;
}

// A first line that is the text rather than a title: the dateline, a salutation, a long sentence.
bool looksLikeBody(const QString &line)
{
    static const QRegularExpression dateline(QStringLiteral(
        "^[A-Z][^,]{0,60}, (?:January|February|March|April|May|June|July|August|September|October|November|"
        "December) \\d{1,2}, \\d{4}"));
    static const QRegularExpression salutation(QStringLiteral("^(?:Sir|Dear|My dear|Excellency|Gentlemen)\\b[^:]{0,40}:"));
    if (line.size() > 300 || dateline.match(line).hasMatch() || salutation.match(line).hasMatch())
        return true;
    const qsizetype words = line.count(QLatin1Char(' ')) + 1;
    return words > 30 && (line.endsWith(QLatin1Char('.')) || line.endsWith(QLatin1Char(':')));
}

} // namespace

// A file number ("783.003/144", "File No. 861.51/145", "825.5151/132½: Telegram"), with the subject
// some files name ("611.176 Sugar/41", "439.11c Colom, Eduardo/32"), or a treaty's series number
// ("Executive Agreement Series No. 67"); never a sentence.
bool isSourceLine(const QString &line)
{
    static const QRegularExpression file(QStringLiteral(
        "^(?:File No\\. ?)?\\d{2,4}(?:\\.[\\dA-Za-z]+)*(?: \\p{Lu}[\\p{L}\u2019'.-]*(?:,? \\p{Lu}[\\p{L}\u2019'.-]*){0,3})?"
        "/[^\\s,;]{1,24}(?:,? ?[^\\s,;/]{1,24}/[^\\s,;]{1,24})*(?:: ?[A-Z][A-Za-z ]{0,30})?\\.?$"));
    static const QRegularExpression series(QStringLiteral("^(?:Executive Agreement|Treaty) Series,? No\\. ?\\d{1,5}\\.?$"));
    // Asked of every paragraph of a copy: most are ruled out by their first character.
    if (line.isEmpty() || line.size() > 120)
        return false;
    const QChar first = line.front();
    if (first.isDigit() || first == u'F')
        return file.match(line).hasMatch();
    return (first == u'E' || first == u'T') && series.match(line).hasMatch();
}

bool splitNumberedTitle(const QString &line, QString &number, int &titleStart)
{
    int i = 0;
    while (i < line.size() && i < 6 && line[i] >= u'0' && line[i] <= u'9')
        ++i;
    if (i == 0 || i + 2 >= line.size() || line[i] != u'.' || line[i + 1] != u' ')
        return false;
    number = line.left(i);
    titleStart = i + 2;
    return true;
}

TextCopyHeading readTextCopyHeading(const QStringList &lines)
{
    TextCopyHeading heading;
    QString numberLine;
    for (int j = 0; j < lines.size(); ++j) {
        if (isBlankLine(lines[j]))
            continue;
        const TextCopyParagraph para = collapseParagraph(lines[j]);
        const QString &text = para.text;
        heading.bodyFrom = j;
        if (text.isEmpty()) { // "[Page 9]" before the heading
            heading.breaks.insert(heading.breaks.end(), para.breaks.begin(), para.breaks.end());
            continue;
        }
        if (numberLine.isEmpty() && heading.number.isEmpty() && splitNumberedTitle(text, heading.number, heading.titleStart)) {
            heading.text = text;
            heading.line = j;
            heading.bodyFrom = j + 1;
            heading.breaks.insert(heading.breaks.end(), para.breaks.begin(), para.breaks.end());
            return heading;
        }
        if (numberLine.isEmpty() && !(heading.number = numberLineOf(text)).isEmpty()) {
            numberLine = text;
            continue;
        }
        if (numberLine.isEmpty() && (isSourceLine(text) || isBracketedLine(text))) {
            heading.above.push_back(TextCopyTopLine{j, text});
            continue;
        }
        if (numberLine.isEmpty() && looksLikeBody(text))
            return heading; // an empty heading: the body starts here
        heading.text = numberLine.isEmpty() ? text : numberLine + QLatin1Char('\n') + text;
        heading.titleStart = numberLine.isEmpty() ? 0 : int(numberLine.size()) + 1;
        heading.line = j;
        heading.bodyFrom = j + 1;
        for (const TextCopyBreak &b : para.breaks) // "[Page 9]The Minister …"
            heading.breaks.push_back(TextCopyBreak{b.n, b.offset + heading.titleStart});
        return heading;
    }
    heading.bodyFrom = int(lines.size());
    return heading;
}

} // namespace marginalia

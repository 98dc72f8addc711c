#include "documentnumber.h"

namespace marginalia {

namespace {

qsizetype skipSpaces(QStringView text, qsizetype at)
{
    while (at < text.size() && text[at].isSpace())
        ++at;
    return at;
}

} // namespace

QString normalDocumentNumber(QStringView number)
{
    number = number.trimmed();
    while (!number.isEmpty() && (number.front() == u'[' || number.front().isSpace()))
        number = number.mid(1);
    while (!number.isEmpty() && (number.back() == u']' || number.back() == u'.' || number.back().isSpace()))
        number.chop(1);
    return number.toString();
}

qsizetype ownNumberLength(QStringView head, QStringView number)
{
    const QString own = normalDocumentNumber(number);
    if (own.isEmpty())
        return 0;
    qsizetype at = skipSpaces(head, 0);
    // "No. 38." in the 1890s volumes, also written "No 38" and "No.38".
    bool marked = false;
    if (head.mid(at).startsWith(QLatin1String("No"), Qt::CaseInsensitive)) {
        qsizetype after = at + 2;
        if (after < head.size() && head[after] == u'.')
            ++after;
        after = skipSpaces(head, after);
        if (after > at + 2 && after < head.size() && head[after].isDigit()) {
            at = after;
            marked = true;
        }
    }
    const bool bracketed = at < head.size() && head[at] == u'[';
    if (bracketed)
        at = skipSpaces(head, at + 1);
    if (!head.mid(at).startsWith(own, Qt::CaseInsensitive))
        return 0;
    at += own.size();
    // The number ends here: "50" is not document 5's, nor is "1934" document 1's.
    if (at < head.size() && head[at].isLetterOrNumber())
        return 0;
    bool dotted = false;
    if (at < head.size() && head[at] == u'.') {
        // "3.5 per cent" is not a number and its dot.
        if (at + 1 < head.size() && head[at + 1].isDigit())
            return 0;
        ++at;
        dotted = true;
    }
    if (bracketed) {
        at = skipSpaces(head, at);
        if (at >= head.size() || head[at] != u']')
            return 0;
        ++at;
        if (at < head.size() && head[at] == u'.')
            ++at;
    }
    const qsizetype end = skipSpaces(head, at);
    if (end == head.size()) // the head is its number only
        return end;
    // A bare number followed by words is part of the title ("1934 Trade Agreement"); with a dot or a
    // bracket the title may follow without a space ("13.Memorandum", glued by markup or by the typist).
    if (dotted || bracketed)
        return end;
    return marked && end > at ? end : 0;
}

QString withoutOwnNumber(QStringView head, QStringView number)
{
    QString title = head.mid(ownNumberLength(head, number)).trimmed().toString();
    title.replace(u'\n', u' ');
    return title;
}

} // namespace marginalia

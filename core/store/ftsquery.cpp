#include "ftsquery.h"

#include <QStringList>

namespace marginalia {

namespace {

bool isQuote(QChar c)
{
    return c == u'"' || c == u'\u201c' || c == u'\u201d';
}

bool hasLetterOrDigit(QStringView text)
{
    for (QChar c : text) {
        if (c.isLetterOrNumber())
            return true;
    }
    return false;
}

// Inside an FTS5 string a double quote is written twice; nothing else is special there.
void addTerm(QStringList &terms, QStringView text, bool prefix)
{
    if (!hasLetterOrDigit(text))
        return;
    QString term = text.toString();
    term.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    terms << QLatin1Char('"') + term + QLatin1Char('"') + (prefix ? QStringLiteral("*") : QString());
}

} // namespace

QString ftsQuery(const QString &userText)
{
    QStringList terms;
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
    return terms.join(QLatin1Char(' '));
}

} // namespace marginalia

// BibTeX, as Zotero's BibTeX import reads it: @incollection, names "Family, Suffix, Given" joined by
// "and", keywords → tags, annote → a note, urldate → the access date.
#include "citationexport.h"

#include "personname.h"

#include <QRegularExpression>

namespace marginalia {

namespace {

// The characters TeX gives a meaning, written so that they read as themselves.
QString escaped(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '\\': out += QStringLiteral("\\textbackslash{}"); break;
        case '{': case '}': case '%': case '&': case '#': case '$': case '_':
            out += QLatin1Char('\\') + c;
            break;
        case '~': out += QStringLiteral("\\textasciitilde{}"); break;
        case '^': out += QStringLiteral("\\textasciicircum{}"); break;
        default: out += c;
        }
    }
    return out;
}

QString bibNames(const QStringList &written)
{
    QStringList out;
    for (const QString &name : written) {
        const PersonName n = splitName(name);
        QStringList parts{n.family};
        if (!n.suffix.isEmpty())
            parts << n.suffix;
        if (!n.given.isEmpty())
            parts << n.given;
        out << escaped(parts.join(QStringLiteral(", ")));
    }
    return out.join(QStringLiteral(" and "));
}

// A key BibTeX accepts: letters, digits and "-" of the document key, "_" for the rest.
QString citeKey(const QString &key)
{
    static const QRegularExpression other(QStringLiteral("[^A-Za-z0-9-]"));
    return QString(key).replace(other, QStringLiteral("_"));
}

void field(QString &out, const char *name, const QString &value, bool raw = false)
{
    if (!value.isEmpty())
        out += QStringLiteral("  %1 = {%2},\n").arg(QLatin1String(name), raw ? value : escaped(value));
}

QString entry(const CitationItem &item, const QDate &accessed)
{
    const CitationSource &s = item.source;
    QString out = QStringLiteral("@incollection{%1,\n").arg(citeKey(s.key));
    field(out, "title", s.title);
    field(out, "booktitle", s.completeTitle);
    field(out, "series", s.series);
    field(out, "volume", s.volumeNumber);
    field(out, "editor", bibNames(s.editors), true);
    field(out, "publisher", s.publisher);
    field(out, "address", s.pubPlace);
    field(out, "year", s.published);
    field(out, "pages", QString(asciiPages(s)).replace(QLatin1Char('-'), QStringLiteral("--")));
    field(out, "url", s.url);
    if (accessed.isValid())
        field(out, "urldate", accessed.toString(Qt::ISODate));
    field(out, "keywords", item.tags.join(QStringLiteral(", ")));
    // One field holds every note: a field given twice is an error to most BibTeX readers.
    field(out, "annote", item.notes.join(QStringLiteral("\n\n")));
    out += QStringLiteral("}\n");
    return out;
}

} // namespace

QByteArray bibtex(const std::vector<CitationItem> &items, const QDate &accessed)
{
    QString out;
    for (const CitationItem &item : items) {
        if (!out.isEmpty())
            out += QLatin1Char('\n');
        out += entry(item, accessed);
    }
    return out.toUtf8();
}

} // namespace marginalia

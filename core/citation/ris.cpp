// RIS, as Zotero's RIS import reads it: CHAP is a book section, T2 its book, T3 the series, A2 the
// editors, A3 the series editor, Y2 the access date, KW a tag a line, N1 a note each.
#include "citationexport.h"

#include "personname.h"

#include <QRegularExpression>

namespace marginalia {

namespace {

QString risName(const QString &name)
{
    const PersonName n = splitName(name);
    QStringList parts{n.family};
    if (!n.given.isEmpty() || !n.suffix.isEmpty())
        parts << n.given;
    if (!n.suffix.isEmpty())
        parts << n.suffix;
    return parts.join(QStringLiteral(", "));
}

// A value is one line: a line break in it would start what reads as a field of its own.
void tag(QString &out, const char *name, const QString &value)
{
    if (value.isEmpty())
        return;
    static const QRegularExpression breaks(QStringLiteral("\\s*[\\r\\n]+\\s*"));
    const QString line = QString(value).replace(breaks, QStringLiteral(" "));
    out += QStringLiteral("%1  - %2\r\n").arg(QLatin1String(name), line);
}

QString record(const CitationItem &item, const QDate &accessed)
{
    const CitationSource &s = item.source;
    QString out;
    tag(out, "TY", QStringLiteral("CHAP"));
    tag(out, "TI", s.title);
    tag(out, "T2", s.completeTitle);
    tag(out, "T3", s.series);
    for (const QString &editor : s.editors)
        tag(out, "A2", risName(editor));
    for (const QString &editor : s.generalEditors)
        tag(out, "A3", risName(editor));
    tag(out, "VL", s.volumeNumber);
    tag(out, "PB", s.publisher);
    tag(out, "CY", s.pubPlace);
    tag(out, "PY", s.published);
    tag(out, "SP", s.firstPage);
    if (s.lastPage != s.firstPage)
        tag(out, "EP", s.lastPage);
    tag(out, "UR", s.url);
    if (accessed.isValid())
        tag(out, "Y2", accessed.toString(QStringLiteral("yyyy/MM/dd")));
    for (const QString &t : item.tags)
        tag(out, "KW", t);
    for (const QString &note : item.notes)
        tag(out, "N1", note);
    out += QStringLiteral("ER  - \r\n");
    return out;
}

} // namespace

QByteArray ris(const std::vector<CitationItem> &items, const QDate &accessed)
{
    QString out;
    for (const CitationItem &item : items)
        out += record(item, accessed);
    return out.toUtf8();
}

} // namespace marginalia

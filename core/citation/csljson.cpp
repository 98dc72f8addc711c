// CSL-JSON (the Citation Style Language's data schema), as Zotero imports it.
#include "citationexport.h"

#include "personname.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace marginalia {

namespace {

QJsonArray names(const QStringList &written)
{
    QJsonArray out;
    for (const QString &name : written) {
        const PersonName n = splitName(name);
        QJsonObject o{{QStringLiteral("family"), n.family}};
        if (!n.given.isEmpty())
            o.insert(QStringLiteral("given"), n.given);
        if (!n.suffix.isEmpty())
            o.insert(QStringLiteral("suffix"), n.suffix);
        out.append(o);
    }
    return out;
}

// {"date-parts": [[1962, 9, 5]]} from "1962-09-05…", "1962-09" or "1995"; empty when it is none of these.
QJsonObject dateParts(const QString &iso)
{
    static const QRegularExpression date(QStringLiteral("^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?"));
    const QRegularExpressionMatch m = date.match(iso);
    if (!m.hasMatch())
        return {};
    QJsonArray parts{m.captured(1).toInt()};
    for (int i : {2, 3}) {
        if (m.hasCaptured(i))
            parts.append(m.captured(i).toInt());
    }
    QJsonArray outer; // not QJsonArray{parts}, which would copy `parts`
    outer.append(parts);
    return {{QStringLiteral("date-parts"), outer}};
}

void insertText(QJsonObject &o, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(key, value);
}

QJsonObject item(const CitationItem &item, const QDate &accessed)
{
    const CitationSource &s = item.source;
    QJsonObject o{{QStringLiteral("id"), s.key}, {QStringLiteral("type"), QStringLiteral("chapter")}};
    insertText(o, QStringLiteral("title"), s.title);
    insertText(o, QStringLiteral("container-title"), s.completeTitle);
    insertText(o, QStringLiteral("collection-title"), s.series);
    insertText(o, QStringLiteral("volume"), s.volumeNumber);
    if (!s.editors.isEmpty())
        o.insert(QStringLiteral("editor"), names(s.editors));
    if (!s.generalEditors.isEmpty())
        o.insert(QStringLiteral("collection-editor"), names(s.generalEditors));
    insertText(o, QStringLiteral("publisher"), s.publisher);
    insertText(o, QStringLiteral("publisher-place"), s.pubPlace);
    if (const QJsonObject issued = dateParts(s.published); !issued.isEmpty())
        o.insert(QStringLiteral("issued"), issued);
    // The document's own date: CSL's original-date, which Zotero keeps as "Original Date".
    if (const QJsonObject written = dateParts(s.date); !written.isEmpty())
        o.insert(QStringLiteral("original-date"), written);
    insertText(o, QStringLiteral("page"), asciiPages(s));
    if (s.numbered)
        insertText(o, QStringLiteral("number"), s.number);
    insertText(o, QStringLiteral("URL"), s.url);
    if (accessed.isValid())
        o.insert(QStringLiteral("accessed"), dateParts(accessed.toString(Qt::ISODate)));
    insertText(o, QStringLiteral("keyword"), item.tags.join(QStringLiteral(", ")));
    insertText(o, QStringLiteral("note"), item.notes.join(QStringLiteral("\n\n")));
    return o;
}

} // namespace

QByteArray cslJson(const std::vector<CitationItem> &items, const QDate &accessed)
{
    QJsonArray out;
    for (const CitationItem &i : items)
        out.append(item(i, accessed));
    return QJsonDocument(out).toJson(QJsonDocument::Indented);
}

} // namespace marginalia

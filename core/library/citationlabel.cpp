#include "citationlabel.h"

#include "library/library.h"
#include "model/volume.h"
#include "util/translate.h"

#include "model/document.h"
#include "model/readingtext.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace marginalia {

namespace {

QString roman(int n)
{
    if (n <= 0 || n >= 4000)
        return QString::number(n);
    static constexpr std::pair<int, const char *> numerals[] = {
        {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"},
        {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}};
    QString out;
    for (const auto &[value, letters] : numerals) {
        while (n >= value) {
            out += QLatin1String(letters);
            n -= value;
        }
    }
    return out;
}

// The parts of a volume id after its years, read one token at a time:
//   v09 → "vol. IX", ve05 → "vol. E–5" (the electronic-only volumes), p1 → "pt. 1", app1 → "app. 1",
//   Supp / Supp01 → "Supplement" / "Supplement 1", and subject words ("Nicaragua", "CairoTehran",
//   "USSR"), which are kept, adjacent words joined by a space ("Cairo Tehran").
// Returns false when something in it is none of these, so the caller can fall back to the title.
bool describeParts(const QString &rest, QStringList &parts)
{
    static const QRegularExpression token(QStringLiteral(
        "ve(\\d+)|v(\\d+)|p(\\d+)|app(\\d+)|Supp(\\d*)(?=[A-Z]|v\\d|$)"
        "|([A-Z]+)(?=[A-Z][a-z]|v\\d|ve\\d|p\\d|app\\d|$)|([A-Z][a-z]+?)(?=[A-Z]|v\\d|ve\\d|p\\d|app\\d|$)"));
    bool lastWasWord = false;
    for (qsizetype at = 0; at < rest.size();) {
        const QRegularExpressionMatch m =
            token.match(rest, at, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch() || m.capturedLength() == 0)
            return false;
        at = m.capturedEnd();
        const bool word = m.hasCaptured(6) || m.hasCaptured(7);
        QString part;
        if (m.hasCaptured(1))
            part = Tr::tr("vol. E\u2013%1").arg(m.captured(1).toInt());
        else if (m.hasCaptured(2))
            part = Tr::tr("vol. %1").arg(roman(m.captured(2).toInt()));
        else if (m.hasCaptured(3))
            part = Tr::tr("pt. %1").arg(m.captured(3).toInt());
        else if (m.hasCaptured(4))
            part = Tr::tr("app. %1").arg(m.captured(4).toInt());
        else if (m.hasCaptured(5))
            part = m.captured(5).isEmpty() ? Tr::tr("Supplement") : Tr::tr("Supplement %1").arg(m.captured(5).toInt());
        else
            part = m.captured(word && m.hasCaptured(6) ? 6 : 7);
        if (word && lastWasWord)
            parts.back() += QLatin1Char(' ') + part;
        else
            parts.append(part);
        lastWasWord = word;
    }
    return true;
}

} // namespace

QString shortVolumeName(const QString &volumeId, const QString &title)
{
    // "frus" + a year or a span of years ("1961-63") + what the rest says.
    static const QRegularExpression id(QStringLiteral("^frus(\\d{4})(?:-(\\d{2,4}))?(.*)$"));
    const QRegularExpressionMatch m = id.match(volumeId);
    if (!m.hasMatch())
        return title;
    QString years = m.captured(1);
    if (m.hasCaptured(2))
        years += QChar(0x2013) + m.captured(2);
    QStringList parts{Tr::tr("FRUS %1").arg(years)};
    if (!describeParts(m.captured(3), parts))
        return title.isEmpty() ? volumeId : title;
    return parts.join(QStringLiteral(", "));
}

QString citationLabel(const QString &volumeId, const QString &volumeTitle, const Document &doc, const QString &page,
                      const QString &lastPage)
{
    QStringList parts;
    const QString volume = shortVolumeName(volumeId, volumeTitle);
    if (!volume.isEmpty())
        parts.append(volume);
    if (!doc.number.isEmpty())
        parts.append(Tr::tr("Doc. %1").arg(doc.number));
    if (!page.isEmpty() && !lastPage.isEmpty() && lastPage != page)
        parts.append(Tr::tr("pp. %1\u2013%2").arg(page, lastPage));
    else if (page.contains(QChar(0x2013))) // pagesOf() gave the span already
        parts.append(Tr::tr("pp. %1").arg(page));
    else if (!page.isEmpty())
        parts.append(Tr::tr("p. %1").arg(page));
    return parts.join(QStringLiteral(", "));
}

QString pageAt(const Library &library, int volume, int document, const Location &where)
{
    const Volume &v = library.volume(volume);
    const Document &doc = v.documents.at(std::size_t(document));
    QString page = v.pageAt(doc, where);
    const int home = library.homeVolume(volume);
    if (page.isEmpty() && home >= 0 && home != volume) {
        const Volume &h = library.volume(home);
        for (const Document &candidate : h.documents) {
            if (candidate.number == doc.number && !candidate.number.isEmpty())
                return candidate.firstPage;
        }
    }
    return page;
}

QString pagesOf(const Library &library, int volume, int document, int footnote, int start, int end)
{
    const Document &doc = library.volume(volume).documents.at(std::size_t(document));
    if (footnote >= int(doc.footnotes.size()))
        return {};
    const RichText &flow = footnote < 0 ? doc.body : doc.footnotes.at(std::size_t(footnote)).content;
    // A note's plain text is laid out like the body's reading text, so the same mapping serves both.
    const ReadingText text(flow);
    const auto pageOf = [&](int offset) {
        Location where = text.locationOf(offset);
        where.footnote = footnote;
        return pageAt(library, volume, document, where);
    };
    const QString first = pageOf(start);
    // The page of the passage's last character: a passage ending where a page begins stays on the one before.
    const QString last = pageOf(std::max(start, end - 1));
    if (first.isEmpty() || last.isEmpty() || first == last)
        return first;
    return first + QChar(0x2013) + last;
}

QString passageCitationLabel(const Library &library, int volume, int document, const QString &volumeId,
                             const QString &volumeTitle, int footnote, int start, int end)
{
    const Document &doc = library.volume(volume).documents.at(std::size_t(document));
    QString label = citationLabel(volumeId, volumeTitle, doc, pagesOf(library, volume, document, footnote, start, end));
    if (footnote >= 0 && std::size_t(footnote) < doc.footnotes.size()) {
        const Footnote &note = doc.footnotes[std::size_t(footnote)];
        label += note.isSource() ? Tr::tr(", Source") : Tr::tr(", n. %1").arg(note.label);
    }
    return label;
}

QString citationAt(const Library &library, int volume, int document, const Location &where)
{
    return citationOfPassage(library, volume, document, where, where);
}

QString citationOfPassage(const Library &library, int volume, int document, const Location &from, const Location &to)
{
    const int home = library.homeVolume(volume);
    const QString title = home >= 0 ? library.volume(home).title : library.volume(volume).title;
    const Document &doc = library.volume(volume).documents.at(std::size_t(document));
    return citationLabel(library.volumeIdOf(volume), title, doc, pageAt(library, volume, document, from),
                         pageAt(library, volume, document, to));
}

} // namespace marginalia

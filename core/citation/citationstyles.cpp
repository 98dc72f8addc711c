#include "citationstyles.h"

#include "citationsource.h"

#include "util/translate.h"

#include <QCoreApplication>

#include <QRegularExpression>

namespace marginalia {

namespace {

// Plain text and HTML built side by side, so that the two always say the same.
class Styled {
public:
    Styled &operator<<(const QString &plain)
    {
        m_out.text += plain;
        m_out.html += plain.toHtmlEscaped();
        return *this;
    }
    Styled &italic(const QString &title)
    {
        m_out.text += title;
        m_out.html += QStringLiteral("<i>%1</i>").arg(title.toHtmlEscaped());
        return *this;
    }
    // Ends a sentence or the citation: one period, even after "Jr.".
    Styled &stop()
    {
        if (!m_out.text.endsWith(QLatin1Char('.')))
            *this << QStringLiteral(".");
        return *this;
    }
    FormattedCitation result() const { return m_out; }

private:
    FormattedCitation m_out;
};

QString pageLocator(const QString &pages)
{
    return pages.contains(QChar(0x2013)) ? QStringLiteral("pp. %1").arg(pages) : QStringLiteral("p. %1").arg(pages);
}

// "Document 317" (hsg) or "doc. 317" (Chicago), with a quoted passage's pages; a volume that prints no
// document numbers is cited by page.
QString locator(const CitationSource &s, const QString &pages, const QString &numberForm)
{
    const QString span = pages.isEmpty() ? pageSpan(s.firstPage, s.lastPage) : pages;
    if (!s.numbered)
        return span.isEmpty() ? QString() : pageLocator(span);
    QString out = numberForm.arg(s.number);
    if (!pages.isEmpty())
        out += QStringLiteral(", ") + pageLocator(pages);
    return out;
}

// "Washington: Government Printing Office, 1995", from the parts the header gives.
QString imprint(const QString &place, const QString &publisher, const QString &year)
{
    QString out = place;
    if (!publisher.isEmpty())
        out += (out.isEmpty() ? QString() : QStringLiteral(": ")) + publisher;
    if (!year.isEmpty())
        out += (out.isEmpty() ? QString() : QStringLiteral(", ")) + year;
    return out;
}

// Chicago's forms of the imprint: the state with the city, GPO for the Government Printing Office.
QString chicagoImprint(const CitationSource &s)
{
    const QString place = s.pubPlace == QLatin1String("Washington") ? QStringLiteral("Washington, DC") : s.pubPlace;
    const QString publisher = s.publisher.contains(QLatin1String("Government Printing Office")) ? QStringLiteral("GPO")
                                                                                                  : s.publisher;
    return imprint(place, publisher, s.published);
}

// The series with its years, as Chicago titles the book: "Foreign Relations of the United States, 1961–1963".
QString seriesTitle(const CitationSource &s)
{
    if (s.series.isEmpty())
        return s.completeTitle;
    return s.subseries.isEmpty() ? s.series : s.series + QStringLiteral(", ") + s.subseries;
}

QString capitalized(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

FormattedCitation hsg(const CitationSource &s, const QString &pages)
{
    Styled out;
    // The series is the italic title; what follows it in the complete title is not.
    if (!s.series.isEmpty() && s.completeTitle.startsWith(s.series))
        out.italic(s.series) << s.completeTitle.mid(s.series.size());
    else
        out.italic(s.completeTitle);
    if (!s.editors.isEmpty())
        out << (s.editors.size() == 1 ? QStringLiteral(", ed. ") : QStringLiteral(", eds. ")) << joinNames(s.editors);
    // The Office of the Historian names the printer without "United States".
    static const QRegularExpression country(QStringLiteral("^United States "));
    if (const QString made = imprint(s.pubPlace, QString(s.publisher).remove(country), s.published); !made.isEmpty())
        out << QStringLiteral(" (%1)").arg(made);
    if (const QString at = locator(s, pages, QStringLiteral("Document %1")); !at.isEmpty())
        out << QStringLiteral(", ") << at;
    return out.stop().result();
}

// "Secretary of State Rusk to Secretary of Commerce Hodges", else the title ("Editorial Note").
QString parties(const CitationSource &s)
{
    return s.sender.isEmpty() ? s.title : s.sender + QStringLiteral(" to ") + s.recipient;
}

FormattedCitation chicagoNote(const CitationSource &s, const QString &pages)
{
    Styled out;
    out << parties(s);
    for (const QString &part : {s.sender.isEmpty() ? QString() : s.kind, s.place, longDate(s.date)}) {
        if (!part.isEmpty())
            out << QStringLiteral(", ") << part;
    }
    out << QStringLiteral(", in ");
    out.italic(seriesTitle(s));
    if (!s.generalEditors.isEmpty())
        out << QStringLiteral(", ed. ") << joinNames(s.generalEditors);
    if (!s.volumeNumber.isEmpty())
        out << QStringLiteral(", vol. ") << s.volumeNumber;
    if (!s.volumeTitle.isEmpty() && !s.series.isEmpty())
        (out << QStringLiteral(", ")).italic(s.volumeTitle);
    if (!s.editors.isEmpty())
        out << QStringLiteral(", ed. ") << joinNames(s.editors);
    if (const QString made = chicagoImprint(s); !made.isEmpty())
        out << QStringLiteral(" (%1)").arg(made);
    if (const QString at = locator(s, pages, QStringLiteral("doc. %1")); !at.isEmpty())
        out << QStringLiteral(", ") << at;
    if (!s.url.isEmpty())
        out << QStringLiteral(", ") << s.url;
    return out.stop().result();
}

FormattedCitation chicagoBibliography(const CitationSource &s, const QString &pages)
{
    Styled out;
    out << parties(s);
    out.stop();
    if (!s.sender.isEmpty() && !s.kind.isEmpty())
        (out << QStringLiteral(" ") << capitalized(s.kind)).stop();
    const QString when = longDate(s.date);
    if (!s.place.isEmpty() || !when.isEmpty())
        (out << QStringLiteral(" ") << s.place << (s.place.isEmpty() || when.isEmpty() ? QString() : QStringLiteral(", "))
             << when).stop();
    out << QStringLiteral(" In ");
    out.italic(seriesTitle(s)).stop();
    if (!s.generalEditors.isEmpty())
        (out << QStringLiteral(" Edited by ") << joinNames(s.generalEditors)).stop();
    // Chicago gives a part's pages after the book it is in, without "pp.".
    const QString span = s.numbered ? QString() : (pages.isEmpty() ? pageSpan(s.firstPage, s.lastPage) : pages);
    const bool volumePart = !s.volumeNumber.isEmpty() || (!s.volumeTitle.isEmpty() && !s.series.isEmpty());
    if (volumePart) {
        out << QStringLiteral(" ");
        if (!s.volumeNumber.isEmpty())
            out << QStringLiteral("Vol. ") << s.volumeNumber << (s.volumeTitle.isEmpty() ? QString() : QStringLiteral(", "));
        if (!s.volumeTitle.isEmpty())
            out.italic(s.volumeTitle);
        if (!s.editors.isEmpty())
            out << QStringLiteral(", edited by ") << joinNames(s.editors);
    }
    if (!span.isEmpty())
        out << (volumePart ? QStringLiteral(", ") : QStringLiteral(" ")) << span;
    if (volumePart || !span.isEmpty())
        out.stop();
    if (const QString made = chicagoImprint(s); !made.isEmpty())
        (out << QStringLiteral(" ") << made).stop();
    if (s.numbered)
        (out << QStringLiteral(" ") << capitalized(locator(s, pages, QStringLiteral("doc. %1")))).stop();
    if (!s.url.isEmpty())
        (out << QStringLiteral(" ") << s.url).stop();
    return out.result();
}

// A document whose volume's header is not open: its title, what its volume id says, its page.
FormattedCitation withoutHeader(const CitationSource &s, const QString &pages)
{
    Styled out;
    out << s.title;
    for (const QString &part : {s.shortLabel, pages.isEmpty() ? QString() : pageLocator(pages), s.url}) {
        if (!part.isEmpty())
            out << (out.result().text.isEmpty() ? QString() : QStringLiteral(", ")) << part;
    }
    return out.stop().result();
}

} // namespace

QString joinNames(const QStringList &names)
{
    if (names.size() <= 2)
        return names.join(QStringLiteral(" and "));
    return names.mid(0, names.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(", and ") + names.back();
}

const QStringList &citationStyleNames()
{
    static const QStringList names{QStringLiteral("hsg"), QStringLiteral("chicago-note"),
                                   QStringLiteral("chicago-bibliography")};
    return names;
}

QString unknownCitationStyle(const QString &name)
{
    return Tr::tr("unknown style \"%1\"; use %2").arg(name, citationStyleNames().join(QStringLiteral(", ")));
}

QString citationStyleName(CitationStyle style)
{
    return citationStyleNames().at(int(style));
}

std::optional<CitationStyle> citationStyleNamed(const QString &name)
{
    const qsizetype index = citationStyleNames().indexOf(name);
    if (index < 0)
        return std::nullopt;
    return CitationStyle(index);
}

FormattedCitation formatCitation(const CitationSource &source, CitationStyle style, const QString &pages)
{
    if (source.completeTitle.isEmpty() && source.series.isEmpty())
        return withoutHeader(source, pages);
    switch (style) {
    case CitationStyle::Hsg:
        return hsg(source, pages);
    case CitationStyle::ChicagoNote:
        return chicagoNote(source, pages);
    case CitationStyle::ChicagoBibliography:
        return chicagoBibliography(source, pages);
    }
    return {};
}

std::function<QString(int volume, int document)> documentCitations(const Library &library,
                                                                  std::optional<CitationStyle> style)
{
    if (!style)
        return {};
    return [&library, style = *style](int volume, int document) {
        return formatCitation(citationSource(library, volume, document), style).text;
    };
}

} // namespace marginalia

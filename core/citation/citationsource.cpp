#include "citationsource.h"

#include "annotation/documentkey.h"
#include "catalog/catalogrows.h"
#include "library/citationlabel.h"
#include "library/library.h"
#include "model/volume.h"

#include <QDate>
#include <QLocale>
#include <QRegularExpression>

namespace marginalia {

namespace {

// The first year whose volumes print document numbers (the 1955–1957 subseries).
constexpr int kFirstNumberedYear = 1955;

// "Letter From A to B", "Telegram From the Embassy in France to the Department of State", "Memorandum
// by A to B", or an older head's "A to B" (`olderHead`: a modern title without a kind, such as "Response
// to the Soviet Note", names no parties). The split is at ") to " when there is one, since a sender may
// hold " to " itself ("the Representative to the United Nations (Stevenson) to President Kennedy"), else
// at the first " to " (a recipient may hold one: "the Mission to the North Atlantic Treaty Organization").
void readTitle(const QString &title, bool olderHead, CitationSource &s)
{
    static const QRegularExpression kindFrom(QStringLiteral("^((?:[A-Z][a-z]+ )?[A-Z][a-z]+) (?:From|from|by) (.+)$"));
    QString parties = title;
    if (const QRegularExpressionMatch m = kindFrom.match(title); m.hasMatch()) {
        s.kind = m.captured(1).toLower();
        parties = m.captured(2);
    } else if (!olderHead) {
        return;
    }
    const qsizetype afterName = parties.indexOf(QLatin1String(") to "));
    const qsizetype split = afterName >= 0 ? afterName + 1 : parties.indexOf(QLatin1String(" to "));
    if (split <= 0)
        return;
    s.sender = parties.left(split).trimmed();
    s.recipient = parties.mid(split + 4).trimmed();
    if (s.recipient.endsWith(QLatin1Char('.'))) // "Mr. Braida to Mr. Uhl." (FRUS 1894)
        s.recipient.chop(1);
}

// The older volumes name the kind in the source note: "825.5151/132: Telegram" (FRUS 1934), "[Telegram.]"
// (FRUS 1894), in a note printed inline before the head, or in the source footnote.
QString kindInSourceNote(const Document &doc)
{
    static const QRegularExpression kind(QStringLiteral("(?::\\s*([A-Z][a-z]+)\\.?|^\\[([A-Z][a-z]+)\\.?\\])\\s*$"));
    const auto kindIn = [](const QString &note) {
        const QRegularExpressionMatch m = kind.match(note.simplified());
        return m.hasMatch() ? m.captured(m.hasCaptured(1) ? 1 : 2).toLower() : QString();
    };
    for (const Block &block : doc.body) {
        if (block.kind == BlockKind::InlineNote)
            return kindIn(block.text); // the first: a later one belongs to an enclosure
    }
    for (const Footnote &note : doc.footnotes) {
        if (note.isSource())
            return kindIn(plainText(note.content, QStringLiteral(" ")));
    }
    return {};
}

void readBook(const Volume &v, CitationSource &s)
{
    const VolumeHeader &h = v.header;
    s.completeTitle = v.title;
    s.series = h.series;
    s.subseries = v.subseries;
    static const QRegularExpression volumeWord(QStringLiteral("^Volume\\s+"), QRegularExpression::CaseInsensitiveOption);
    s.volumeNumber = QString(h.volumeNumber).remove(volumeWord);
    s.volumeTitle = h.volumeTitle;
    // A header without a volume title may still say it in the complete title, after the series.
    if (s.volumeTitle.isEmpty() && !s.series.isEmpty() && v.title.startsWith(s.series + QStringLiteral(", ")))
        s.volumeTitle = v.title.mid(s.series.size() + 2);
    s.editors = h.editors;
    s.generalEditors = h.generalEditors;
    s.publisher = h.publisher;
    s.pubPlace = h.pubPlace;
    s.published = h.published;
}

// A text copy is cited as the document of its home volume with the same number when that is open: the
// copy knows neither the dateline's date nor every page.
std::pair<int, int> citedDocument(const Library &library, int volume, int document)
{
    const int home = library.homeVolume(volume);
    const Document &doc = library.volume(volume).documents.at(std::size_t(document));
    if (home < 0 || home == volume || doc.number.isEmpty())
        return {volume, document};
    const std::vector<int> same = library.volume(home).documentsNumbered(doc.number);
    return same.empty() ? std::pair{volume, document} : std::pair{home, same.front()};
}

} // namespace

CitationSource citationSource(const Library &library, int volume, int document)
{
    CitationSource s;
    s.key = documentKey(library, volume, document);
    std::tie(volume, document) = citedDocument(library, volume, document);
    const Volume &v = library.volume(volume);
    const Document &doc = v.documents.at(std::size_t(document));
    // The key names the volume even for a lone text copy ("frus1961-63v09-d317.txt"); "local/…" none.
    const QString volumeId = s.key.startsWith(QLatin1String("local/")) ? QString() : s.key.section(QLatin1Char('/'), 0, 0);
    if (!volumeId.isEmpty())
        s.url = QStringLiteral("https://history.state.gov/historicaldocuments/%1/%2").arg(volumeId, doc.id);
    readBook(v, s);
    s.title = doc.title;
    s.number = doc.number;
    s.shortLabel = citationLabel(volumeId, v.title, doc, {});
    const int firstYear = volumeYears(volumeId, v.subseries).first;
    s.numbered = !doc.number.isEmpty() && firstYear >= kFirstNumberedYear;
    readTitle(doc.title, firstYear > 0 && firstYear < kFirstNumberedYear, s);
    if (s.kind.isEmpty())
        s.kind = kindInSourceNote(doc);
    s.place = doc.place.simplified();
    s.date = doc.date;
    s.firstPage = doc.firstPage;
    s.lastPage = doc.pageBreaks.empty() ? doc.firstPage : doc.pageBreaks.back().n;
    return s;
}

QString longDate(const QString &isoDate)
{
    static const QRegularExpression iso(QStringLiteral("^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?"));
    const QRegularExpressionMatch m = iso.match(isoDate);
    if (!m.hasMatch())
        return {};
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    const int year = m.captured(1).toInt();
    const int month = m.captured(2).toInt();
    if (month < 1 || month > 12)
        return m.captured(1);
    const QString monthName = english.standaloneMonthName(month);
    const int day = m.captured(3).toInt();
    if (day < 1 || !QDate(year, month, day).isValid())
        return QStringLiteral("%1 %2").arg(monthName).arg(year);
    return QStringLiteral("%1 %2, %3").arg(monthName).arg(day).arg(year);
}

QString pageSpan(const QString &first, const QString &last)
{
    if (first.isEmpty())
        return {};
    if (last.isEmpty() || last == first)
        return first;
    return first + QChar(0x2013) + last;
}

} // namespace marginalia

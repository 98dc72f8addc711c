#pragma once

#include <QString>
#include <QStringList>

namespace marginalia {

class Library;

// Everything a citation of one document says, as the volume's TEI header and the document give it.
// Nothing is filled in that the file does not hold: a field the file leaves empty stays empty, and the
// styles leave out what it would have said.
struct CitationSource {
    QString key;             // "frus1961-63v09/d317" (documentKey)
    QString url;             // its history.state.gov page; empty for a document of no known volume
    // The book (the home volume's header, for a text copy).
    QString completeTitle;   // "Foreign Relations of the United States, 1961–1963, Volume IX, Foreign Economic Policy"
    QString series;          // "Foreign Relations of the United States"
    QString subseries;       // "1961–1963"
    QString volumeNumber;    // "IX" (the header's "Volume IX")
    QString volumeTitle;     // "Foreign Economic Policy"; for a volume whose header has none, what the
                             // complete title says after the series ("Nicaragua (Mosquito Territory)")
    QStringList editors;     // the volume's editors
    QStringList generalEditors;
    QString publisher;       // "United States Government Printing Office"
    QString pubPlace;        // "Washington"
    QString published;       // "1995"
    // The document.
    QString title;           // "Letter From Secretary of State Rusk to Secretary of Commerce Hodges"
    QString number;          // "317"; empty for editorial matter
    QString kind;            // "letter", "telegram", "memorandum" (its title's first word, or what the
                             // source note ends with: "825.5151/132: Telegram"); may be empty
    QString sender;          // "Secretary of State Rusk": the title's "… From X to Y", or "X to Y"
    QString recipient;       // "Secretary of Commerce Hodges"
    QString place;           // the dateline's place: "Washington"
    QString date;            // ISO 8601 ("1962-09-05"), may be empty
    QString firstPage;       // the printed pages the document runs over: "703"
    QString lastPage;        // "704"; equal to firstPage for a document on one page
    // What the file says when its volume's header is not open (a text copy alone): "FRUS 1961–63, vol. IX, Doc. 317".
    QString shortLabel;
    // Document numbers are printed from the 1955–1957 volumes on; before, a document is cited by page.
    bool numbered = false;
};

// The citation source of document `document` of volume `volume` of `library`.
CitationSource citationSource(const Library &library, int volume, int document);

// "September 5, 1962" for "1962-09-05" (or "1962-09-05T10:00:00"), "September 1962", "1962"; empty
// when the text is no ISO date.
QString longDate(const QString &isoDate);

// "703–704" for a span of pages, "703" for one; empty when the first is unknown.
QString pageSpan(const QString &first, const QString &last);

} // namespace marginalia

#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <optional>

namespace marginalia {

class Library;
struct CitationSource;

enum class CitationStyle : std::uint8_t {
    Hsg,                 // the Office of the Historian's recommended citation (history.state.gov)
    ChicagoNote,         // a Chicago Manual of Style note, 14.111 (letters and the like in a published collection)
    ChicagoBibliography, // the same as a Chicago bibliography entry
};

// "hsg", "chicago-note", "chicago-bibliography": the names the command line and the settings use.
QString citationStyleName(CitationStyle style);
std::optional<CitationStyle> citationStyleNamed(const QString &name);
const QStringList &citationStyleNames();
// What a command says of a style it does not know: "unknown style "apa"; use hsg, chicago-note, …".
QString unknownCitationStyle(const QString &name);

// A citation as plain text and as HTML (titles in <i>, what the file says escaped).
struct FormattedCitation {
    QString text;
    QString html;
};

// The citation of a document in `style`. `pages` are the pages of a quoted passage ("704", "703–704"),
// cited after the document number, or instead of the document's own pages in a volume that prints no
// numbers ("p. 704", "pp. 703–704"); empty for the whole document.
FormattedCitation formatCitation(const CitationSource &source, CitationStyle style, const QString &pages = {});

// The full citation in `style` of the documents of `library` (which must outlive it), by volume and
// document index: what the PDF and Markdown exports put with each document. Empty without a style.
std::function<QString(int volume, int document)> documentCitations(const Library &library,
                                                                  std::optional<CitationStyle> style);

// "A", "A and B", "A, B, and C".
QString joinNames(const QStringList &names);

} // namespace marginalia

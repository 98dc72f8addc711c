#pragma once

#include "citationsource.h"

#include <QByteArray>
#include <QDate>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace marginalia {

// One document to export, with what the user wrote on it.
struct CitationItem {
    CitationSource source;
    QStringList notes; // the annotations' notes, each after the passage it is on
    QStringList tags;  // the annotations' tags, once each
};

// The reference managers' formats, written as Zotero imports them: each document a book section
// (CSL "chapter", BibTeX @incollection, RIS CHAP) of its volume, the volume's editors as editors and its
// general editor as the series editor, the history.state.gov page as the URL, `accessed` as the date
// the page was seen, the tags as tags and the notes as notes (in CSL-JSON, which has no notes, as the
// item's note, which Zotero keeps in Extra).
enum class CitationFormat : std::uint8_t { CslJson, Bibtex, Ris };

// "csl-json", "bibtex", "ris".
std::optional<CitationFormat> citationFormatNamed(const QString &name);

QByteArray writeCitations(const std::vector<CitationItem> &items, CitationFormat format, const QDate &accessed);

QByteArray cslJson(const std::vector<CitationItem> &items, const QDate &accessed);
QByteArray bibtex(const std::vector<CitationItem> &items, const QDate &accessed);
QByteArray ris(const std::vector<CitationItem> &items, const QDate &accessed);

// Parts of the exports that are the same in every format.
// The pages the document runs over, with an ASCII hyphen ("703-704").
QString asciiPages(const CitationSource &source);

} // namespace marginalia

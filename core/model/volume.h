#pragma once

#include "document.h"
#include "util/result.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

namespace marginalia {

enum class SourceFormat : std::uint8_t { Tei, TextCopy };

// A chapter, compilation or front/back-matter section that groups documents.
struct Division {
    QString id;        // "ch6", "comp1", "persons"
    QString type;      // "chapter", "compilation", "section", …
    QString title;     // its head, markers stripped
    int parent = -1;   // index into Volume::divisions
    int depth = 0;
    // The plain text of the notes in its head ("See Foreign Relations, 1933, vol. v, pp. 217 ff."): in
    // reading order they come before its first document, whose "Ibid." may repeat them. Read by the
    // import's Ibid. step (carryCitationsAcrossDocuments); a library outline does not keep them.
    QStringList headNotes;
};

// A definition from the volume's glossary of persons or terms.
struct GlossaryEntry {
    QString name;        // "Hodges, Luther H."
    QString description; // "Secretary of Commerce from January 21, 1961"
};

// What an xml:id of the volume names.
struct IdTarget {
    enum Kind : std::uint8_t { Document, Footnote, Page, Division, Person, Term, Other } kind = Other;
    int document = -1; // document holding it, or the one it starts (pages: the document it falls in)
    int index = -1;    // footnote index within the document, page index, or division index
};

struct VolumePage {
    QString n;
    QString id;
    int document = -1; // the document it falls in, -1 between documents or outside them
};

// Counts by the definitions of `marginalia-cli info` (see VolumeStats in docs of the CLI).
struct VolumeStats {
    int documents = 0;
    int footnotes = 0;        // non-inline notes inside documents
    int pageBreaks = 0;       // every pb of the file
    int references = 0;       // refs inside documents, notes included
    int internalReferences = 0;
    int resolvedReferences = 0;
};

// What the TEI header says of the printed book, for citations: each field as the file gives it, simplified,
// and empty (or no editors) where the file leaves it empty, as vendor volumes before review often do.
struct VolumeHeader {
    QString series;             // title type="series": "Foreign Relations of the United States"
    QString volumeNumber;       // title type="volume-number" (or "volumenumber"): "Volume IX"
    QString volumeTitle;        // title type="volume": "Foreign Economic Policy"
    QStringList editors;        // editor role="primary", in the file's order
    QStringList generalEditors; // editor role="general"
    QString publisher;          // "United States Government Printing Office"
    QString pubPlace;           // "Washington"
    QString published;          // the publicationStmt's date of publication: "1995"
    friend bool operator==(const VolumeHeader &, const VolumeHeader &) = default;
};

struct Volume {
    QString id;            // "frus1961-63v09"; empty when unknown (a text copy on its own)
    QString title;
    QString subseries;     // the header's title type="sub-series" (or "subseries"): "1961–1963", "1934"
    VolumeHeader header;
    QString sourcePath;
    SourceFormat format = SourceFormat::Tei;
    std::vector<Division> divisions;
    std::vector<Document> documents;
    std::vector<VolumePage> pages;
    QHash<QString, GlossaryEntry> persons; // keyed by xml:id without '#'
    QHash<QString, GlossaryEntry> terms;
    QHash<QString, IdTarget> ids;          // every xml:id the reader can go to
    VolumeStats stats;
    std::vector<Error> warnings;           // problems that did not stop the import

    int documentIndex(const QString &id) const;
    const Document *document(const QString &id) const;
    // Documents whose number is `number` ("316").
    std::vector<int> documentsNumbered(const QString &number) const;
    // The printed page a location falls on: the last break before it, else the document's first page.
    QString pageAt(const Document &doc, const Location &where) const;
};

} // namespace marginalia

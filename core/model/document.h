#pragma once

#include "richtext.h"

#include <QString>

#include <optional>
#include <vector>

namespace marginalia {

// Where a point sits inside a document: in the body (footnote == -1) or in a footnote's content.
struct Location {
    int footnote = -1;
    int block = 0;
    int offset = 0;

    bool inBody() const { return footnote < 0; }
    friend bool operator==(const Location &, const Location &) = default;
};

struct Footnote {
    QString id;     // xml:id ("d317fn1"); text copies synthesise the same from the label
    QString label;  // as printed: "0", "1", "*", "†"
    RichText content;
    Location marker; // where its marker stands; block -1 when the text has none (unmatched text copy)
    bool isSource() const { return label == QLatin1String("0"); }
};

enum class ReferenceKind : std::uint8_t {
    Document,     // #d316
    Footnote,     // #d349fn2
    Page,         // #pg_703
    Section,      // #sources, #ch6, #in6 and other ids of the volume
    OtherVolume,  // frus1961-63v13#pg_242 or frus1961-63v13
    External,     // a site path or web address
};

struct CrossReference {
    QString label;        // the text that carries the link: "Document 316"
    QString volume;       // target volume id; empty = the document's own volume
    QString target;       // target id without '#': "d316", "pg_703"; empty for a whole volume
    QString raw;          // @target as written
    ReferenceKind kind = ReferenceKind::Document;
    Location where;       // start of the label
};

struct PageBreak {
    QString n;        // "704", "IV", "[XII]"
    QString id;       // "pg_704"; may be empty
    Location where;
};

// A person or term mentioned in the text: persName/@corresp or gloss/@target, without '#'.
struct EntityRef {
    enum Kind : std::uint8_t { Person, Term } kind = Person;
    QString id;
};

// The citations an "Ibid." repeats when it comes before any citation of its own document: those the
// documents before it in reading order ended with (the printed page's convention). `last` is the most
// recent; `lastWithParts` the most recent with pages or volumes (not a bare archive file number).
struct PrecedingCitations {
    QString last;
    QString lastWithParts;
    friend bool operator==(const PrecedingCitations &, const PrecedingCitations &) = default;
};

struct Document {
    QString id;        // "d317"
    QString number;    // "317"; may be empty (editorial apparatus)
    QString title;     // head without its own number (model/documentnumber.h) and without markers
    QString place;     // dateline place
    QString date;      // ISO 8601 as in date/@when (or frus:doc-dateTime-min), may be empty
    // The span the document's date covers, as the file gives it (frus:doc-dateTime-min/max, else the
    // dateline's date/@when, @from/@to or @notBefore/@notAfter): what date filters compare. May be empty.
    QString dateFrom;
    QString dateTo;
    QString subtype;   // "historical-document", "editorial-note", …
    QString firstPage; // the printed page the document starts on
    int division = -1; // index into Volume::divisions
    RichText body;     // body[0] is the heading
    std::vector<Footnote> footnotes;
    std::vector<CrossReference> crossReferences;
    std::vector<PageBreak> pageBreaks;
    std::vector<EntityRef> entities;
    // Set only for a document one of whose "Ibid." notes needs it (carryCitationsAcrossDocuments):
    // an outline keeps it, so a document read alone from its span resolves the same way.
    PrecedingCitations precedingCitations;

    const Footnote *footnoteById(const QString &id) const;
    int footnoteIndex(const QString &id) const;
    const PageBreak *pageBreakByLabel(const QString &n) const;
    // The rich text a location refers to.
    const RichText &textAt(const Location &where) const;
};

} // namespace marginalia

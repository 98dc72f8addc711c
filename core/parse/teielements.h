#pragma once

#include <QByteArrayView>
#include <QStringView>

#include <cstdint>

namespace marginalia::tei {

// The TEI elements the importer treats specially; everything else keeps its text.
enum class Element : std::uint8_t {
    Other,
    Tei, TeiHeader, Title, Idno,
    Div, Head, P, Note, Pb, Lb, Ref, PersName, Gloss, Term, Hi,
    List, Item, Label, Quote, Closer, Signed, Postscript, Table, Row, Cell,
    Dateline, Date, PlaceName, Attachment, Opener, Byline, Salute, Gap, Figure,
    Editor, Publisher, PubPlace, // read in the header only
};

Element elementFor(QStringView localName);
Element elementFor(QByteArrayView utf8LocalName);

} // namespace marginalia::tei

#pragma once

#include "model/document.h"

#include <QString>

#include <vector>

namespace marginalia {

// What the TEI document a text copy repeats says, for reading the copy by it: the document's id and
// number, and each footnote's label, id and the few characters just before its marker.
struct TextCopyHome {
    struct Note {
        QString label;
        QString id;
        QString before; // up to 16 characters before the marker, without whitespace; empty when unknown
    };
    QString documentId;
    QString number;
    std::vector<Note> notes;
};

TextCopyHome textCopyHomeOf(const Document &tei);

// `text` without whitespace, its last `count` characters at most.
QString tailWithoutSpaces(const QString &text, int count);

} // namespace marginalia

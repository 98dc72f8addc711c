#pragma once

#include <QString>

namespace marginalia {

class Library;

// Document `documentIndex` of library volume `volumeIndex` for reading in a terminal
// (`marginalia-cli show --format text`): the reading text with footnote markers as "[1]" and page
// breaks as "[Page 704]", then the notes, one a line, as "[0] Source: …". The indexes must be valid.
QString terminalText(const Library &library, int volumeIndex, int documentIndex);

} // namespace marginalia

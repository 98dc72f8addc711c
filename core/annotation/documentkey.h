#pragma once

#include <QString>

namespace marginalia {

class Library;

// The identity annotations are stored under: "volume-id/document-id" ("frus1961-63v09/d317"). A text
// copy takes its home volume's id; a lone text copy the volume id its file name starts with
// ("frus1961-63v09-d317.txt"), else "local/<file name>".
QString documentKey(const Library &library, int volume, int document);

} // namespace marginalia

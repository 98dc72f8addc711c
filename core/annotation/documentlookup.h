#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace marginalia {

class Library;

// The open document an annotation's key names, as (volume, document) indices: a TEI volume's copy
// before a text copy's, since it carries more. Empty when none of the open files holds it.
std::optional<std::pair<int, int>> findDocumentByKey(const Library &library, const QString &key);

struct Document;

// Where a key's document is open, and what to cite it as.
struct KeyedDocument {
    int volume = -1;
    int document = -1;
    QString volumeId; // the key's volume: a lone text copy knows it only from its file name
    QString volumeTitle;

    const Document &doc(const Library &library) const;
};
std::optional<KeyedDocument> keyedDocument(const Library &library, const QString &key);

// The short citation of a key's document when it is open ("FRUS 1961–63, vol. IX, Doc. 317"), else the key.
QString shortCitationOfKey(const Library &library, const QString &key);

} // namespace marginalia

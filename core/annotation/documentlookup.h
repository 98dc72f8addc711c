#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace marginalia {

class Library;

// The open document an annotation's key names, as (volume, document) indices: a TEI volume's copy
// before a text copy's, since it carries more. Empty when none of the open files holds it.
std::optional<std::pair<int, int>> findDocumentByKey(const Library &library, const QString &key);

} // namespace marginalia

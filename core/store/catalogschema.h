#pragma once

#include "databaseschema.h"

namespace marginalia {

// Marks a file as Marginalia's library index (PRAGMA application_id).
constexpr int CatalogApplicationId = 0x4d52474c; // "MRGL"

// The library index: sources, volumes, documents, glossaries, cross-references and the full-text index.
const DatabaseSchema &catalogSchema();

} // namespace marginalia

#pragma once

#include "databaseschema.h"

#include <QString>

namespace marginalia {

// Marks a file as Marginalia's library index (PRAGMA application_id).
constexpr int CatalogApplicationId = 0x4d52474c; // "MRGL"

// The library index: sources, volumes, documents, glossaries, cross-references and the full-text index.
// Also the text of the annotated documents outside the library (DocumentTextStore).
const DatabaseSchema &catalogSchema();

// MARGINALIA_LIBRARY when set, else catalog.sqlite beside the app's annotation database (in its
// AppDataLocation), for the window and marginalia-cli alike.
QString defaultCatalogPath();

// The SELECT over documents that makes rows of volume_spans (schema version 2), for the migration and for
// the writer, which adds its WHERE and GROUP BY.
QString volumeSpanSelect();

} // namespace marginalia

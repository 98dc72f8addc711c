#pragma once

#include "databaseschema.h"

namespace marginalia {

// Marks a file as Marginalia's annotation database (PRAGMA application_id).
constexpr int AnnotationApplicationId = 0x4d52474e; // "MRGN"

// The annotation database: annotations with their selectors, tags, and the full-text indexes.
const DatabaseSchema &annotationSchema();

} // namespace marginalia

#pragma once

#include "model/annotation.h"

#include <QString>

namespace marginalia {

// What hovering a highlight says, as plain text: who wrote it and when ("Note by alice, 2 Dec 2026
// 14:05"), its note (cut after a few lines' worth, so a long one does not cover the page) and its tags.
// In a team this is where one sees whose passage it is before touching it.
QString annotationTooltip(const Annotation &annotation);

} // namespace marginalia

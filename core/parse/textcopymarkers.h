#pragma once

#include "model/richtext.h"

#include <QString>

#include <optional>
#include <vector>

// Footnote markers of a plain-text copy whose labels are the book's own: chapter-wide numbers ("…London,41"),
// labels that restart on each printed page (1, 1, 2), signs (*, †, ‡), letters ("14b") and markers glued
// to a number ("June 6, 19012"). Internal to core/parse.
namespace marginalia {

// A marker in body[block].text at [pos, pos + label.size()).
struct TextCopyLabelledMarker {
    int block = 0;
    int pos = 0;
    QString label;
};

// Pairs the `count` items of the footnote list, in order, with markers in the body in reading order,
// choosing the run of labels a book prints (each the next number or sign, a repeat, or a new page's 1)
// over stray digits. An item no marker fits gets nullopt; the others keep theirs.
std::vector<std::optional<TextCopyLabelledMarker>> placeMarkersByOrder(const RichText &body, int count);

} // namespace marginalia

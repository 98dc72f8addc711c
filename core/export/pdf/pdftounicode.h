#pragma once

#include <QByteArray>

#include <optional>

namespace marginalia {

// QPdfWriter builds each font subset's ToUnicode map by asking, code point by code point from U+0000,
// which glyph shows it, and keeps the first answer: the space glyph is reached first by TAB (U+0009),
// which the font maps to it too, so every space extracts as a tab. This reads such a CMap (bfchar and
// bfrange, with a start code or an array) and writes it again with every glyph that a white-space
// control character claimed mapped to U+0020. Nothing when `cmap` is no CMap it can read (then the
// stream is better left alone).
std::optional<QByteArray> toUnicodeWithSpaces(const QByteArray &cmap);

} // namespace marginalia

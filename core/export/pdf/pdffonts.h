#pragma once

// Internal to pdfobjects: the fonts QPdfWriter embeds, made to say what they are.

#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>

namespace marginalia {

// Every font's ToUnicode map gives its glyphs' characters (spaces as U+0020: pdftounicode.h), and every
// embedded subset is named as the specification asks, with a tag of six capitals made from its glyphs
// ("ABCDEF+DejaVuSerif"): readers and preflight tools tell subsets from whole fonts by it.
void fixFonts(QPDF &pdf);

} // namespace marginalia

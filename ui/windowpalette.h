#pragma once

#include <QPalette>

namespace marginalia {

struct RenderStyle;

// The palette of the whole window (panes, toolbars, menus, dialogs) in the reader's dark theme, made
// from the colours of its dark page so that the text and the panes around it read as one surface.
QPalette darkWindowPalette(const RenderStyle &dark);

// Whether a palette is a dark one (light text on a dark window).
bool isDarkPalette(const QPalette &palette);

} // namespace marginalia

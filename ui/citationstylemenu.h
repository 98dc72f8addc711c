#pragma once

class QMenu;

namespace marginalia {

class ReaderController;

// Adds Citation Style to `menu`: the short label (the default) or one of the full citation styles, for
// Copy with Citation; the choice is the controller's, which remembers it.
QMenu *addCitationStyleMenu(QMenu *menu, ReaderController *controller);

} // namespace marginalia

#pragma once

#include <QString>

namespace marginalia {

// A string from a document, a file name or an annotation, made fit for a place where Qt guesses by
// itself whether text is markup (tooltips: QToolTip, ToolTipRole, QTextCharFormat::setToolTip). Text Qt
// could not take for markup is returned unchanged; anything else becomes a paragraph of rich text whose
// content is the escaped string, so `<img src="…">` shows as those characters and nothing is loaded.
// Escaping alone would not do: escaped text without a tag is shown as plain text, "&lt;" and all.
QString plainTooltip(const QString &text);

// Two tooltips made by plainTooltip() shown as one, the first above the second (either may be empty).
QString joinedTooltips(const QString &first, const QString &second);

} // namespace marginalia

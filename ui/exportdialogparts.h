#pragma once

#include <functional>

class QComboBox;
class QDialog;
class QDialogButtonBox;
class QHBoxLayout;
class QLineEdit;
class QRadioButton;
class QString;

namespace marginalia {

// What the export dialogs (File › Export PDF…, File › Export Annotations…) share.

// A tag choice ("Every passage tagged:") and its list of tags, on one line.
QHBoxLayout *tagChoiceRow(QRadioButton *choice, QComboBox *tags);
// The path field and its Browse… button, on one line: Browse asks where to save, titled `title`, with the
// file filter `filter()` gives when it is clicked (the format may have changed).
QHBoxLayout *savePathRow(QDialog *dialog, QLineEdit *path, const QString &title, std::function<QString()> filter);
// Export and Cancel, which accept and reject `dialog`.
QDialogButtonBox *exportButtons(QDialog *dialog);

} // namespace marginalia

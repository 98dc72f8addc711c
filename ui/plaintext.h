#pragma once

#include "util/plaintext.h"

#include <QMessageBox>

class QLabel;
class QProgressDialog;

namespace marginalia {

// Labels and message boxes that may show a file name, a title or an annotation. Qt takes a string that
// looks like markup for rich text (an `<img src>` in a title would load a local file, or hang on a FIFO),
// so these always show plain text. Tooltips use plainTooltip() from core/util/plaintext.h.

// A label that shows its text as plain text, whatever it looks like.
QLabel *plainLabel(QWidget *parent, const QString &text = {});

// Gives a progress dialog such a label, keeping its current text.
void usePlainLabel(QProgressDialog *dialog, const QString &text);

// QMessageBox::warning(), information() and question() with plain text; returns the button chosen
// (NoButton if the box was closed without one).
QMessageBox::StandardButton showPlainMessage(QWidget *parent, QMessageBox::Icon icon, const QString &title,
                                             const QString &text,
                                             QMessageBox::StandardButtons buttons = QMessageBox::Ok,
                                             QMessageBox::StandardButton defaultButton = QMessageBox::NoButton);

// The same box, not modal (the window stays usable behind it): shown, and deleted when closed.
QMessageBox *openPlainMessage(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text);

} // namespace marginalia

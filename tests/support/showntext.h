#pragma once

#include <QString>

namespace marginalia::test {

// What Qt shows for a string in a tooltip or an AutoText label: the string itself when Qt does not
// take it for markup (Qt::mightBeRichText), else the plain text of the rich text it makes of it.
QString shownText(const QString &text);

// Whether Qt would make rich text of `text` that holds an image (something it loads from a path).
bool showsAnImage(const QString &text);

} // namespace marginalia::test

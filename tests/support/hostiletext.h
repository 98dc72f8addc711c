#pragma once

#include <QByteArray>
#include <QString>

namespace marginalia::test {

// Markup that must stay text (issue 8): an image of `path` (a test may make it a FIFO, which hangs
// whoever opens it) and a link to a local file.
QString hostileImage(const QString &path);
QString hostileLink();

// A TEI volume whose title, chapter, document title, place, person, term, body text and footnote all
// hold both; the body text also holds the image markup on its own, for an annotation to quote.
QByteArray hostileTei(const QString &imagePath);

} // namespace marginalia::test

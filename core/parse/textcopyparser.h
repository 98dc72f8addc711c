#pragma once

#include "model/volume.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace marginalia {

// Reads a plain-text copy of a history.state.gov document page ("317. Title0", paragraphs separated by
// blank lines, "[Page 704]" lines, then the footnote list numbered from 1). The result is a Volume with
// an empty id and one document. Markers that cannot be matched to the list leave the document as plain
// text and add a warning; only unreadable input (empty, invalid UTF-8, no title line) is an error.
class TextCopyParser {
public:
    static Result<Volume> parse(const QByteArray &data, const QString &fileName);
};

} // namespace marginalia

#pragma once

#include "model/volume.h"
#include "textcopyhome.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace marginalia {

// Reads a plain-text copy of a history.state.gov document page (a heading in any of the site's layouts,
// paragraphs separated by blank lines, "[Page 704]" labels, then the footnote list numbered from 1). The
// result is a Volume with an empty id and one document. A marker that cannot be matched to the list
// stays in the text and adds a warning naming it; only unreadable input (empty, invalid UTF-8, no words)
// is an error.
class TextCopyParser {
public:
    static Result<Volume> parse(const QByteArray &data, const QString &fileName);
    // Reads the copy as a copy of the TEI document `home` describes: its id and number, and the
    // footnotes' labels and ids, each marker looked for where the TEI has it.
    static Result<Volume> parse(const QByteArray &data, const QString &fileName, const TextCopyHome &home);
};

} // namespace marginalia

#pragma once

#include "model/volume.h"
#include "parse/teiparser.h"
#include "parse/textcopyhome.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace marginalia {

// Reads a file (a regular file only: see readInputFile) and picks the importer by content: XML (after an
// optional BOM and whitespace; UTF-16 and UTF-32 converted to UTF-8 first) goes to the TEI importer,
// anything else to the text-copy importer.
// `progress` (see TeiParser::Progress) may cancel a long import.
Result<Volume> loadVolume(const QString &path, const TeiParser::Progress &progress = {});
Result<Volume> loadVolume(const QByteArray &data, const QString &fileName, const TeiParser::Progress &progress = {},
                          TeiParser::Threads threads = TeiParser::Threads::Several);
// Reads the text copy at `path` as a copy of the TEI document `home` describes (TextCopyParser).
Result<Volume> loadTextCopy(const QString &path, const TextCopyHome &home);

} // namespace marginalia

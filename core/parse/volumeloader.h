#pragma once

#include "model/volume.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace marginalia {

// Reads a file and picks the importer by content: XML (after an optional BOM and whitespace) goes to
// the TEI importer, anything else to the text-copy importer.
Result<Volume> loadVolume(const QString &path);
Result<Volume> loadVolume(const QByteArray &data, const QString &fileName);

} // namespace marginalia

#pragma once

#include "model/volume.h"

#include <QJsonObject>
#include <QString>

namespace marginalia {

class Library;

// A volume's counts by the definitions of `marginalia-cli info`, as the importer made them, except that
// a text copy's resolved references are those the library resolves (they depend on what else is open).
VolumeStats libraryStats(const Library &library, int volumeIndex);

// One entry of `marginalia-cli info --json`'s "volumes": {"id", "title", "source", "format", "documents",
// "footnotes", "pageBreaks", "crossReferences":{"total", "internal", "resolved", "external"}, …}.
// "id" is the volume's own id, or for a text copy the id of the volume it belongs to, else null.
QJsonObject volumeInfoJson(const Library &library, int volumeIndex);

// The same facts as a few readable lines, translated.
QString volumeInfoText(const Library &library, int volumeIndex);

} // namespace marginalia

#pragma once

#include "model/volume.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace marginalia {

// Reads a FRUS TEI P5 volume (or an extract of one) in one streaming pass. Never loads a DTD, an
// external entity or an XInclude; a document type declaration is refused outright.
class TeiParser {
public:
    // `fileName` names the input in errors and becomes Volume::sourcePath.
    static Result<Volume> parse(const QByteArray &data, const QString &fileName);
};

} // namespace marginalia

#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace marginalia {

// The frame around an outline's fields (volumeoutline.cpp writes them, outlinedecode.cpp reads them):
// kVolumeOutlineMagic, kVolumeOutlineVersion and the fields' size, then the fields compressed with zlib
// (deflate level 1: a quarter of the size, for about as long as writing the fields takes).
QByteArray framedOutline(const QByteArray &fields);
// The fields of a framed outline, or an Error naming `sourcePath` when the bytes are not one of this
// version or are damaged. The size the frame declares is checked before anything is allocated.
Result<QByteArray> outlineFields(const QByteArray &framed, const QString &sourcePath);

} // namespace marginalia

#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace marginalia {

// The importers read UTF-8. A file saved as UTF-16 or UTF-32 (a byte order mark FF FE, FE FF,
// FF FE 00 00 or 00 00 FE FF, or XML whose "<" is 3C 00, 00 3C, 3C 00 00 00 or 00 00 00 3C) is
// converted to UTF-8 here, its XML declaration's encoding then saying "UTF-8"; anything else is returned
// as it is. Lines and columns stay those of the original text. Fails, naming the file, on text that is
// not valid in the encoding it starts in.
Result<QByteArray> asUtf8(const QByteArray &data, const QString &fileName);

// Whether XML bytes are UTF-8: true unless an XML declaration within the first 200 bytes names another
// encoding (a part of a file, read without the declaration, is UTF-8 as its file is).
bool declaresUtf8(const QByteArray &data);

} // namespace marginalia

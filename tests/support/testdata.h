#pragma once

#include <QByteArray>
#include <QString>

namespace marginalia::test {

// Absolute path of a file in tests/data.
QString dataPath(const QString &name);
// Its bytes; an empty array (and a test failure) when it cannot be read.
QByteArray readData(const QString &name);

} // namespace marginalia::test

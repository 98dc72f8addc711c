#include "testdata.h"

#include <QFile>

#include <gtest/gtest.h>

namespace marginalia::test {

QString dataPath(const QString &name)
{
    return QStringLiteral(MARGINALIA_TEST_DATA "/") + name;
}

QByteArray readData(const QString &name)
{
    QFile f(dataPath(name));
    if (!f.open(QIODevice::ReadOnly)) {
        ADD_FAILURE() << "cannot read test data " << name.toStdString();
        return {};
    }
    return f.readAll();
}

} // namespace marginalia::test

#include "result.h"

namespace marginalia {

QString Error::toString() const
{
    QString out = file;
    if (line > 0) {
        out += QLatin1Char(':') + QString::number(line);
        if (column > 0)
            out += QLatin1Char(':') + QString::number(column);
    }
    if (!out.isEmpty())
        out += QStringLiteral(": ");
    return out + message;
}

} // namespace marginalia

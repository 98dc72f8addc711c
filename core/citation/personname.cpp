#include "personname.h"

namespace marginalia {

PersonName splitName(const QString &name)
{
    PersonName out;
    QString rest = name.simplified();
    if (const qsizetype comma = rest.indexOf(QLatin1Char(',')); comma >= 0) {
        out.suffix = rest.mid(comma + 1).trimmed();
        rest = rest.left(comma).trimmed();
    }
    const qsizetype space = rest.lastIndexOf(QLatin1Char(' '));
    out.family = space < 0 ? rest : rest.mid(space + 1);
    out.given = space < 0 ? QString() : rest.left(space);
    return out;
}

} // namespace marginalia

#include "annotation.h"

#include <QDir>
#include <QUuid>

namespace marginalia {

QString defaultAnnotationColor()
{
    return QStringLiteral("#FFE08C");
}

QString newAnnotationId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString defaultAuthor()
{
    for (const char *variable : {"USER", "LOGNAME", "USERNAME"}) {
        const QString name = qEnvironmentVariable(variable);
        if (!name.isEmpty())
            return name;
    }
    return QDir::home().dirName();
}

} // namespace marginalia

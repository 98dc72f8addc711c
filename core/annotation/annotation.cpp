#include "annotation.h"

#include <QUuid>

namespace marginalia {

QString newAnnotationId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace marginalia

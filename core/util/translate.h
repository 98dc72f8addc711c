#pragma once

#include <QCoreApplication>
#include <QString>

namespace marginalia {

// A user-visible string of core code that has no QObject of its own, translated in the "marginalia"
// context.
inline QString tr(const char *text)
{
    return QCoreApplication::translate("marginalia", text);
}

} // namespace marginalia

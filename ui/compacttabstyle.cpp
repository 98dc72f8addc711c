#include "compacttabstyle.h"

#include <QApplication>

#include <algorithm>

namespace marginalia {

CompactTabStyle::CompactTabStyle() : QProxyStyle(QApplication::style()->name())
{
}

int CompactTabStyle::pixelMetric(PixelMetric metric, const QStyleOption *option, const QWidget *widget) const
{
    const int base = QProxyStyle::pixelMetric(metric, option, widget);
    if (metric == PM_TabBarTabHSpace)
        return std::max(8, base / 2);
    return base;
}

} // namespace marginalia

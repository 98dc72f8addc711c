#include "windowpalette.h"

#include "render/renderstyle.h"

namespace marginalia {

QPalette darkWindowPalette(const RenderStyle &dark)
{
    const QColor window = dark.background.lighter(118);
    QPalette p(window, window); // derives light, mid, dark and shadow (the frames) and the disabled text
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        p.setColor(group, QPalette::WindowText, dark.text);
        p.setColor(group, QPalette::ButtonText, dark.text);
        p.setColor(group, QPalette::Text, dark.text);
        p.setColor(group, QPalette::ToolTipText, dark.text);
    }
    p.setColor(QPalette::Base, dark.background);
    p.setColor(QPalette::AlternateBase, dark.background.lighter(110));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::Button, window.lighter(112));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x6a, 0xa0));
    p.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Link, dark.link);
    p.setColor(QPalette::LinkVisited, dark.link.darker(115));
    p.setColor(QPalette::PlaceholderText, dark.muted);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x8a, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, dark.muted.darker(130));
    p.setColor(QPalette::Disabled, QPalette::Text, dark.muted.darker(130));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, dark.muted.darker(130));
    return p;
}

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace marginalia

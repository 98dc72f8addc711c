#include "renderstyle.h"

namespace marginalia {

namespace {

constexpr qreal kDefaultPointSize = 12.0;

QFont readingFont()
{
    // A named family first; the style hint lets fontconfig pick another serif where DejaVu is missing.
    QFont font(QStringLiteral("DejaVu Serif"));
    font.setStyleHint(QFont::Serif, QFont::PreferQuality);
    font.setPointSizeF(kDefaultPointSize);
    return font;
}

} // namespace

RenderStyle RenderStyle::light()
{
    RenderStyle style; // the member defaults are the light palette: warm paper, near-black ink
    style.bodyFont = readingFont();
    return style;
}

RenderStyle RenderStyle::dark()
{
    RenderStyle style;
    style.bodyFont = readingFont();
    style.text = QColor(0xe4, 0xe0, 0xd6);
    style.background = QColor(0x23, 0x24, 0x27);
    style.link = QColor(0x8c, 0xb8, 0xf0);
    style.entityUnderline = QColor(0x8f, 0x83, 0x68);
    style.muted = QColor(0x9c, 0x9a, 0x94);
    style.highlight = QColor(0x5c, 0x4d, 0x1e);
    return style;
}

qreal RenderStyle::pointSize() const
{
    const qreal base = bodyFont.pointSizeF() > 0 ? bodyFont.pointSizeF() : kDefaultPointSize;
    return base * (zoom > 0 ? zoom : 1.0);
}

} // namespace marginalia

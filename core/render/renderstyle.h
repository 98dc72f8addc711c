#pragma once

#include <QColor>
#include <QFont>

namespace marginalia {

// How a rendered document looks: the reader's theme and zoom, passed to the renderers.
struct RenderStyle {
    QFont bodyFont;           // the reading face, at 100% zoom
    qreal zoom = 1.0;         // 1.0 = 100%
    QColor text{0x1f, 0x1f, 0x1f};
    QColor background{0xfd, 0xfc, 0xf8};
    QColor link{0x1a, 0x4f, 0x8a};          // cross-references and markers
    QColor entityUnderline{0x9a, 0x8c, 0x6a}; // the light underline of persons and terms
    QColor muted{0x6b, 0x6b, 0x6b};          // source notes, inline notes, page labels
    QColor highlight{0xff, 0xe8, 0x8c};      // the current note, a flashed marker

    static RenderStyle light();
    static RenderStyle dark();
    qreal pointSize() const; // bodyFont's size times zoom
};

} // namespace marginalia

#pragma once

#include <QProxyStyle>

namespace marginalia {

// The application's style with tabs half as wide in padding. At the default 1280 px the side panes
// narrow to give the text and the margin of notes their room, and the four tabs under the search pane
// (Search, Tags, Persons, Terms) then came out elided ("Se… Ta… Per… Te…"); with the padding halved
// their words fit whole. Everything else is the platform's style as it was.
class CompactTabStyle : public QProxyStyle {
public:
    // Over the style the application has now (set it before any window is made).
    CompactTabStyle();
    int pixelMetric(PixelMetric metric, const QStyleOption *option = nullptr,
                    const QWidget *widget = nullptr) const override;
};

} // namespace marginalia

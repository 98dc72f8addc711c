#pragma once

#include "highlight.h"
#include "render/links.h"
#include "render/renderedtext.h"

#include <QColor>
#include <QList>
#include <QStringList>
#include <QTextBrowser>

class QTimer;

namespace marginalia {

class PageGutter;

// Shows one rendered document: its text in the middle, the printed page labels ("[Page 704]") in a
// gutter on the left beside the line where each page begins. It reports links the user follows and
// markers hovered; what they lead to is decided elsewhere. It never follows a link by itself.
class DocumentView : public QTextBrowser {
    Q_OBJECT

public:
    explicit DocumentView(QWidget *parent = nullptr);
    ~DocumentView() override;

    // Takes the rendered document (the view becomes its parent) and the label of each page break.
    void showRendered(RenderedText rendered, const QStringList &pageLabels, KeepPaint keep = KeepPaint::No);
    const RenderedText &rendered() const { return m_map; }
    const QStringList &pageLabels() const { return m_pageLabels; }

    void scrollToTop();
    void scrollToOffset(int readingOffset);
    void scrollToPageBreak(int pageBreak);
    void scrollToMarker(int footnote);
    // Briefly highlights a footnote marker, so the eye finds it after a jump.
    void flashMarker(int footnote);
    // Paints annotated passages (replacing the previous ones).
    void setHighlights(const QList<Highlight> &highlights);
    // Paints the hits of a library search, [start, end) reading offsets of the body (replacing the
    // previous ones; a new document clears them). They lie under the annotations' colours.
    void setSearchHits(const std::vector<std::pair<int, int>> &readingRanges);
    // The search hits as positions in document(), in order (hits the rendering does not show are left out).
    QList<std::pair<int, int>> searchHitPositions() const;
    // Selects [start, end) of the reading text and brings it into view.
    void selectReadingRange(int start, int end);
    // Marks one passage of the body more strongly than the other highlights (its note card is hovered
    // in the margin); an empty range marks none.
    void setMarkedPassage(int start, int end, const QColor &color);
    // Room right of the text for the margin of notes (0: none). The text column narrows by as much.
    void setRightMargin(int width);
    int rightMargin() const { return m_rightMargin; }

    // Reading offset of the first character on screen.
    int firstVisibleOffset() const;
    // Reading offsets of the selection, or {-1, -1}.
    std::pair<int, int> selectedReadingRange() const;
    // Viewport rectangle of a footnote marker (for tests and popups); empty when not rendered.
    QRect markerRect(int footnote) const;
    // The page labels in the gutter with their viewport y, as drawn.
    QList<std::pair<QString, int>> visiblePageLabels() const;

Q_SIGNALS:
    void linkActivated(const marginalia::LinkTarget &target);
    void markerHovered(int footnote, const QPoint &globalPos);
    void markerHoverEnded();
    // The first visible character changed (after scrolling settles).
    void readingOffsetChanged(int readingOffset);
    // showRendered() put a document on screen (another one, or the same at another zoom).
    void documentShown();
    // The text column changed size and the text is laid out at its new width.
    void reflowed();
    // The mouse went onto a highlight of the body ([start, end) reading offsets), or off them ({-1, -1}).
    void highlightHovered(int start, int end);

protected:
    // A copy holds what was selected of the reading text: the footnote markers and the labels the
    // renderer added are left out of it, as they are of the reading text ("1:00 p.m., …", not "p.m.,2").
    QMimeData *createMimeDataFromSelection() const override;
    void resizeEvent(QResizeEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    friend class PageGutter;
    void onHighlighted(const QUrl &url);
    void placeGutter();
    // Brings a position into view, a fifth of the way down (or at the top), with its context above it.
    void scrollToPosition(int position, bool atTop = false);
    void updateExtraSelections();
    void updateMargins();
    void hoverHighlight(const Highlight *highlight);

    RenderedText m_map;
    QStringList m_pageLabels;
    PageGutter *m_gutter = nullptr;
    QTimer *m_scrollSettle = nullptr;
    QTimer *m_flashTimer = nullptr;
    int m_flashFootnote = -1;
    QList<Highlight> m_highlights;
    QList<Highlight> m_searchHits;
    Highlight m_marked{-1, -1, {}, -1, {}};
    std::pair<int, int> m_hovered{-1, -1};
    int m_rightMargin = 0;
};

} // namespace marginalia

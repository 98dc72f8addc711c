#include "documentview.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QMimeData>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextDocumentFragment>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace marginalia {

// The margin beside the text where the printed page labels stand.
class PageGutter : public QWidget {
public:
    explicit PageGutter(DocumentView *view) : QWidget(view), m_view(view)
    {
        // A label in the margin is a finding aid, not text: smaller than the text, so the margin is narrow.
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        setFont(small);
    }

    // Room for the widest label of the document on screen and no more: what the gutter takes, the text
    // lacks. A document without page breaks keeps a sliver of margin only.
    int preferredWidth() const { return m_width; }
    void fitLabels(const QStringList &labels)
    {
        int widest = 0;
        for (const QString &label : labels)
            widest = std::max(widest, fontMetrics().horizontalAdvance(DocumentView::tr("[Page %1]").arg(label)));
        m_width = widest > 0 ? widest + 2 * kPadding : kPadding;
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.fillRect(rect(), palette().color(QPalette::AlternateBase));
        QColor muted = palette().color(QPalette::Text);
        muted.setAlphaF(0.55);
        p.setPen(muted);
        for (const auto &[label, y] : m_view->visiblePageLabels()) {
            const QRect box(0, y, width() - kPadding, fontMetrics().height());
            p.drawText(box, Qt::AlignRight | Qt::AlignTop, label);
        }
    }

private:
    static constexpr int kPadding = 5;
    DocumentView *m_view;
    int m_width = kPadding;
};

DocumentView::DocumentView(QWidget *parent)
    : QTextBrowser(parent),
      m_gutter(new PageGutter(this)),
      m_scrollSettle(new QTimer(this)),
      m_flashTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("documentView"));
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setReadOnly(true);
    setFrameShape(QFrame::NoFrame);
    updateMargins();
    m_scrollSettle->setSingleShot(true);
    m_scrollSettle->setInterval(250);
    m_flashTimer->setSingleShot(true);
    m_flashTimer->setInterval(1400);

    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (const auto target = parseLink(url))
            Q_EMIT linkActivated(*target);
    });
    connect(this, qOverload<const QUrl &>(&QTextBrowser::highlighted), this, &DocumentView::onHighlighted);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, m_gutter, qOverload<>(&QWidget::update));
    connect(verticalScrollBar(), &QScrollBar::valueChanged, m_scrollSettle, qOverload<>(&QTimer::start));
    connect(m_scrollSettle, &QTimer::timeout, this, [this] { Q_EMIT readingOffsetChanged(firstVisibleOffset()); });
    connect(m_flashTimer, &QTimer::timeout, this, [this] {
        m_flashFootnote = -1;
        updateExtraSelections();
    });
}

DocumentView::~DocumentView() = default;

void DocumentView::showRendered(RenderedText rendered, const QStringList &pageLabels, KeepPaint keep)
{
    QTextDocument *doc = rendered.document.release();
    doc->setParent(this);
    setDocument(doc); // deletes the previous document, which is a child of this view too
    m_map = std::move(rendered);
    m_pageLabels = pageLabels;
    m_gutter->fitLabels(pageLabels);
    updateMargins();
    m_flashFootnote = -1;
    if (keep == KeepPaint::No) {
        m_highlights.clear();
        m_searchHits.clear();
        m_marked = {-1, -1, {}, -1, {}};
        hoverHighlight(nullptr);
    }
    updateExtraSelections(); // the old selections' cursors pointed into the document just deleted
    connect(doc->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, m_gutter,
            qOverload<>(&QWidget::update));
    m_gutter->update();
    Q_EMIT documentShown();
}

QMimeData *DocumentView::createMimeDataFromSelection() const
{
    const QTextCursor selection = textCursor();
    if (!selection.hasSelection() || m_map.segments.empty())
        return QTextBrowser::createMimeDataFromSelection();
    const int start = selection.selectionStart();
    const int end = selection.selectionEnd();
    // What lies between the reading text's runs is the renderer's (markers, labels), but for the
    // breaks between blocks, which keep the paragraphs apart.
    QList<std::pair<int, int>> added;
    const auto addRun = [this, &added](int from, int to) {
        for (int p = from; p < to; ++p) {
            if (document()->characterAt(p) == QChar::ParagraphSeparator)
                continue;
            if (!added.isEmpty() && added.back().second == p)
                added.back().second = p + 1;
            else
                added.append({p, p + 1});
        }
    };
    int at = start;
    for (const RenderedText::Segment &s : m_map.segments) {
        if (s.position + s.length <= at)
            continue;
        if (s.position >= end)
            break;
        if (s.position > at)
            addRun(at, s.position);
        at = s.position + s.length;
    }
    if (at < end)
        addRun(at, end);
    // Cut from a copy of the document, so the copy keeps the text's formatting (italics, headings),
    // without the links, which lead nowhere outside this window.
    std::unique_ptr<QTextDocument> copy(document()->clone());
    QTextCursor cut(copy.get());
    int removed = 0;
    for (auto run = added.crbegin(); run != added.crend(); ++run) {
        cut.setPosition(run->first);
        cut.setPosition(run->second, QTextCursor::KeepAnchor);
        cut.removeSelectedText();
        removed += run->second - run->first;
    }
    cut.setPosition(start);
    cut.setPosition(end - removed, QTextCursor::KeepAnchor);
    QTextCharFormat noLink;
    noLink.setAnchor(false);
    noLink.setAnchorHref(QString());
    noLink.setToolTip(QString());
    cut.mergeCharFormat(noLink);
    const QTextDocumentFragment fragment(cut);
    auto *data = new QMimeData;
    data->setText(fragment.toPlainText());
    data->setHtml(fragment.toHtml());
    return data;
}

void DocumentView::resizeEvent(QResizeEvent *event)
{
    // A narrower or wider column reflows the text: the line at the top stays at the top, so the reader
    // keeps the place (and the page the citation names).
    const bool reflows = event->oldSize().width() != event->size().width() && verticalScrollBar()->value() > 0;
    const int top = reflows ? cursorForPosition(QPoint(4, 4)).position() : -1;
    QTextBrowser::resizeEvent(event);
    placeGutter();
    if (top >= 0)
        scrollToPosition(top, true);
    Q_EMIT reflowed();
}

void DocumentView::setRightMargin(int width)
{
    if (width == m_rightMargin)
        return;
    m_rightMargin = width;
    updateMargins();
    // Set while the view is being shown (from the resize it gets then), the narrower column reached the
    // viewport without the text being laid out again, and the text ran under the margin: told here.
    if (document()->pageSize().width() != qreal(viewport()->width())) {
        QResizeEvent resized(viewport()->size(), QSize());
        QCoreApplication::sendEvent(viewport(), &resized);
    }
}

void DocumentView::updateMargins()
{
    setViewportMargins(m_gutter->preferredWidth(), 0, m_rightMargin, 0);
    placeGutter();
}

void DocumentView::placeGutter()
{
    const QRect area = viewport()->geometry();
    m_gutter->setGeometry(area.left() - m_gutter->preferredWidth(), area.top(), m_gutter->preferredWidth(),
                          area.height());
}

void DocumentView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::RightButton)
        selectHighlightUnder(this, event->position().toPoint(), m_map, m_highlights);
    QTextBrowser::mousePressEvent(event);
}

void DocumentView::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() == Qt::NoButton)
        hoverHighlight(highlightAt(this, event->position().toPoint(), m_map, m_highlights));
    QTextBrowser::mouseMoveEvent(event);
}

// Said only when it changes: the margin marks the hovered highlight's note card.
void DocumentView::hoverHighlight(const Highlight *highlight)
{
    const std::pair<int, int> range = highlight && highlight->footnote < 0 ? std::pair{highlight->start, highlight->end}
                                                                           : std::pair{-1, -1};
    if (range == m_hovered)
        return;
    m_hovered = range;
    Q_EMIT highlightHovered(range.first, range.second);
}

// The viewport ignores a tooltip event, so Qt hands it on to the view in the view's coordinates, which
// the text control then reads as viewport coordinates: with the page gutter's margin, hovering a name
// showed the tooltip of the text a gutter's width to its right. Answered here, in the viewport's own.
bool DocumentView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::Leave)
        hoverHighlight(nullptr);
    if (event->type() != QEvent::ToolTip)
        return QTextBrowser::viewportEvent(event);
    showTextTooltip(this, static_cast<QHelpEvent *>(event), m_map, m_highlights);
    return true;
}

void DocumentView::onHighlighted(const QUrl &url)
{
    const auto target = parseLink(url);
    if (target && target->kind == LinkTarget::Footnote)
        Q_EMIT markerHovered(target->index, QCursor::pos());
    else
        Q_EMIT markerHoverEnded();
}

void DocumentView::scrollToTop()
{
    verticalScrollBar()->setValue(0);
}

void DocumentView::scrollToPosition(int position, bool atTop)
{
    if (position < 0)
        return;
    QTextCursor cursor(document());
    cursor.setPosition(std::min(position, document()->characterCount() - 1));
    // Put the place a little below the top edge, with its context above it in sight.
    const QRect r = cursorRect(cursor);
    QScrollBar *bar = verticalScrollBar();
    bar->setValue(bar->value() + r.top() - (atTop ? 2 : viewport()->height() / 5));
}

void DocumentView::scrollToOffset(int readingOffset)
{
    scrollToPosition(m_map.positionOfOffset(readingOffset));
}

void DocumentView::scrollToPageBreak(int pageBreak)
{
    if (pageBreak >= 0 && std::size_t(pageBreak) < m_map.pageBreaks.size())
        scrollToPosition(m_map.pageBreaks[std::size_t(pageBreak)], true); // the page starts at the top
}

void DocumentView::scrollToMarker(int footnote)
{
    if (footnote >= 0 && std::size_t(footnote) < m_map.markers.size())
        scrollToPosition(m_map.markers[std::size_t(footnote)].start);
}

void DocumentView::flashMarker(int footnote)
{
    m_flashFootnote = footnote;
    updateExtraSelections();
    m_flashTimer->start();
}

void DocumentView::selectReadingRange(int start, int end)
{
    const int from = m_map.positionOfOffset(start);
    const int to = m_map.positionOfOffset(end);
    if (from < 0 || to < 0)
        return;
    QTextCursor cursor(document());
    cursor.setPosition(from);
    cursor.setPosition(to, QTextCursor::KeepAnchor);
    setTextCursor(cursor);
    scrollToPosition(from);
}

void DocumentView::setHighlights(const QList<Highlight> &highlights)
{
    m_highlights = highlights;
    updateExtraSelections();
}

void DocumentView::setMarkedPassage(int start, int end, const QColor &color)
{
    m_marked = {start, end, color, -1, {}};
    updateExtraSelections();
}

void DocumentView::setSearchHits(const std::vector<std::pair<int, int>> &readingRanges)
{
    m_searchHits.clear();
    const QColor colour = searchHitColor();
    for (const auto &[start, end] : readingRanges)
        m_searchHits.append({start, end, colour, -1, {}});
    updateExtraSelections();
}

QList<std::pair<int, int>> DocumentView::searchHitPositions() const
{
    QList<std::pair<int, int>> positions;
    for (const Highlight &hit : m_searchHits) {
        const int from = m_map.positionOfOffset(hit.start);
        const int to = m_map.positionOfOffset(hit.end);
        if (from >= 0 && to > from)
            positions.append({from, to});
    }
    return positions;
}

void DocumentView::updateExtraSelections()
{
    QList<QTextEdit::ExtraSelection> selections = highlightSelections(document(), m_map, m_searchHits);
    selections << highlightSelections(document(), m_map, m_highlights);
    // The passage whose note is hovered: the same colour once more over its highlight, and underlined.
    const QList<QTextEdit::ExtraSelection> marked = highlightSelections(document(), m_map, {m_marked});
    for (QTextEdit::ExtraSelection mark : marked) {
        mark.format.setUnderlineStyle(QTextCharFormat::SingleUnderline);
        mark.format.setUnderlineColor(m_marked.color.darker(170));
        selections << mark;
    }
    if (m_flashFootnote >= 0 && std::size_t(m_flashFootnote) < m_map.markers.size()) {
        const RenderedText::Span span = m_map.markers[std::size_t(m_flashFootnote)];
        if (span.valid()) {
            QTextEdit::ExtraSelection flash;
            flash.cursor = QTextCursor(document());
            flash.cursor.setPosition(std::max(0, span.start - 1));
            flash.cursor.setPosition(span.end, QTextCursor::KeepAnchor);
            flash.format.setBackground(palette().color(QPalette::Highlight));
            flash.format.setForeground(palette().color(QPalette::HighlightedText));
            selections << flash;
        }
    }
    setExtraSelections(selections);
}

int DocumentView::firstVisibleOffset() const
{
    const int position = cursorForPosition(QPoint(4, 4)).position();
    return std::max(0, m_map.offsetOfPosition(position).readingOffset);
}

std::pair<int, int> DocumentView::selectedReadingRange() const
{
    const QTextCursor cursor = textCursor();
    if (!cursor.hasSelection())
        return {-1, -1};
    const auto start = m_map.offsetOfPosition(cursor.selectionStart());
    const auto end = m_map.offsetOfPosition(cursor.selectionEnd());
    return {start.readingOffset, end.readingOffset};
}

QRect DocumentView::markerRect(int footnote) const
{
    if (footnote < 0 || std::size_t(footnote) >= m_map.markers.size() || !m_map.markers[std::size_t(footnote)].valid())
        return {};
    QTextCursor cursor(document());
    cursor.setPosition(m_map.markers[std::size_t(footnote)].start + 1);
    return cursorRect(cursor);
}

QList<std::pair<QString, int>> DocumentView::visiblePageLabels() const
{
    QList<std::pair<QString, int>> out;
    const int height = viewport()->height();
    for (std::size_t i = 0; i < m_map.pageBreaks.size() && i < std::size_t(m_pageLabels.size()); ++i) {
        const int position = m_map.pageBreaks[i];
        if (position < 0)
            continue;
        QTextCursor cursor(document());
        cursor.setPosition(position);
        const int y = cursorRect(cursor).top();
        if (y > -fontMetrics().height() && y < height)
            out.append({tr("[Page %1]").arg(m_pageLabels[int(i)]), y});
    }
    return out;
}

} // namespace marginalia

#include "footnotepane.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QScrollBar>

#include <utility>

namespace marginalia {

FootnotePane::FootnotePane(QWidget *parent) : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("footnotePane"));
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setReadOnly(true);
    setFrameShape(QFrame::NoFrame);
    setPlaceholderText(tr("This document has no footnotes."));
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (const auto target = parseLink(url))
            Q_EMIT linkActivated(*target);
    });
}

void FootnotePane::showNotes(RenderedText notes, KeepPaint keep)
{
    setPlaceholderText(tr("This document has no footnotes.")); // with no document at all, the reader clears it
    QTextDocument *doc = notes.document.release();
    doc->setParent(this);
    setDocument(doc); // deletes the previous document, which is a child of this view too
    m_map = std::move(notes);
    const int current = std::exchange(m_current, -1);
    if (keep == KeepPaint::No) {
        m_highlights.clear();
        m_searchHits.clear();
    }
    updateHighlight();
    verticalScrollBar()->setValue(0);
    if (keep == KeepPaint::Yes && current >= 0)
        setCurrentFootnote(current); // brings it back into view too
}

int FootnotePane::positionOfNote(int footnote) const
{
    if (footnote < 0 || std::size_t(footnote) >= m_map.notes.size())
        return -1;
    return m_map.notes[std::size_t(footnote)].start;
}

void FootnotePane::setCurrentFootnote(int footnote)
{
    const int position = positionOfNote(footnote);
    if (position < 0)
        return;
    m_current = footnote;
    updateHighlight();
    if (!isFootnoteVisible(footnote)) {
        QTextCursor cursor(document());
        cursor.setPosition(position);
        QScrollBar *bar = verticalScrollBar();
        bar->setValue(bar->value() + cursorRect(cursor).top() - 8);
    }
}

bool FootnotePane::isFootnoteVisible(int footnote) const
{
    const int position = positionOfNote(footnote);
    if (position < 0)
        return false;
    QTextCursor cursor(document());
    cursor.setPosition(position);
    const QRect r = cursorRect(cursor);
    return r.top() >= 0 && r.bottom() <= viewport()->height();
}

int FootnotePane::footnoteAtPosition(int position) const
{
    for (std::size_t i = 0; i < m_map.notes.size(); ++i) {
        const RenderedText::Span s = m_map.notes[i];
        if (s.valid() && position >= s.start && position < s.end)
            return int(i);
    }
    return -1;
}

void FootnotePane::setSearchHits(const QList<Highlight> &hits)
{
    m_searchHits = hits;
    updateHighlight();
}

void FootnotePane::setHighlights(const QList<Highlight> &highlights)
{
    m_highlights = highlights;
    updateHighlight();
}

void FootnotePane::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::RightButton)
        selectHighlightUnder(this, event->position().toPoint(), m_map, m_highlights);
    QTextBrowser::mousePressEvent(event);
}

// Answered here for what hovering a highlighted passage of a note says (see DocumentView::viewportEvent).
bool FootnotePane::viewportEvent(QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return QTextBrowser::viewportEvent(event);
    showTextTooltip(this, static_cast<QHelpEvent *>(event), m_map, m_highlights);
    return true;
}

FootnotePane::NoteRange FootnotePane::selectedRange() const
{
    const QTextCursor cursor = textCursor();
    if (!cursor.hasSelection())
        return {};
    const auto start = m_map.offsetOfPosition(cursor.selectionStart());
    const auto end = m_map.offsetOfPosition(cursor.selectionEnd());
    if (start.footnote < 0 || start.footnote != end.footnote || end.readingOffset <= start.readingOffset)
        return {};
    return {start.footnote, start.readingOffset, end.readingOffset};
}

void FootnotePane::selectRange(int footnote, int start, int end)
{
    const int from = m_map.positionOfOffset(start, footnote);
    const int to = m_map.positionOfOffset(end, footnote);
    if (from < 0 || to < from)
        return;
    QTextCursor cursor(document());
    cursor.setPosition(from);
    cursor.setPosition(to, QTextCursor::KeepAnchor);
    setTextCursor(cursor);
    ensureCursorVisible();
}

void FootnotePane::updateHighlight()
{
    QList<QTextEdit::ExtraSelection> selections = highlightSelections(document(), m_map, m_searchHits);
    selections << highlightSelections(document(), m_map, m_highlights);
    if (m_current >= 0 && std::size_t(m_current) < m_map.notes.size() && m_map.notes[std::size_t(m_current)].valid()) {
        const RenderedText::Span span = m_map.notes[std::size_t(m_current)];
        QTextEdit::ExtraSelection current;
        current.cursor = QTextCursor(document());
        current.cursor.setPosition(span.start);
        current.cursor.setPosition(std::max(span.start, span.end - 1), QTextCursor::KeepAnchor);
        QColor highlight = palette().color(QPalette::Highlight);
        highlight.setAlphaF(0.18);
        current.format.setBackground(highlight);
        current.format.setProperty(QTextFormat::FullWidthSelection, true);
        selections << current;
    }
    setExtraSelections(selections);
}

} // namespace marginalia

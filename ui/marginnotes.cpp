#include "marginnotes.h"

#include "documentview.h"
#include "readingmeasure.h"

#include "annotation/marginlayout.h"
#include "models/annotationsmodel.h"
#include "util/plaintext.h"

#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTimer>
#include <QToolTip>

#include <algorithm>

namespace marginalia {

namespace {

constexpr int kLeft = 8;  // room left of the cards, where a pushed-down card's line leads to its passage
constexpr int kRight = 6;
constexpr int kGap = 6;   // between two cards one above the other

} // namespace

MarginNotes::MarginNotes(DocumentView *view, const AnnotationsModel *annotations)
    : QWidget(view),
      m_view(view),
      m_annotations(annotations),
      m_toggle(new QAction(tr("&Margin Notes"), this)),
      m_pending(new QTimer(this))
{
    setObjectName(QStringLiteral("marginNotes"));
    setMouseTracking(true);
    // A note beside the text is an aside: a little smaller than the window's own text.
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.92);
    setFont(small);
    m_toggle->setObjectName(QStringLiteral("marginNotesAction"));
    m_toggle->setCheckable(true);
    m_toggle->setChecked(true);
    m_toggle->setToolTip(tr("Show each note beside its passage, in a margin right of the text, when the window is wide enough"));
    connect(m_toggle, &QAction::toggled, this, &MarginNotes::setWanted);
    m_pending->setSingleShot(true);
    m_pending->setInterval(0); // once the text is laid out and the annotations are read
    connect(m_pending, &QTimer::timeout, this, &MarginNotes::relayout);

    connect(annotations, &QAbstractItemModel::modelReset, this, &MarginNotes::rebuild);
    // At once for another document or annotations, so the first paint has the cards (a screenshot taken
    // when the window is shown, too); the text's layout as it goes on, and selections, once settled.
    const auto followLayout = [this] {
        connect(m_view->document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this,
                &MarginNotes::scheduleLayout);
        relayout();
    };
    followLayout();
    connect(view, &DocumentView::documentShown, this, followLayout); // another document, zoom or theme
    // At once when the column's width changed, so the frame that shows the new width shows the cards
    // where they belong (the margin's own change of width comes back here and changes nothing more).
    connect(view, &DocumentView::reflowed, this, &MarginNotes::relayout);
    connect(view, &QTextEdit::selectionChanged, this, &MarginNotes::scheduleLayout);
    connect(view->verticalScrollBar(), &QScrollBar::valueChanged, this, qOverload<>(&QWidget::update));
    connect(view, &DocumentView::highlightHovered, this, [this](int start, int end) {
        m_hoveredPassage = {start, end};
        update();
    });
    view->viewport()->installEventFilter(this);
    hide();
    rebuild();
}

void MarginNotes::setWanted(bool wanted)
{
    if (m_toggle->isChecked() != wanted)
        m_toggle->setChecked(wanted);
    announceRoom();
    scheduleLayout();
}

int MarginNotes::roomWanted() const
{
    return m_toggle->isChecked() && !m_cards.isEmpty() ? kNarrowestWidth : 0;
}

void MarginNotes::announceRoom()
{
    if (roomWanted() == m_announcedRoom)
        return;
    m_announcedRoom = roomWanted();
    Q_EMIT roomWantedChanged(m_announcedRoom);
}

void MarginNotes::setAuthorFilter(const AuthorFilter &filter)
{
    m_filter = filter;
    rebuild();
}

void MarginNotes::setShowsAuthors(bool shows)
{
    if (shows == m_showsAuthors)
        return;
    m_showsAuthors = shows;
    rebuild();
}

void MarginNotes::rebuild()
{
    hover(-1);
    m_pressed = -1;
    m_cards.clear();
    for (const AnchoredAnnotation &a : m_annotations->annotations()) {
        if (a.footnote >= 0 || !a.anchor.found() || a.annotation.note.trimmed().isEmpty())
            continue; // the notes pane holds the notes on footnotes; an orphan has no passage to stand by
        NoteCard card;
        card.id = a.annotation.id;
        card.start = a.anchor.start;
        card.end = a.anchor.end;
        card.color = QColor(a.paintColor.isEmpty() ? defaultAnnotationColor() : a.paintColor);
        card.author = m_showsAuthors ? a.annotation.author : QString();
        card.note = a.annotation.note;
        card.editable = m_filter.isMine(a.annotation);
        m_cards << card;
    }
    std::stable_sort(m_cards.begin(), m_cards.end(), [](const NoteCard &a, const NoteCard &b) {
        return std::pair{a.start, a.end} < std::pair{b.start, b.end};
    });
    announceRoom();
    relayout();
}

void MarginNotes::scheduleLayout()
{
    m_pending->start();
}

// As wide as it likes, or narrower, when the text keeps its measure beside it; else nothing.
int MarginNotes::marginWidth() const
{
    if (!m_toggle->isChecked() || m_cards.isEmpty())
        return 0;
    // The text's and the margin's room together, right of the page gutter, a scroll bar counted always:
    // the text reflowing beside the margin must not make or unmake a scroll bar that changes the answer.
    const QRect contents = m_view->contentsRect();
    const int available = contents.right() + 1 - m_view->viewport()->geometry().left()
        - m_view->verticalScrollBar()->sizeHint().width();
    const int room = available - ReadingMeasure::textColumnWidth(m_view->document());
    if (room >= kPreferredWidth)
        return kPreferredWidth;
    return room >= kNarrowestWidth ? room : 0;
}

void MarginNotes::place()
{
    const QRect area = m_view->viewport()->geometry();
    setGeometry(area.right() + 1, area.top(), m_view->rightMargin(), area.height());
}

int MarginNotes::selectedCard() const
{
    const auto [start, end] = m_view->selectedReadingRange();
    if (start < 0 || end <= start)
        return -1;
    for (qsizetype i = 0; i < m_cards.size(); ++i) {
        if (m_cards[i].start == start && m_cards[i].end == end)
            return int(i);
    }
    for (qsizetype i = 0; i < m_cards.size(); ++i) {
        if (m_cards[i].start < end && start < m_cards[i].end)
            return int(i);
    }
    return -1;
}

void MarginNotes::relayout()
{
    m_pending->stop();
    const int width = marginWidth();
    m_view->setRightMargin(width);
    place();
    setVisible(width > 0);
    m_tops.clear();
    m_anchors.clear();
    m_selected = selectedCard();
    if (width == 0)
        return;
    const int cardWidth = width - kLeft - kRight;
    const int scroll = m_view->verticalScrollBar()->value();
    const int last = std::max(0, m_view->document()->characterCount() - 1);
    // A passage the rendering does not show (text it leaves out) has no line to stand beside.
    m_cards.removeIf([this](const NoteCard &card) { return m_view->rendered().positionOfOffset(card.start) < 0; });
    announceRoom();
    std::vector<MarginCard> items;
    for (NoteCard &card : m_cards) {
        wrapCard(card, font(), cardWidth);
        QTextCursor cursor(m_view->document());
        cursor.setPosition(std::min(m_view->rendered().positionOfOffset(card.start), last));
        const int anchor = m_view->cursorRect(cursor).top() + scroll;
        m_anchors.push_back(anchor);
        items.push_back({anchor, card.height});
    }
    m_tops = layoutMarginCards(items, kGap, m_selected);
    update();
}

QRect MarginNotes::cardRect(int index) const
{
    if (index < 0 || std::size_t(index) >= m_tops.size())
        return {};
    const int scroll = m_view->verticalScrollBar()->value();
    return {kLeft, m_tops[std::size_t(index)] - scroll, width() - kLeft - kRight, m_cards[index].height};
}

int MarginNotes::cardAt(const QPoint &pos) const
{
    for (int i = 0; std::size_t(i) < m_tops.size(); ++i) {
        if (cardRect(i).contains(pos))
            return i;
    }
    return -1;
}

CardState MarginNotes::stateOf(int index) const
{
    const NoteCard &card = m_cards[index];
    if (index == m_selected || std::pair{card.start, card.end} == m_hoveredPassage)
        return CardState::Marked;
    return index == m_hovered ? CardState::Hovered : CardState::Plain;
}

QList<MarginNotes::Placed> MarginNotes::placedCards() const
{
    QList<Placed> out;
    const int scroll = m_view->verticalScrollBar()->value();
    for (int i = 0; std::size_t(i) < m_tops.size(); ++i)
        out.append({m_cards[i], cardRect(i), m_anchors[std::size_t(i)] - scroll, stateOf(i)});
    return out;
}

void MarginNotes::paintEvent(QPaintEvent *event)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::AlternateBase));
    QColor rule = palette().color(QPalette::Text);
    rule.setAlphaF(0.1);
    p.fillRect(QRect(0, 0, 1, height()), rule);
    for (int i = 0; std::size_t(i) < m_tops.size(); ++i) {
        const QRect r = cardRect(i);
        const CardState state = stateOf(i);
        const int passage = m_anchors[std::size_t(i)] - m_view->verticalScrollBar()->value();
        if (state != CardState::Plain && r.top() > passage + 2) {
            // Pushed down by the cards above it: a line from its passage's line leads to it.
            p.setPen(QPen(m_cards[i].color.darker(150), 1.5));
            p.drawLine(1, passage + 1, kLeft / 2, passage + 1);
            p.drawLine(kLeft / 2, passage + 1, kLeft / 2, r.top() + 6);
            p.drawLine(kLeft / 2, r.top() + 6, kLeft, r.top() + 6);
        }
        if (r.intersects(event->rect()))
            paintCard(p, m_cards[i], r, palette(), state);
    }
}

bool MarginNotes::eventFilter(QObject *watched, QEvent *event)
{
    // The viewport moves with the page gutter (its size comes with reflowed()).
    if (watched == m_view->viewport() && event->type() == QEvent::Move)
        place();
    return QWidget::eventFilter(watched, event);
}

bool MarginNotes::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int i = cardAt(help->pos());
        if (i < 0) {
            QToolTip::hideText();
            return true;
        }
        const NoteCard &card = m_cards[i];
        QString tip;
        if (card.editable && editButtonRect(cardRect(i)).contains(help->pos()))
            tip = plainTooltip(tr("Edit the note (or double-click the card)"));
        else
            tip = plainTooltip(card.author.isEmpty() ? card.note : tr("%1: %2").arg(card.author, card.note));
        QToolTip::showText(help->globalPos(), tip, this, cardRect(i));
        return true;
    }
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        scheduleLayout();
    return QWidget::event(event);
}

void MarginNotes::hover(int index)
{
    if (index == m_hovered)
        return;
    m_hovered = index;
    if (index >= 0)
        m_view->setMarkedPassage(m_cards[index].start, m_cards[index].end, m_cards[index].color);
    else
        m_view->setMarkedPassage(-1, -1, {});
    setCursor(index >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
    update();
}

void MarginNotes::mousePressEvent(QMouseEvent *event)
{
    m_pressed = event->button() == Qt::LeftButton ? cardAt(event->position().toPoint()) : -1;
    m_clicked.clear(); // a double click follows the click it began with, never an older one
}

void MarginNotes::mouseMoveEvent(QMouseEvent *event)
{
    hover(cardAt(event->position().toPoint()));
}

void MarginNotes::mouseReleaseEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const int i = cardAt(pos);
    const bool click = event->button() == Qt::LeftButton && i >= 0 && i == m_pressed;
    m_pressed = -1;
    if (!click)
        return;
    // Copied: selecting the passage scrolls, and an edit reads the annotations again.
    const QString id = m_cards[i].id;
    const bool edit = m_cards[i].editable && editButtonRect(cardRect(i)).contains(pos);
    m_clicked = id;
    Q_EMIT cardClicked(id);
    if (edit)
        Q_EMIT editRequested(id);
}

void MarginNotes::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    // The card the first click chose: selecting its passage may have scrolled another under the mouse.
    QString id = m_clicked;
    if (id.isEmpty()) {
        const int i = cardAt(event->position().toPoint());
        id = i >= 0 ? m_cards[i].id : QString();
    }
    m_clicked.clear();
    const auto card = std::find_if(m_cards.cbegin(), m_cards.cend(), [&id](const NoteCard &c) { return c.id == id; });
    if (card == m_cards.cend())
        return;
    const bool editable = card->editable;
    Q_EMIT cardClicked(id); // the passage selected, as the click before it did (if it reached us)
    if (editable)
        Q_EMIT editRequested(id);
}

void MarginNotes::leaveEvent(QEvent *event)
{
    hover(-1);
    QWidget::leaveEvent(event);
}

} // namespace marginalia

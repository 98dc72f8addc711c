#include "readingmeasure.h"

#include "documentview.h"

#include "render/renderstyle.h"

#include <QDockWidget>
#include <QEvent>
#include <QFontMetricsF>
#include <QLayout>
#include <QMainWindow>
#include <QScrollBar>
#include <QTextBlock>
#include <QTimer>

#include <algorithm>

namespace marginalia {

namespace {

// The space QMainWindow keeps between a dock area and the central widget.
constexpr int kSeparators = 12;

Qt::DockWidgetArea areaOf(const QMainWindow *window, QDockWidget *dock)
{
    return dock->isFloating() ? Qt::NoDockWidgetArea : window->dockWidgetArea(dock);
}

// How narrow a side pane may become: its own minimum, and never a sliver.
int narrowest(const QDockWidget *dock)
{
    return std::max({ReadingMeasure::kNarrowestSide, dock->minimumSizeHint().width(), dock->minimumWidth()});
}

} // namespace

ReadingMeasure::ReadingMeasure(QMainWindow *window, DocumentView *view, QObject *parent)
    : QObject(parent), m_window(window), m_view(view), m_pending(new QTimer(this))
{
    m_pending->setSingleShot(true);
    m_pending->setInterval(0); // once the window's layout has taken the new size
    connect(m_pending, &QTimer::timeout, this, &ReadingMeasure::fit);
    // At once for a document: what is computed about it next (a marker's place, the page at the top)
    // finds the text where it stays.
    connect(view, &DocumentView::documentShown, this, &ReadingMeasure::fit);
    window->installEventFilter(this);
}

bool ReadingMeasure::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && (event->type() == QEvent::Resize || event->type() == QEvent::Show))
        m_pending->start();
    // Before the window saves its layout: the panes as the user arranged them, not as folded for now.
    if (watched == m_window && event->type() == QEvent::Close && sidesFolded()) {
        m_window->restoreState(m_unfolded);
        m_unfolded.clear();
    }
    return QObject::eventFilter(watched, event);
}

int ReadingMeasure::textColumnWidth(const QTextDocument *doc)
{
    QTextBlock longest;
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        if (b.length() > longest.length())
            longest = b;
    }
    // The reading face at 100%: zooming in makes the letters bigger, it does not fold the panes away.
    const QFontMetricsF metrics(RenderStyle::light().bodyFont);
    const QString sample = longest.length() > 40 ? longest.text() : QStringLiteral("the measure of a line of text");
    const qreal perCharacter = metrics.horizontalAdvance(sample) / qreal(sample.size());
    return int(perCharacter * kMeasure + 2 * doc->documentMargin()) + 1;
}

int ReadingMeasure::neededWidth() const
{
    const int chrome = m_view->width() - m_view->viewport()->width() - m_view->rightMargin() // the page gutter, the scroll bar
        + (m_view->verticalScrollBar()->isVisible() ? 0 : m_view->verticalScrollBar()->sizeHint().width());
    return textColumnWidth(m_view->document()) + chrome;
}

// The pane that stands for a side: the widest shown there (a tab behind another keeps an old width).
QDockWidget *ReadingMeasure::sideDock(int area) const
{
    QDockWidget *widest = nullptr;
    for (QDockWidget *d : m_window->findChildren<QDockWidget *>()) {
        if (d->isVisible() && areaOf(m_window, d) == area && (!widest || d->width() > widest->width()))
            widest = d;
    }
    return widest;
}

// A side is as narrow as the widest minimum of the panes it shows (they stand in one column).
int ReadingMeasure::areaNarrowest(int area) const
{
    int width = 0;
    for (QDockWidget *d : m_window->findChildren<QDockWidget *>()) {
        if (d->isVisible() && areaOf(m_window, d) == area)
            width = std::max(width, narrowest(d));
    }
    return width;
}

void ReadingMeasure::setMarginRoom(int width)
{
    if (width == m_marginRoom)
        return;
    m_marginRoom = width;
    m_pending->start();
}

void ReadingMeasure::fit()
{
    const int need = neededWidth();
    if (sidesFolded() && m_window->width() >= m_unfoldAt) {
        m_window->restoreState(m_unfolded);
        m_unfolded.clear();
        m_pending->start(); // measured again once the layout has the panes back
        return;
    }
    // The notes beside their passages, when the sides can narrow for them without folding away.
    const int central = m_window->centralWidget()->width();
    if (m_marginRoom > 0 && !sidesFolded() && need + m_marginRoom > central && narrowSides(need + m_marginRoom - central))
        return;
    const int deficit = need - m_window->centralWidget()->width();
    if (deficit <= 0)
        return;
    if (!narrowSides(deficit)) {
        foldSides();
        if (QDockWidget *side = sideDock(Qt::RightDockWidgetArea))
            m_window->resizeDocks({side}, {std::max(kNarrowestSide, m_window->width() - need - kSeparators)},
                                  Qt::Horizontal);
    }
    if (m_window->layout())
        m_window->layout()->activate(); // the panes and the text take their new widths now
}

// Takes `deficit` pixels from the sides, each in proportion to what it can give; false if they cannot
// (then they are left as they were, or as narrow as they went).
bool ReadingMeasure::narrowSides(int deficit)
{
    QList<QDockWidget *> docks;
    QList<int> widths;
    int spare = 0;
    for (const Qt::DockWidgetArea area : {Qt::LeftDockWidgetArea, Qt::RightDockWidgetArea}) {
        if (QDockWidget *d = sideDock(area)) {
            docks << d;
            widths << d->width();
            spare += std::max(0, d->width() - areaNarrowest(area));
        }
    }
    if (spare < deficit)
        return false;
    for (qsizetype i = 0; i < docks.size(); ++i) {
        const int canGive = std::max(0, widths[i] - areaNarrowest(areaOf(m_window, docks[i])));
        widths[i] -= (canGive * deficit + spare - 1) / spare;
    }
    const int before = m_window->centralWidget()->width();
    m_window->resizeDocks(docks, widths, Qt::Horizontal);
    if (m_window->layout())
        m_window->layout()->activate();
    // A side may stop short of what its panes' minimums promise (the tab bar of its tabbed panes).
    return m_window->centralWidget()->width() - before >= deficit;
}

// The left side's panes (the library, search, tags) become tabs beside the notes, which stay in front:
// while reading, the notes beside the text matter most.
void ReadingMeasure::foldSides()
{
    QDockWidget *left = sideDock(Qt::LeftDockWidgetArea);
    QDockWidget *right = sideDock(Qt::RightDockWidgetArea);
    if (!left || !right)
        return; // one side only: it has narrowed as far as it goes
    // They join the tallest of the right side's panes (the notes, not the one-line "Cited by"); what
    // was in front there stays in front.
    QList<QDockWidget *> inFront;
    for (QDockWidget *d : m_window->findChildren<QDockWidget *>()) {
        if (d->isVisible() && areaOf(m_window, d) == Qt::RightDockWidgetArea) {
            inFront << d;
            if (d->height() > right->height())
                right = d;
        }
    }
    if (!sidesFolded()) {
        m_unfolded = m_window->saveState();
        // Wide enough again when both sides fit at their narrowest beside the measure.
        m_unfoldAt = neededWidth() + areaNarrowest(Qt::LeftDockWidgetArea) + areaNarrowest(Qt::RightDockWidgetArea)
            + 2 * kSeparators;
    }
    for (QDockWidget *d : m_window->findChildren<QDockWidget *>()) {
        if (areaOf(m_window, d) == Qt::LeftDockWidgetArea)
            m_window->tabifyDockWidget(right, d);
    }
    for (QDockWidget *d : inFront)
        d->raise();
}

} // namespace marginalia

#include "indexprogresswidget.h"

#include "plaintext.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QTimer>
#include <QToolButton>

#include <cmath>

namespace marginalia {

namespace {

constexpr int kSummaryShownMs = 20000;

} // namespace

IndexProgressWidget::IndexProgressWidget(QWidget *parent)
    : QWidget(parent), m_label(plainLabel(this)), m_bar(new QProgressBar(this)), m_cancel(new QToolButton(this)),
      m_details(new QToolButton(this)), m_rebuild(new QToolButton(this)), m_hide(new QTimer(this))
{
    setObjectName(QStringLiteral("indexProgress"));
    // Wide enough for the usual progress line, so that the status bar does not jump as the figures change.
    IndexProgress sample;
    sample.volumesDone = 1399;
    sample.volumesTotal = 1400;
    sample.bytesPerSecond = 88e6;
    sample.secondsLeft = 888;
    m_label->setMinimumWidth(m_label->fontMetrics().horizontalAdvance(progressText(sample)));
    m_bar->setRange(0, 1000);
    m_bar->setTextVisible(false);
    m_bar->setMaximumWidth(160);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop indexing; what is indexed so far stays"));
    m_details->setText(tr("Details…"));
    m_details->setToolTip(tr("The files that could not be indexed"));
    m_rebuild->setText(tr("Rebuild…"));
    m_rebuild->setToolTip(tr("Make a new, empty library index; your annotations are kept"));
    m_rebuild->hide();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    layout->addWidget(m_details);
    layout->addWidget(m_rebuild);
    m_hide->setSingleShot(true);
    m_hide->setInterval(kSummaryShownMs);
    connect(m_hide, &QTimer::timeout, this, &QWidget::hide);
    connect(m_cancel, &QToolButton::clicked, this, &IndexProgressWidget::cancelRequested);
    connect(m_details, &QToolButton::clicked, this, &IndexProgressWidget::showDetails);
    connect(m_rebuild, &QToolButton::clicked, this, &IndexProgressWidget::rebuildRequested);
    hide();
}

QString IndexProgressWidget::text() const
{
    return m_label->text();
}

QString IndexProgressWidget::progressText(const IndexProgress &p)
{
    QString text = tr("Indexing %1 of %n volume(s)", nullptr, p.volumesTotal).arg(std::min(p.volumesDone + 1, p.volumesTotal));
    if (p.bytesPerSecond > 0)
        text += tr(" · %1 MB/s").arg(p.bytesPerSecond / 1e6, 0, 'f', p.bytesPerSecond < 1e7 ? 1 : 0);
    if (p.secondsLeft >= 0)
        text += tr(" · %n s left", nullptr, int(std::ceil(p.secondsLeft)));
    return text;
}

QString IndexProgressWidget::summaryText(const IndexReport &r)
{
    const QString counts = tr("%1 indexed · %2 unchanged · %3 missing · %4 failed")
                               .arg(r.indexed).arg(r.unchanged).arg(r.missing).arg(r.failed);
    return r.cancelled ? tr("Indexing cancelled: %1").arg(counts) : tr("Library: %1").arg(counts);
}

void IndexProgressWidget::showStarted()
{
    m_hide->stop();
    m_label->setText(tr("Indexing the library…"));
    m_bar->setValue(0);
    m_bar->show();
    m_cancel->show();
    m_cancel->setEnabled(true);
    m_details->hide();
    m_rebuild->hide();
    show();
}

void IndexProgressWidget::showProgress(const IndexProgress &p)
{
    if (isHidden() || !m_bar->isVisible())
        showStarted();
    m_label->setText(progressText(p));
    m_label->setToolTip(plainTooltip(p.currentFile));
    const double done = p.bytesTotal > 0 ? double(p.bytesDone) / double(p.bytesTotal)
                                         : p.volumesTotal > 0 ? double(p.volumesDone) / p.volumesTotal : 0;
    m_bar->setValue(int(std::lround(1000 * std::clamp(done, 0.0, 1.0))));
}

void IndexProgressWidget::showFinished(const IndexReport &report)
{
    m_bar->hide();
    m_cancel->hide();
    m_label->setText(summaryText(report));
    m_label->setToolTip({});
    QStringList lines;
    for (const Error &error : report.errors)
        lines << error.toString();
    m_detailText = lines.join(QLatin1Char('\n'));
    m_details->setVisible(!lines.isEmpty());
    m_details->setToolTip(plainTooltip(m_detailText));
    show();
    // A summary with failures stays until looked at; a clean one goes after a while.
    if (lines.isEmpty())
        m_hide->start();
}

void IndexProgressWidget::showFailed(const Error &error)
{
    m_bar->hide();
    m_cancel->hide();
    m_label->setText(tr("The library index could not be written: %1").arg(error.toString()));
    m_detailText = error.toString();
    m_details->hide();
    show();
}

void IndexProgressWidget::showUnavailable(const QString &why)
{
    m_hide->stop();
    m_bar->hide();
    m_cancel->hide();
    m_details->hide();
    m_label->setText(tr("Library index unavailable: %1").arg(why));
    m_rebuild->show();
    show();
}

void IndexProgressWidget::showDetails()
{
    showPlainMessage(window(), QMessageBox::Warning, tr("Files not indexed"),
                     tr("These files could not be added to the library; the others were:\n\n%1").arg(m_detailText));
}

} // namespace marginalia

#pragma once

#include "catalog/catalogindexer.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QTimer;
class QToolButton;

namespace marginalia {

// The library indexer's progress in the status bar: "Indexing 12 of 60 volumes · 38 MB/s · 20 s left",
// a bar and a Cancel button while it runs; a one-line summary when it ends, with the files that failed
// behind a Details button. It never blocks reading.
class IndexProgressWidget : public QWidget {
    Q_OBJECT

public:
    explicit IndexProgressWidget(QWidget *parent = nullptr);

    void showStarted();
    void showProgress(const marginalia::IndexProgress &progress);
    void showFinished(const marginalia::IndexReport &report);
    void showFailed(const marginalia::Error &error);
    // The index could not be opened: says why, with a button to rebuild it.
    void showUnavailable(const QString &why);

    QString text() const;
    QProgressBar *bar() const { return m_bar; }
    QToolButton *cancelButton() const { return m_cancel; }
    QToolButton *detailsButton() const { return m_details; }
    QToolButton *rebuildButton() const { return m_rebuild; }
    // The failed files as the Details button lists them, FILE:LINE:COLUMN: message, one a line.
    const QString &details() const { return m_detailText; }

    static QString progressText(const marginalia::IndexProgress &progress);
    static QString summaryText(const marginalia::IndexReport &report);

Q_SIGNALS:
    void cancelRequested();
    void rebuildRequested();

private:
    void showDetails();

    QLabel *m_label;
    QProgressBar *m_bar;
    QToolButton *m_cancel;
    QToolButton *m_details;
    QToolButton *m_rebuild;
    QTimer *m_hide;
    QString m_detailText;
};

} // namespace marginalia

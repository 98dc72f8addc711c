#include "mainwindow.h"

#include "model/readingtext.h"
#include "model/volume.h"

#include <QApplication>
#include <QFileInfo>
#include <QFont>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QTextBrowser>

namespace marginalia {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_text(new QTextBrowser(this))
    , m_source(new QLabel(this))
{
    // Document text is untrusted: setPlainText keeps markup inside it inert, and no link is ever followed.
    m_text->setReadOnly(true);
    m_text->setOpenLinks(false);
    m_text->setOpenExternalLinks(false);
    m_text->document()->setDocumentMargin(24);
    QFont font = m_text->font();
    font.setStyleHint(QFont::Serif);
    font.setFamilies({QStringLiteral("DejaVu Serif"), QStringLiteral("Serif")});
    font.setPointSizeF(font.pointSizeF() * 1.15);
    m_text->setFont(font);
    setCentralWidget(m_text);

    statusBar()->addWidget(m_source, 1);

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quit = fileMenu->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    resize(900, 760);
    showNothing();
}

void MainWindow::showDocument(const Volume &volume, const Document &doc)
{
    m_text->setPlainText(ReadingText(doc.body).text());
    setWindowTitle(doc.number.isEmpty()
                       ? tr("%1 — Marginalia").arg(doc.title)
                       : tr("%1. %2 — Marginalia").arg(doc.number, doc.title));
    const QString source = QFileInfo(volume.sourcePath).fileName();
    m_source->setText(volume.title.isEmpty() ? source : tr("%1 (%2)").arg(volume.title, source));
}

void MainWindow::showNothing()
{
    m_text->setPlainText(tr("No document is open."));
    setWindowTitle(tr("Marginalia"));
    m_source->clear();
}

} // namespace marginalia

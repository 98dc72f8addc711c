#include "readercontroller.h"

#include "documentview.h"
#include "footnotepane.h"
#include "librarypane.h"
#include "notepopup.h"
#include "plaintext.h"
#include "volumeopener.h"
#include "windowpalette.h"

#include "citation/citationsource.h"
#include "library/citationlabel.h"
#include "library/documentlabel.h"
#include "library/openlibrary.h"
#include "model/readingtext.h"
#include "render/documentrenderer.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QFileDialog>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStyle>
#include <QTextDocument>
#include <QTimer>

namespace marginalia {

namespace {

const QString kZoomKey = QStringLiteral("reader/zoom");
const QString kThemeKey = QStringLiteral("reader/theme");
const QString kCitationStyleKey = QStringLiteral("reader/citationStyle"); // a citationStyleName(), or none

} // namespace

ReaderController::ReaderController(const OpenLibrary *library, Navigator *navigator, VolumeOpener *opener,
                                   QSettings *settings, const Panes &panes, QObject *parent)
    : QObject(parent), m_library(library), m_navigator(navigator), m_opener(opener), m_settings(settings),
      m_panes(panes), m_systemPalette(QApplication::palette()), m_popupHide(new QTimer(this))
{
    m_theme = Theme(std::clamp(m_settings->value(kThemeKey, 0).toInt(), 0, 2));
    updateStyle();
    m_style.zoom = std::clamp(m_settings->value(kZoomKey, 1.0).toDouble(), 0.5, 3.0);
    m_citationStyle = citationStyleNamed(m_settings->value(kCitationStyleKey).toString());
    m_popupHide->setSingleShot(true);
    m_popupHide->setInterval(350);
    connect(m_popupHide, &QTimer::timeout, this, [this] {
        if (!m_panes.popup->underMouse())
            m_panes.popup->hide();
    });
    // The indexes of what is on screen may now name another volume's document: the navigator shows it
    // again at once, and that show must render. A volume after it changes nothing here.
    connect(library, &OpenLibrary::volumeRemoved, this, [this](int volume) {
        if (volume <= m_current.volume)
            m_current = {};
    });
}

ReaderController::~ReaderController()
{
    if (m_paletteChanged)
        QApplication::setPalette(m_systemPalette); // the theme was this window's, not the desktop's
}

const Document *ReaderController::currentDocument() const
{
    if (!m_current.valid() || m_current.volume >= m_library->library().size())
        return nullptr;
    const Volume &v = m_library->library().volume(m_current.volume);
    if (m_current.document >= int(v.documents.size()))
        return nullptr;
    return &v.documents[std::size_t(m_current.document)];
}

void ReaderController::show(const ReaderPosition &position, const Focus &focus)
{
    const bool sameDocument = position.volume == m_current.volume && position.document == m_current.document;
    m_current = position;
    if (!position.valid()) {
        showNothing();
        return;
    }
    if (!currentDocument())
        return;
    if (!sameDocument)
        render(KeepPaint::No);
    applyFocus(focus);
    m_panes.library->showCurrent(position.volume, position.document);
    updateStatus();
    Q_EMIT documentShown(position.volume, position.document);
}

// Nothing open (the last volume closed): an empty page, no notes, no citation.
void ReaderController::showNothing()
{
    RenderedText empty;
    empty.document = std::make_unique<QTextDocument>();
    RenderedText noNotes;
    noNotes.document = std::make_unique<QTextDocument>();
    m_panes.view->showRendered(std::move(empty), {});
    m_panes.notes->showNotes(std::move(noNotes));
    m_panes.notes->setPlaceholderText(QString());
    m_panes.view->setPlaceholderText(tr("No volume is open. Open one with File › Open…"));
    m_panes.popup->hide();
    m_panes.window->setWindowTitle(tr("Marginalia"));
    m_panes.status->clear();
    Q_EMIT documentShown(-1, -1);
}

void ReaderController::render(KeepPaint keep)
{
    const Document *doc = currentDocument();
    const Volume &volume = m_library->library().volume(m_current.volume);
    QStringList pageLabels;
    for (const PageBreak &pb : doc->pageBreaks)
        pageLabels << pb.n;
    m_panes.view->showRendered(renderDocument(volume, *doc, m_style), pageLabels, keep);
    const std::vector<QString> citations = m_library->library().citations(m_current.volume, m_current.document);
    m_panes.notes->showNotes(renderFootnotes(volume, *doc, citations, m_style), keep);
    m_panes.window->setWindowTitle(tr("%1 — Marginalia").arg(documentLabel(*doc)));
}

void ReaderController::applyFocus(const Focus &focus)
{
    switch (focus.kind) {
    case Focus::Top:
        m_panes.view->scrollToTop();
        break;
    case Focus::Offset:
        m_panes.view->scrollToOffset(focus.index);
        break;
    case Focus::Footnote:
        selectFootnote(focus.index, true);
        break;
    case Focus::Marker:
        m_panes.view->scrollToMarker(focus.index);
        m_panes.view->flashMarker(focus.index);
        break;
    case Focus::PageBreak:
        m_panes.view->scrollToPageBreak(focus.index);
        break;
    }
}

void ReaderController::selectFootnote(int footnote, bool moveView)
{
    const Document *doc = currentDocument();
    if (!doc || footnote < 0 || footnote >= int(doc->footnotes.size()))
        return;
    m_panes.notes->setCurrentFootnote(footnote);
    if (moveView) {
        m_panes.view->scrollToMarker(footnote);
        m_panes.view->flashMarker(footnote);
    }
}

void ReaderController::followLink(const LinkTarget &target)
{
    switch (target.kind) {
    case LinkTarget::Footnote:
        selectFootnote(target.index, false);
        break;
    case LinkTarget::Back:
        selectFootnote(target.index, true);
        break;
    case LinkTarget::Reference:
        m_navigator->followReference(target.index);
        break;
    case LinkTarget::Person:
    case LinkTarget::Term:
        break; // their glossary entry shows as a tooltip
    }
}

void ReaderController::showMarkerPopup(int footnote, const QPoint &globalPos)
{
    const Document *doc = currentDocument();
    if (!doc || footnote < 0 || footnote >= int(doc->footnotes.size()))
        return;
    m_popupHide->stop();
    const Volume &volume = m_library->library().volume(m_current.volume);
    const QString citation = m_library->library().citation(m_current.volume, m_current.document, footnote);
    m_panes.popup->showNote(footnoteHtml(volume, *doc, footnote, citation), globalPos);
}

void ReaderController::hideMarkerPopupSoon()
{
    m_popupHide->start();
}

void ReaderController::nextFootnote()
{
    const Document *doc = currentDocument();
    if (doc && m_panes.notes->currentFootnote() + 1 < int(doc->footnotes.size()))
        selectFootnote(m_panes.notes->currentFootnote() + 1, true);
}

void ReaderController::previousFootnote()
{
    if (m_panes.notes->currentFootnote() > 0)
        selectFootnote(m_panes.notes->currentFootnote() - 1, true);
}

QString ReaderController::currentCitation() const
{
    if (!currentDocument())
        return {};
    const ReadingText text(currentDocument()->body);
    return citationAt(m_library->library(), m_current.volume, m_current.document,
                      text.locationOf(m_panes.view->firstVisibleOffset()));
}

void ReaderController::updateStatus()
{
    m_panes.status->setText(currentCitation());
    m_navigator->setReadingOffset(m_panes.view->firstVisibleOffset());
}

// The quotation as the reading text has it (no markers), with the citation of the pages it runs over;
// with nothing selected, the citation of the place on screen.
void ReaderController::copyCitation()
{
    const Document *doc = currentDocument();
    if (!doc)
        return;
    const auto [start, end] = m_panes.view->selectedReadingRange();
    const ReadingText text(doc->body);
    const QString quote = start >= 0 && end > start ? text.text().mid(start, end - start).simplified() : QString();
    if (m_citationStyle) {
        copyFullCitation(quote, start, end);
        return;
    }
    if (quote.isEmpty()) {
        QApplication::clipboard()->setText(currentCitation());
        return;
    }
    // The last character quoted, not the place after it (which may be the next page's first).
    const QString citation = citationOfPassage(m_library->library(), m_current.volume, m_current.document,
                                               text.locationOf(start), text.locationOf(end - 1));
    QApplication::clipboard()->setText(tr("“%1” (%2)").arg(quote, citation));
}

// The passage and the document's citation in the chosen style, as text and as HTML (titles in italics).
void ReaderController::copyFullCitation(const QString &quote, int start, int end)
{
    const Library &library = m_library->library();
    const QString pages = quote.isEmpty() ? QString() : pagesOf(library, m_current.volume, m_current.document, -1, start, end);
    const FormattedCitation citation =
        formatCitation(citationSource(library, m_current.volume, m_current.document), *m_citationStyle, pages);
    auto *data = new QMimeData;
    if (quote.isEmpty()) {
        data->setText(citation.text);
        data->setHtml(citation.html);
    } else {
        data->setText(tr("“%1”\n\n%2").arg(quote, citation.text));
        data->setHtml(tr("<p>“%1”</p><p>%2</p>").arg(quote.toHtmlEscaped(), citation.html));
    }
    QApplication::clipboard()->setMimeData(data);
}

void ReaderController::setCitationStyle(std::optional<CitationStyle> style)
{
    m_citationStyle = style;
    m_settings->setValue(kCitationStyleKey, style ? citationStyleName(*style) : QString());
}

void ReaderController::setZoom(qreal zoom)
{
    zoom = std::clamp(zoom, 0.5, 3.0);
    if (qFuzzyCompare(zoom, m_style.zoom))
        return;
    m_style.zoom = zoom;
    m_settings->setValue(kZoomKey, zoom);
    restyle();
}

// The document on screen in the new style, at the place the reader was, with what is painted over it.
void ReaderController::restyle()
{
    if (!currentDocument())
        return;
    const int offset = m_panes.view->firstVisibleOffset();
    render(KeepPaint::Yes);
    m_panes.view->scrollToOffset(offset);
}

void ReaderController::zoomIn()
{
    setZoom(m_style.zoom * 1.1);
}

void ReaderController::zoomOut()
{
    setZoom(m_style.zoom / 1.1);
}

void ReaderController::resetZoom()
{
    setZoom(1.0);
}

void ReaderController::updateStyle()
{
    const qreal zoom = m_style.zoom;
    const bool systemDark = isDarkPalette(m_systemPalette);
    const bool dark = m_theme == Theme::Dark || (m_theme == Theme::System && systemDark);
    m_style = dark ? RenderStyle::dark() : RenderStyle::light();
    m_style.zoom = zoom;
    updateWindowPalette(dark, systemDark);
    for (QWidget *w : {static_cast<QWidget *>(m_panes.view), static_cast<QWidget *>(m_panes.notes)}) {
        QPalette p = w->palette();
        p.setColor(QPalette::Base, m_style.background);
        p.setColor(QPalette::Text, m_style.text);
        p.setColor(QPalette::AlternateBase, m_style.background.darker(dark ? 80 : 104));
        w->setPalette(p);
    }
}

// The whole window follows the theme, not only the text: the panes, toolbars and menus take their
// colours from the application's palette. The desktop's own palette comes back for its own theme.
void ReaderController::updateWindowPalette(bool dark, bool systemDark)
{
    QPalette wanted = m_systemPalette;
    if (dark && !systemDark)
        wanted = darkWindowPalette(m_style);
    else if (!dark && systemDark)
        wanted = QApplication::style()->standardPalette();
    if (!m_paletteChanged && wanted == m_systemPalette)
        return;
    QApplication::setPalette(wanted);
    m_paletteChanged = true;
}

void ReaderController::setTheme(Theme theme)
{
    m_theme = theme;
    m_settings->setValue(kThemeKey, int(theme));
    updateStyle();
    restyle();
}

void ReaderController::showSearchHit(int volume, int document, int footnote, int readingOffset, int length)
{
    if (footnote >= 0) {
        m_navigator->openDocument(volume, document, Focus{Focus::Footnote, footnote});
        return;
    }
    m_navigator->openDocument(volume, document, Focus{Focus::Offset, readingOffset});
    m_panes.view->selectReadingRange(readingOffset, readingOffset + length);
}

void ReaderController::offerToOpenVolume(const QString &volumeId, const QString &target)
{
    const auto answer = showPlainMessage(
        m_panes.window, QMessageBox::Question, tr("Volume not open"),
        tr("This reference leads to %1 (%2), which is not open.\n\nOpen its TEI file now?")
            .arg(shortVolumeName(volumeId), volumeId),
        QMessageBox::Open | QMessageBox::Cancel, QMessageBox::Open);
    if (answer != QMessageBox::Open)
        return;
    const QString file = QFileDialog::getOpenFileName(m_panes.window, tr("Open %1").arg(volumeId), QString(),
                                                      tr("FRUS TEI volumes (*.xml)"));
    if (!file.isEmpty())
        m_opener->open({file}, {}, target);
}

void ReaderController::confirmExternalLink(const QUrl &url)
{
    const auto answer = showPlainMessage(m_panes.window, QMessageBox::Question, tr("Open in browser"),
                                         tr("Open this address in your web browser?\n\n%1")
                                             .arg(url.toDisplayString()),
                                         QMessageBox::Open | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Open && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")))
        QDesktopServices::openUrl(url);
}

void ReaderController::reportUnresolved(const QString &label, const QString &target)
{
    m_panes.status->setText(tr("“%1” leads to %2, which is not in the open library.").arg(label, target));
}

} // namespace marginalia

#pragma once

#include "highlight.h"
#include "citation/citationstyles.h"
#include "navigation/navigator.h"
#include "render/links.h"
#include "render/renderstyle.h"

#include <QObject>
#include <QPalette>
#include <QPointer>

class QLabel;
class QSettings;
class QTimer;

namespace marginalia {

class DocumentView;
class FootnotePane;
class LibraryPane;
class NotePopup;
class OpenLibrary;
class VolumeOpener;

// The glue between the navigator and the reading panes: it renders the current document into the view
// and the notes pane, carries out what links and markers ask for, and keeps the status bar's citation
// current. Where a link leads is the navigator's decision; this class only shows the result.
class ReaderController : public QObject {
    Q_OBJECT

public:
    enum class Theme { System, Light, Dark };

    struct Panes {
        DocumentView *view = nullptr;
        FootnotePane *notes = nullptr;
        LibraryPane *library = nullptr;
        NotePopup *popup = nullptr;
        QLabel *status = nullptr;
        QWidget *window = nullptr; // parent of dialogs
    };

    ReaderController(const OpenLibrary *library, Navigator *navigator, VolumeOpener *opener, QSettings *settings,
                     const Panes &panes, QObject *parent = nullptr);
    ~ReaderController() override;

    Theme theme() const { return m_theme; }
    qreal zoom() const { return m_style.zoom; }
    const RenderStyle &style() const { return m_style; }
    // The citation of what is on screen, as in the status bar.
    QString currentCitation() const;
    // The style Copy with Citation uses: a full citation in one of the CitationStyles, or, unset (the
    // default), the short label of the status bar ("FRUS 1961–63, vol. IX, Doc. 317, p. 704").
    std::optional<CitationStyle> citationStyle() const { return m_citationStyle; }
    void setCitationStyle(std::optional<marginalia::CitationStyle> style);

public Q_SLOTS:
    void show(const marginalia::ReaderPosition &position, const marginalia::Focus &focus);
    void followLink(const marginalia::LinkTarget &target);
    void showMarkerPopup(int footnote, const QPoint &globalPos);
    void hideMarkerPopupSoon();
    void nextFootnote();
    void previousFootnote();
    void copyCitation();
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void setTheme(marginalia::ReaderController::Theme theme);
    void showSearchHit(int volume, int document, int footnote, int readingOffset, int length);
    void offerToOpenVolume(const QString &volumeId, const QString &target);
    void confirmExternalLink(const QUrl &url);
    void reportUnresolved(const QString &label, const QString &target);

Q_SIGNALS:
    void documentShown(int volume, int document);

private:
    void render(KeepPaint keep);
    void showNothing();
    void restyle();
    void applyFocus(const Focus &focus);
    void selectFootnote(int footnote, bool moveView);
    void setZoom(qreal zoom);
    void updateStatus();
    void copyFullCitation(const QString &quote, int start, int end);
    void updateStyle();
    void updateWindowPalette(bool dark, bool systemDark);
    const Document *currentDocument() const;

    const OpenLibrary *m_library;
    Navigator *m_navigator;
    VolumeOpener *m_opener;
    QSettings *m_settings;
    Panes m_panes;
    ReaderPosition m_current;
    RenderStyle m_style;
    Theme m_theme = Theme::System;
    std::optional<CitationStyle> m_citationStyle;
    QPalette m_systemPalette; // the application's palette before any theme of ours
    bool m_paletteChanged = false;
    QTimer *m_popupHide;
};

} // namespace marginalia

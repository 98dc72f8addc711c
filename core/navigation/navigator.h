#pragma once

#include "history.h"
#include "library/openlibrary.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

namespace marginalia {

// What the view should bring into sight once a document is shown.
struct Focus {
    enum Kind { Top, Offset, Footnote, Marker, PageBreak } kind = Top;
    int index = 0; // reading offset, footnote index or page-break index
    friend bool operator==(const Focus &, const Focus &) = default;
};

// The reader's navigation: which document is shown, where to, and the way back. Panes report what the
// user did (a link followed, a document chosen, the view scrolled); the navigator decides where that
// leads and tells every pane through currentChanged. It holds no widgets.
//
// When a volume is closed, its steps leave the history and the reader moves: to the step before (else
// after) in the history, else to the first document of the volume now in its place (else the one
// before); with nothing left open, currentChanged carries an invalid position (an empty reader).
class Navigator : public QObject {
    Q_OBJECT

public:
    // Makes sure the library holds document `document` of volume `volume` in full before it is shown: a
    // volume opened from the library index holds its other documents as stubs (no body), and the loader
    // reads one and puts the fuller volume in the library in place. Returns false when it cannot (it says
    // why to the user itself); the document is then not shown.
    using DocumentLoader = std::function<bool(int volume, int document)>;

    explicit Navigator(const OpenLibrary *library, QObject *parent = nullptr);

    // Every document the navigator shows goes through `loader` first (none: every document is whole).
    void setDocumentLoader(DocumentLoader loader) { m_loader = std::move(loader); }
    // The loader's answer for a document about to be used otherwise (exported, say); true without one.
    bool ensureLoaded(int volume, int document) const { return !m_loader || m_loader(volume, document); }

    ReaderPosition current() const { return m_history.current(); }
    bool canGoBack() const { return m_history.canGoBack(); }
    bool canGoForward() const { return m_history.canGoForward(); }

public Q_SLOTS:
    void openDocument(int volume, int document, marginalia::Focus focus = {});
    // Follows Document::crossReferences[reference] of the current document.
    void followReference(int reference);
    // Follows a TEI-style target ("#d316", "frus1961-63v13#pg_242") from the current document.
    void followTarget(const QString &target);
    void back();
    void forward();
    void nextDocument();     // in library order, across volumes
    void previousDocument();
    // The view scrolled: remember where, so Back returns here.
    void setReadingOffset(int readingOffset);

Q_SIGNALS:
    void currentChanged(const marginalia::ReaderPosition &position, const marginalia::Focus &focus);
    void historyChanged(bool canGoBack, bool canGoForward);
    // A reference into a volume that is not open (offer to open its file).
    void volumeNotOpen(const QString &volumeId, const QString &target);
    // A target that leads nowhere in the library.
    void unresolved(const QString &label, const QString &target);
    // An http(s) address the user may open in the browser after confirming.
    void externalLinkRequested(const QUrl &url);

private:
    void volumeClosed(int volume);
    void go(const ReaderPosition &position, const Focus &focus, bool addToHistory);

    const OpenLibrary *m_library;
    History m_history;
    DocumentLoader m_loader;
};

} // namespace marginalia

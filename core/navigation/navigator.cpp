#include "navigator.h"

#include <QMetaType>

#include <algorithm>

namespace marginalia {

namespace {

// Where a link leads, decided from the library alone; the navigator then acts on it.
struct Destination {
    enum Kind { Open, VolumeNotOpen, External, Unresolved } kind = Unresolved;
    int volume = -1;
    int document = -1;
    Focus focus;
    QString volumeId; // VolumeNotOpen
    QUrl url;         // External
};

Destination unresolvedDestination()
{
    return {};
}

// Only web addresses may leave the application; file:, javascript: and the like lead nowhere.
Destination externalDestination(const QString &address)
{
    const QUrl url(address, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return unresolvedDestination();
    Destination d;
    d.kind = Destination::External;
    d.url = url;
    return d;
}

Destination volumeNotOpenDestination(const QString &volumeId)
{
    Destination d;
    d.kind = Destination::VolumeNotOpen;
    d.volumeId = volumeId;
    return d;
}

Destination openDestination(int volume, int document, Focus focus = {})
{
    Destination d;
    d.kind = Destination::Open;
    d.volume = volume;
    d.document = document;
    d.focus = focus;
    return d;
}

// The document a page break between documents leads to: the first one starting on that page after the
// last document that holds an earlier break, else simply the one after that document.
int documentAfterPage(const Volume &volume, int pageIndex)
{
    int lower = 0;
    for (int i = pageIndex - 1; i >= 0; --i) {
        const int doc = volume.pages[std::size_t(i)].document;
        if (doc >= 0) {
            lower = doc + 1;
            break;
        }
    }
    const QString &n = volume.pages[std::size_t(pageIndex)].n;
    const int count = int(volume.documents.size());
    for (int d = lower; d < count; ++d) {
        if (volume.documents[std::size_t(d)].firstPage == n)
            return d;
    }
    return lower < count ? lower : -1;
}

// Which break of `doc` a volume page is; -1 when the document does not hold it.
int pageBreakIndex(const Document &doc, const VolumePage &page)
{
    for (std::size_t i = 0; i < doc.pageBreaks.size(); ++i) {
        const PageBreak &pb = doc.pageBreaks[i];
        if (page.id.isEmpty() ? pb.n == page.n : pb.id == page.id)
            return int(i);
    }
    return -1;
}

Destination pageDestination(const Volume &volume, int volumeIndex, int pageIndex)
{
    if (pageIndex < 0 || pageIndex >= int(volume.pages.size()))
        return unresolvedDestination();
    const VolumePage &page = volume.pages[std::size_t(pageIndex)];
    const int document = page.document >= 0 ? page.document : documentAfterPage(volume, pageIndex);
    if (document < 0)
        return unresolvedDestination();
    const Document &doc = volume.documents[std::size_t(document)];
    // A page the document starts on is its top; there is no break inside it to scroll to.
    const int pb = page.n == doc.firstPage ? -1 : pageBreakIndex(doc, page);
    return openDestination(volumeIndex, document, pb < 0 ? Focus{} : Focus{Focus::PageBreak, pb});
}

Destination resolvedDestination(const Library &library, const ResolvedTarget &resolved, bool wholeVolume)
{
    const Volume &volume = library.volume(resolved.volume);
    if (resolved.target.kind == IdTarget::Page)
        return pageDestination(volume, resolved.volume, resolved.target.index);
    if (resolved.document >= 0 && resolved.document < int(volume.documents.size())) {
        const Focus focus = resolved.target.kind == IdTarget::Footnote
            ? Focus{Focus::Footnote, resolved.target.index}
            : Focus{};
        return openDestination(resolved.volume, resolved.document, focus);
    }
    // A link to a whole volume ("frus1961-63v13") opens its first document, as its landing page would.
    if (wholeVolume && !volume.documents.empty())
        return openDestination(resolved.volume, 0);
    return unresolvedDestination();
}

bool looksLikeVolumeId(const QString &id)
{
    return id.startsWith(QLatin1String("frus")) && id.size() > 4 && id.at(4).isDigit();
}

// A TEI @target as written: "#d316", "d316", "frus1961-63v13#pg_242", "frus1961-63v13" or an address.
Destination targetDestination(const Library &library, int fromVolume, const QString &target)
{
    if (target.contains(QLatin1Char(':'))) // FRUS ids never hold one, so this is a URL of some scheme
        return externalDestination(target);
    const qsizetype hash = target.indexOf(QLatin1Char('#'));
    const QString volumeId = hash > 0 ? target.left(hash) : QString();
    if (!volumeId.isEmpty() && library.indexOfVolume(volumeId) < 0)
        return volumeNotOpenDestination(volumeId);
    // An explicit volume needs no current document to resolve in.
    const int base = volumeId.isEmpty() ? fromVolume : library.indexOfVolume(volumeId);
    const std::optional<ResolvedTarget> resolved = library.resolve(base, target);
    if (resolved) {
        const QString id = hash < 0 ? target : target.mid(hash + 1);
        const bool wholeVolume = id.isEmpty() || (hash < 0 && id == library.volume(resolved->volume).id);
        return resolvedDestination(library, *resolved, wholeVolume);
    }
    if (hash < 0 && looksLikeVolumeId(target))
        return volumeNotOpenDestination(target);
    return unresolvedDestination();
}

Destination referenceDestination(const Library &library, int fromVolume, const CrossReference &ref)
{
    if (ref.kind == ReferenceKind::External)
        return externalDestination(ref.raw);
    if (!ref.volume.isEmpty() && library.indexOfVolume(ref.volume) < 0)
        return volumeNotOpenDestination(ref.volume);
    const std::optional<ResolvedTarget> resolved = library.resolve(fromVolume, ref);
    if (!resolved)
        return unresolvedDestination();
    return resolvedDestination(library, *resolved, !ref.volume.isEmpty() && ref.target.isEmpty());
}

// Signals are public, so the decision above can be carried out without a private member per outcome.
void arrive(Navigator &navigator, const Destination &destination, const QString &label, const QString &target)
{
    switch (destination.kind) {
    case Destination::Open:
        navigator.openDocument(destination.volume, destination.document, destination.focus);
        break;
    case Destination::VolumeNotOpen:
        Q_EMIT navigator.volumeNotOpen(destination.volumeId, target);
        break;
    case Destination::External:
        Q_EMIT navigator.externalLinkRequested(destination.url);
        break;
    case Destination::Unresolved:
        Q_EMIT navigator.unresolved(label, target);
        break;
    }
}

} // namespace

Navigator::Navigator(const OpenLibrary *library, QObject *parent)
    : QObject(parent)
    , m_library(library)
{
    // By name as well, so that queued and string-based connections can carry them across threads.
    qRegisterMetaType<marginalia::ReaderPosition>("marginalia::ReaderPosition");
    qRegisterMetaType<marginalia::Focus>("marginalia::Focus");
    connect(library, &OpenLibrary::volumeClosed, this, &Navigator::volumeClosed);
}

void Navigator::volumeClosed(int volume)
{
    const ReaderPosition before = current();
    const bool shownGone = m_history.removeVolume(volume) || before.volume == volume;
    const ReaderPosition now = current();
    const Library &library = m_library->library();
    if (shownGone && now.valid()) {
        go(now, Focus{Focus::Offset, now.readingOffset}, false);
    } else if (shownGone && library.size() > 0) {
        openDocument(std::min(volume, library.size() - 1), 0);
    } else if (shownGone || (before.valid() && before.volume > volume)) {
        // Nothing left to show, or the same document under its new index: every pane follows.
        Q_EMIT currentChanged(now, Focus{Focus::Offset, now.readingOffset});
    }
    Q_EMIT historyChanged(m_history.canGoBack(), m_history.canGoForward());
}

void Navigator::openDocument(int volume, int document, marginalia::Focus focus)
{
    const Library &library = m_library->library();
    if (volume < 0 || volume >= library.size() || document < 0
        || document >= int(library.volume(volume).documents.size()))
        return;
    const int offset = focus.kind == Focus::Offset ? focus.index : 0;
    go(ReaderPosition{volume, document, offset}, focus, true);
}

void Navigator::followReference(int reference)
{
    const ReaderPosition here = current();
    const Library &library = m_library->library();
    // The position may be stale if its volume was replaced since; never index past the end.
    if (!here.valid() || here.volume >= library.size()
        || here.document >= int(library.volume(here.volume).documents.size()))
        return;
    const Document &doc = library.volume(here.volume).documents[std::size_t(here.document)];
    if (reference < 0 || reference >= int(doc.crossReferences.size()))
        return;
    const CrossReference ref = doc.crossReferences[std::size_t(reference)]; // a load replaces `doc`
    Destination destination = referenceDestination(library, here.volume, ref);
    // A page inside a stub is found among its page breaks once the document is read.
    if (destination.kind == Destination::Open && m_loader && m_loader(destination.volume, destination.document))
        destination = referenceDestination(m_library->library(), here.volume, ref);
    arrive(*this, destination, ref.label, ref.raw);
}

void Navigator::followTarget(const QString &target)
{
    const QString trimmed = target.trimmed();
    if (trimmed.isEmpty())
        return;
    Destination destination = targetDestination(m_library->library(), current().volume, trimmed);
    // A page inside a stub is found among its page breaks once the document is read.
    if (destination.kind == Destination::Open && m_loader && m_loader(destination.volume, destination.document))
        destination = targetDestination(m_library->library(), current().volume, trimmed);
    arrive(*this, destination, trimmed, trimmed);
}

void Navigator::back()
{
    if (!m_history.canGoBack())
        return;
    const ReaderPosition position = m_history.back();
    go(position, Focus{Focus::Offset, position.readingOffset}, false);
}

void Navigator::forward()
{
    if (!m_history.canGoForward())
        return;
    const ReaderPosition position = m_history.forward();
    go(position, Focus{Focus::Offset, position.readingOffset}, false);
}

void Navigator::nextDocument()
{
    const Library &library = m_library->library();
    const ReaderPosition here = current();
    int volume = here.valid() ? here.volume : 0;
    int document = here.valid() ? here.document + 1 : 0;
    // Skip volumes with no documents left, in library order; nothing happens after the last document.
    while (volume < library.size() && document >= int(library.volume(volume).documents.size())) {
        ++volume;
        document = 0;
    }
    if (volume < library.size())
        openDocument(volume, document);
}

void Navigator::previousDocument()
{
    const Library &library = m_library->library();
    const ReaderPosition here = current();
    if (!here.valid())
        return;
    int volume = here.volume;
    int document = here.document - 1;
    while (volume >= 0 && document < 0) {
        --volume;
        document = volume >= 0 ? int(library.volume(volume).documents.size()) - 1 : -1;
    }
    if (volume >= 0)
        openDocument(volume, document);
}

void Navigator::setReadingOffset(int readingOffset)
{
    ReaderPosition position = m_history.current();
    if (!position.valid())
        return;
    position.readingOffset = readingOffset;
    m_history.updateCurrent(position);
}

void Navigator::go(const ReaderPosition &position, const Focus &focus, bool addToHistory)
{
    // The one place a document comes on screen: a stub is read here, whoever asked for it.
    if (!ensureLoaded(position.volume, position.document))
        return;
    if (addToHistory)
        m_history.visit(position);
    Q_EMIT currentChanged(position, focus);
    Q_EMIT historyChanged(m_history.canGoBack(), m_history.canGoForward());
}

} // namespace marginalia

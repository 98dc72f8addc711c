#pragma once

#include "store/catalogrecords.h"

#include <QObject>
#include <QString>

namespace marginalia {

class AnnotationService;
class Catalog;
class CatalogPersonsJob;
class CatalogResultsModel;
class CatalogSearchJob;
class CitedByModel;
class CitedByPane;
class DocumentView;
class FindBar;
class FootnotePane;
class Navigator;
class OpenLibrary;
class SearchPane;
class VolumeOpener;

// The window's side of the library index: the search pane's queries go to a CatalogSearchJob and its
// answers to the pane's model; the document on screen gets its "Cited by" list; a document opened from a
// search shows the search's hits, painted in the view and stepped through with the find bar.
class LibrarySearchController : public QObject {
    Q_OBJECT

public:
    struct Parts {
        Catalog *catalog = nullptr; // read on this (the UI) thread only
        QString catalogPath;        // the search job opens its own connection from it
        const OpenLibrary *library = nullptr;
        Navigator *navigator = nullptr;
        VolumeOpener *opener = nullptr;
        DocumentView *view = nullptr;
        FootnotePane *notes = nullptr;
        FindBar *findBar = nullptr;
        SearchPane *search = nullptr;
        CitedByPane *citedBy = nullptr;
        AnnotationService *annotations = nullptr; // for the "with my annotations" / tag filter; may be null
    };

    LibrarySearchController(const Parts &parts, CatalogResultsModel *results, CitedByModel *citedBy,
                            QObject *parent = nullptr);

    CatalogSearchJob *job() const { return m_job; }
    CatalogPersonsJob *personsJob() const { return m_persons; }

public Q_SLOTS:
    // The volumes of the index changed (added, indexed, removed): the volume filter follows, and the
    // person filter's names are read again in the background.
    void refreshVolumes();
    // The next time documentId of volumeId is shown, its hits of `query` are painted and the find bar
    // steps through them. Connected beside whatever opens the document.
    void highlightWhenShown(const QString &volumeId, const QString &documentId, const QString &query);
    // Shows a library document that is open, or opens its file whole. The window's lazy opening of
    // library documents replaces this; it stays the way for documents of open volumes.
    void openDocument(const QString &volumeId, const QString &documentId);
    // The reader shows another document: its citations, and the hits of a search that asked for it.
    void documentShown(int volume, int document);

private:
    void search(CatalogQuery query);
    void refreshTags();
    void showHits(int volume, int document, const QString &query);
    void showCitations(const QString &volumeId, const QString &documentId);

    Parts m_parts;
    CatalogResultsModel *m_results;
    CitedByModel *m_citedBy;
    CatalogSearchJob *m_job;
    CatalogPersonsJob *m_persons;
    // A query refused here (a person the glossaries do not know): the answer to the search that ran
    // before it must not replace its message.
    bool m_refused = false;
    QString m_pendingVolume, m_pendingDocument, m_pendingQuery;
    QString m_shownVolume, m_shownDocument;
};

} // namespace marginalia

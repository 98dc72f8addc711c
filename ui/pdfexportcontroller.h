#pragma once

#include "pdfexportjob.h"

#include "citation/citationstyles.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <optional>

class QWidget;

namespace marginalia {

class AnnotationService;
class LibraryPane;
class Navigator;
class OpenLibrary;
class PdfExportJob;

// File › Export PDF…: asks what and where, runs the export off the GUI thread with a progress dialog
// that can cancel it, and says how it went: where the file is, with a way to open it or its folder. A
// cancelled or failed export leaves no file.
class PdfExportController : public QObject {
    Q_OBJECT

public:
    PdfExportController(const OpenLibrary *library, const Navigator *navigator, const AnnotationService *annotations,
                        const LibraryPane *libraryPane, QWidget *window, QObject *parent = nullptr);

    bool isRunning() const { return m_job; }
    // What opens the exported file or its folder (QDesktopServices::openUrl unless told otherwise: tests
    // give one that launches nothing).
    using UrlOpener = std::function<bool(const QUrl &)>;
    void setUrlOpener(UrlOpener opener) { m_openUrl = std::move(opener); }
    // The citation style the window cites in (Edit › Citation Style): each exported document ends with
    // its full citation in it; none with the short label, the default.
    using CitationStyleSource = std::function<std::optional<CitationStyle>()>;
    void setCitationStyleSource(CitationStyleSource source) { m_citationStyle = std::move(source); }

public Q_SLOTS:
    void exportInteractively();
    // Starts an export without asking (tests, and the dialog once answered).
    void startExport(const std::vector<std::pair<int, int>> &documents, const QString &tag, const QString &output);

Q_SIGNALS:
    void exported(const QString &output, int pages);
    void exportFailed(const QString &message);

private:
    void reportExported(const QString &output, int pages);

    const OpenLibrary *m_library;
    const Navigator *m_navigator;
    const AnnotationService *m_annotations;
    const LibraryPane *m_libraryPane;
    QWidget *m_window;
    QPointer<PdfExportJob> m_job;
    UrlOpener m_openUrl;
    CitationStyleSource m_citationStyle;
};

} // namespace marginalia

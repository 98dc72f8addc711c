#pragma once

#include "citation/citationstyles.h"
#include "export/annotationexport.h"
#include "export/annotationimport.h"
#include "util/result.h"

#include <QMessageBox>
#include <QObject>

#include <functional>
#include <optional>

class QUndoStack;
class QWidget;

namespace marginalia {

class AnnotationService;
class Navigator;
class OpenLibrary;

// File › Export Annotations… and File › Import Annotations…: the same formats and the same core functions
// as `marginalia-cli export-annotations` and `import-annotations` (export/annotationexport.h,
// export/annotationimport.h), so a file from the window equals the command's. An import goes through the
// annotation service (a team sync pushes it) as one step of the undo stack, and says what it added,
// updated, left unchanged and skipped (with where and why).
class AnnotationExchangeController : public QObject {
    Q_OBJECT

public:
    struct Parts {
        const OpenLibrary *library = nullptr;
        const Navigator *navigator = nullptr;
        AnnotationService *annotations = nullptr;
        QUndoStack *undoStack = nullptr;
        QWidget *window = nullptr;
    };

    explicit AnnotationExchangeController(const Parts &parts, QObject *parent = nullptr);

    // The file Import Annotations… reads; tests answer without a dialog (empty: cancelled).
    using FileChooser = std::function<QString()>;
    void setImportFileChooser(FileChooser chooser) { m_chooser = std::move(chooser); }
    // The window's citation style (Edit › Citation Style): a Markdown export cites each document in it.
    using CitationStyleSource = std::function<std::optional<CitationStyle>()>;
    void setCitationStyleSource(CitationStyleSource source) { m_citationStyle = std::move(source); }

    // Writes the annotations `choice` names in the format named `formatName` to `path`: the number written.
    Result<int> exportTo(const AnnotationChoice &choice, const QString &formatName, const QString &path);
    // Reads `path` and merges it in; the report says what happened (also when nothing could be read).
    Result<ImportSummary> importFrom(const QString &path);
    // The report of an import, as the window shows it.
    static QString importReport(const QString &path, const ImportSummary &summary);

public Q_SLOTS:
    void exportInteractively();
    void importInteractively();

Q_SIGNALS:
    void exported(const QString &path, int annotations);
    void imported(const QString &report);

private:
    void showReport(const QString &title, const QString &text, const QString &details = {},
                    QMessageBox::Icon icon = QMessageBox::Warning);

    Parts m_parts;
    FileChooser m_chooser;
    CitationStyleSource m_citationStyle;
};

} // namespace marginalia

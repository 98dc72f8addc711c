// The layout commands as marginalia-layout runs them, in its own process with a QGuiApplication.
#include "cli/layout.h"

#include "cli/cli.h"
#include "cli/exportpdf.h"
#include "library/library.h"
#include "render/documentrenderer.h"

#include <QTextDocument>
#include <QTextStream>

namespace marginalia::cli {

namespace {

// The document as the reader renders it, its notes after it: one HTML page (for comparisons, printing).
QString documentHtml(const Library &library, int volumeIndex, int documentIndex)
{
    const Volume &volume = library.volume(volumeIndex);
    const Document &doc = volume.documents.at(std::size_t(documentIndex));
    const RenderStyle style = RenderStyle::light();
    QString html = renderDocument(volume, doc, style).document->toHtml();
    const QString notes = renderFootnotes(volume, doc, {}, style).document->toHtml();
    const qsizetype bodyStart = notes.indexOf(QLatin1Char('>'), notes.indexOf(QLatin1String("<body"))) + 1;
    const qsizetype bodyEnd = notes.lastIndexOf(QLatin1String("</body>"));
    if (bodyStart > 0 && bodyEnd > bodyStart)
        html.insert(html.lastIndexOf(QLatin1String("</body>")), QStringLiteral("<hr/>") + notes.mid(bodyStart, bodyEnd - bodyStart));
    return html;
}

} // namespace

int runExportPdf(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    return runExportPdfCommand(arguments, out, err);
}

int runShowHtml(const ShowOptions &options, QTextStream &out, QTextStream &err)
{
    const DocumentPosition at = loadDocument(options.files, options.documentId, err);
    if (at.volume < 0)
        return ExitBadInput;
    const Library &library = commandLibrary();
    out << documentHtml(library, at.volume, at.document);
    return reportWarnings(library, out, err);
}

} // namespace marginalia::cli

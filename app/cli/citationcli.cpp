// marginalia-cli cite and export-citations: citations of documents from their volume's header, and the
// documents with the user's notes and tags for a reference manager.

#include "cli/citationcli.h"

#include "annotation/documentkey.h"
#include "citation/citationitems.h"
#include "citation/citationstyles.h"
#include "cli/annotationcommands.h"
#include "cli/cli.h"
#include "cli/commandline.h"
#include "cli/commands.h"
#include "fileio/outputfile.h"
#include "library/library.h"
#include "model/volume.h"
#include "store/annotationstore.h"
#include "util/translate.h"

#include <QCoreApplication>
#include <QTextStream>

#include <algorithm>

namespace marginalia::cli {

namespace {

QCommandLineOption outputOption()
{
    return {{QStringLiteral("o"), QStringLiteral("output")},
            Tr::tr("Write to FILE (\"-\" or none: standard output)."), QStringLiteral("FILE")};
}

// Without -o, standard output, as export-annotations writes.
int writeOut(const QString &output, const QByteArray &bytes, QTextStream &out, QTextStream &err)
{
    if (output.isEmpty()) {
        out << QString::fromUtf8(bytes);
        return ExitOk;
    }
    out.flush();
    if (Result<bool> written = writeOutputFile(output, bytes); !written) {
        err << written.error().toString() << Qt::endl;
        return ExitBadInput;
    }
    return ExitOk;
}

// The documents --doc names, then those an annotation tagged `tag` is on; every document of the files
// when neither is given.
Result<std::vector<DocumentAt>> chosenDocuments(const QStringList &ids, const QString &tag,
                                                const std::vector<Annotation> &tagged)
{
    const Library &library = commandLibrary();
    std::vector<DocumentAt> chosen;
    const auto add = [&](DocumentAt at) {
        for (const DocumentAt &c : chosen) {
            if (c.volume == at.volume && c.document == at.document)
                return;
        }
        chosen.push_back(at);
    };
    for (const QString &id : ids) {
        const DocumentPosition at = findDocument(library, id);
        if (at.volume < 0)
            return fail(QString(), 0, 0, Tr::tr("no document \"%1\" in the files given").arg(id));
        add({at.volume, at.document});
    }
    for (int v = 0; v < library.size(); ++v) {
        for (int d = 0; d < int(library.volume(v).documents.size()); ++d) {
            const QString key = documentKey(library, v, d);
            const bool taggedHere = std::any_of(tagged.begin(), tagged.end(), [&](const Annotation &a) { return a.document == key; });
            if ((ids.isEmpty() && tag.isEmpty()) || taggedHere)
                add({v, d});
        }
    }
    return chosen;
}

} // namespace

int runCiteCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    CommandLine line(QStringLiteral("cite"),
                     Tr::tr("Prints the citation of one document, from its volume's header: the Office of the "
                            "Historian's form (hsg), a Chicago note or a Chicago bibliography entry. Volumes "
                            "before 1955 print no document numbers and are cited by page."),
                     QStringLiteral("FILE..."), Tr::tr("A FRUS TEI volume or a plain-text copy of a document page."));
    const QCommandLineOption doc(QStringLiteral("doc"), Tr::tr("The document (an id such as d317)."), QStringLiteral("ID"));
    const QCommandLineOption style(QStringLiteral("style"), Tr::tr("hsg (default), chicago-note or chicago-bibliography."),
                                   QStringLiteral("STYLE"), QStringLiteral("hsg"));
    const QCommandLineOption quote(QStringLiteral("quote"), Tr::tr("A passage quoted: its pages are cited."),
                                   QStringLiteral("TEXT"));
    line.parser().addOptions({doc, style, quote});
    if (const int code = line.parse(arguments, out, err); code >= 0)
        return code;
    if (line.positional().isEmpty())
        return line.usage(Tr::tr("missing FILE argument"), err);
    if (line.parser().value(doc).isEmpty())
        return line.usage(Tr::tr("missing --doc ID"), err);
    const std::optional<CitationStyle> chosen = citationStyleNamed(line.parser().value(style));
    if (!chosen)
        return line.usage(unknownCitationStyle(line.parser().value(style)), err);
    const DocumentPosition at = loadDocument(line.positional(), line.parser().value(doc), err);
    if (at.volume < 0)
        return ExitBadInput;
    QString pages;
    if (line.parser().isSet(quote)) {
        const std::optional<QString> found = pagesOfQuote(commandLibrary(), {at.volume, at.document}, line.parser().value(quote));
        if (!found) {
            const Volume &volume = commandLibrary().volume(at.volume);
            err << Error{volume.sourcePath, 0, 0,
                         Tr::tr("the quote \"%1\" is not in %2")
                             .arg(line.parser().value(quote), volume.documents.at(std::size_t(at.document)).id)}
                       .toString()
                << Qt::endl;
            return ExitBadInput;
        }
        pages = *found;
    }
    out << formatCitation(citationSource(commandLibrary(), at.volume, at.document), *chosen, pages).text << Qt::endl;
    return reportWarnings(commandLibrary(), out, err);
}

int runExportCitationsCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    CommandLine line(QStringLiteral("export-citations"),
                     Tr::tr("Exports documents as CSL-JSON, BibTeX or RIS for Zotero and other reference managers, "
                            "with the notes and tags of their annotations: the documents --doc names and those "
                            "an annotation tagged --tag is on, else every document of the FILEs."),
                     QStringLiteral("FILE..."), Tr::tr("FRUS TEI volumes or plain-text copies of document pages."));
    line.addDatabaseOption();
    const QCommandLineOption doc(QStringLiteral("doc"), Tr::tr("A document (an id such as d317; repeat for several)."),
                                 QStringLiteral("ID"));
    const QCommandLineOption tag(QStringLiteral("tag"), Tr::tr("The documents annotated with this tag."), QStringLiteral("T"));
    const QCommandLineOption format(QStringLiteral("format"), Tr::tr("csl-json, bibtex or ris."), QStringLiteral("FORMAT"));
    const QCommandLineOption output = outputOption();
    line.parser().addOptions({doc, tag, format, output});
    if (const int code = line.parse(arguments, out, err); code >= 0)
        return code;
    if (line.positional().isEmpty())
        return line.usage(Tr::tr("missing FILE argument"), err);
    const std::optional<CitationFormat> chosen = citationFormatNamed(line.parser().value(format));
    if (!chosen)
        return line.usage(Tr::tr("--format takes csl-json, bibtex or ris"), err);
    if (!loadAll(line.positional(), commandLibrary(), err))
        return ExitBadInput;
    OpenStore open = openStore(line.database(), err);
    if (!open.store)
        return ExitBadInput;
    const QString tagName = line.parser().value(tag);
    Result<std::vector<Annotation>> annotations = tagName.isEmpty() ? open.store->all() : open.store->withTag(tagName);
    if (!annotations) {
        err << annotations.error().toString() << Qt::endl;
        return ExitBadInput;
    }
    Result<std::vector<DocumentAt>> documents = chosenDocuments(line.parser().values(doc), tagName, *annotations);
    if (!documents) {
        err << documents.error().message << Qt::endl;
        return ExitBadInput;
    }
    const std::vector<CitationItem> items = citationItems(commandLibrary(), *documents, *annotations);
    const QByteArray bytes = writeCitations(items, *chosen, QDate::currentDate());
    if (const int code = writeOut(line.parser().value(output), bytes, out, err); code != ExitOk)
        return code;
    return reportWarnings(commandLibrary(), out, err);
}

} // namespace marginalia::cli

// marginalia-cli annotate: a new annotation on a quoted passage.

#include "cli/annotationcommands.h"

#include "annotation/annotationservice.h"
#include "annotation/documentkey.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "library/library.h"
#include "store/catalogschema.h"
#include "store/database.h"
#include "store/documenttextstore.h"
#include "util/translate.h"

#include <QCoreApplication>
#include <QTextStream>

namespace marginalia::cli {

namespace {

// Tags as typed, once each (tag names are unique case-insensitively), without blanks.
QStringList cleanTags(const QStringList &tags)
{
    QStringList out;
    for (const QString &tag : tags) {
        const QString name = tag.trimmed();
        if (!name.isEmpty() && !out.contains(name, Qt::CaseInsensitive))
            out.append(name);
    }
    return out;
}

QString quoteMissing(const Document &doc, const QString &quote, int occurrence, int seen)
{
    if (seen == 0)
        return Tr::tr("the quote \"%1\" is not in %2").arg(quote, doc.id);
    return Tr::tr("the quote \"%1\" occurs %n time(s) in %2, not %3", nullptr, seen)
        .arg(quote, doc.id)
        .arg(occurrence);
}

// The document's text goes to the library index, which holds what is derived from the files.
Result<void> indexDocumentText(const QString &libraryPath, const QString &key, const Document &doc)
{
    Result<std::unique_ptr<Database>> catalog = Database::open(catalogSchema(), libraryPath);
    if (!catalog)
        return fail(catalog.error());
    return DocumentTextStore(**catalog).indexDocumentOnce(key, doc);
}

} // namespace

int runAnnotate(const AnnotateOptions &options, QTextStream &out, QTextStream &err)
{
    const DocumentPosition at = loadDocument(options.files, options.documentId, err);
    if (at.volume < 0)
        return ExitBadInput;
    const Library &library = commandLibrary();
    const Volume &volume = library.volume(at.volume);
    const Document &doc = volume.documents.at(std::size_t(at.document));
    const QString key = documentKey(library, at.volume, at.document);
    AnnotationService::QuoteMatch match = AnnotationService::draftOnQuote(doc, key, options.quote, options.occurrence);
    if (!match.draft) {
        const QString why = quoteMissing(doc, options.quote, options.occurrence, match.seen);
        err << Error{volume.sourcePath, 0, 0, why}.toString() << Qt::endl;
        return ExitBadInput;
    }
    AnnotationService service;
    if (Result<bool> opened = service.open(options.database); !opened) {
        err << opened.error().toString() << Qt::endl;
        return ExitBadInput;
    }
    Annotation annotation = std::move(*match.draft);
    annotation.note = options.note;
    annotation.tags = cleanTags(options.tags);
    Result<QString> color = service.colorForNew(options.color, annotation.tags);
    if (!color) {
        err << color.error().toString() << Qt::endl;
        return ExitBadInput;
    }
    annotation.color = *color;
    // So that `search` finds words of the documents a user works on, not only of the notes. Not being
    // able to is no reason to fail, but the user learns why the document's words are not found.
    if (Result<void> indexed = indexDocumentText(options.library, key, doc); !indexed)
        err << Tr::tr("warning: %1").arg(indexed.error().toString()) << Qt::endl;
    Result<Annotation> added = service.add(annotation);
    if (!added) {
        err << added.error().toString() << Qt::endl;
        return ExitBadInput;
    }
    // The import warnings do not undo a durable write, so they are shown but do not fail the command.
    (void)reportWarnings(library, out, err);
    // Last, and only now that add() has returned: a script may take this line as "it is saved".
    out << added->id << Qt::endl;
    return ExitOk;
}

} // namespace marginalia::cli

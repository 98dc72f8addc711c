// marginalia-cli annotate: a new annotation on a quoted passage.

#include "cli/annotationcommands.h"

#include "anchor/anchoring.h"
#include "annotation/annotation.h"
#include "annotation/documentkey.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "library/library.h"
#include "model/readingtext.h"
#include "store/annotationstore.h"

#include <QCoreApplication>
#include <QTextStream>

#include <optional>

namespace marginalia::cli {

namespace {

struct Cli {
    Q_DECLARE_TR_FUNCTIONS(MarginaliaCli)
};

const QLatin1String defaultHighlightColor("#FFE08C");

// The N-th occurrence of `quote` in the document: the body's reading text first, then each note's
// plain text in order. `seen` counts the occurrences there are (up to N).
std::optional<TextSelector> findQuote(const Document &doc, const QString &quote, int occurrence, int &seen)
{
    const auto search = [&](const QString &text, const QString &footnote) -> std::optional<TextSelector> {
        for (qsizetype at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + quote.size())) {
            if (++seen == occurrence)
                return makeSelector(text, int(at), int(at + quote.size()), footnote);
        }
        return std::nullopt;
    };
    if (auto inBody = search(ReadingText(doc.body).text(), {}))
        return inBody;
    for (const Footnote &note : doc.footnotes) {
        // A note without an id could not be found again.
        if (note.id.isEmpty())
            continue;
        if (auto inNote = search(plainText(note.content), note.id))
            return inNote;
    }
    return std::nullopt;
}

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

// The colour asked for, else the first tag's, else the default highlight.
Result<QString> colorFor(const AnnotateOptions &options, const QStringList &tags, const AnnotationStore &store)
{
    if (!options.color.isEmpty())
        return options.color;
    if (!tags.isEmpty()) {
        Result<QString> tagColor = store.tagColor(tags.first());
        if (!tagColor || !tagColor->isEmpty())
            return tagColor;
    }
    return QString(defaultHighlightColor);
}

// Puts the document's text in the search index the first time it is annotated, so that `search` finds
// words of the documents a user works on, not only of the notes. Not being able to is no reason to fail.
void indexOnce(AnnotationStore &store, const QString &key, const Document &doc)
{
    Result<bool> indexed = store.isDocumentIndexed(key);
    if (!indexed || *indexed)
        return;
    QStringList text{ReadingText(doc.body).text()};
    for (const Footnote &note : doc.footnotes)
        text.append(plainText(note.content));
    (void)store.indexDocument(key, doc.title, text.join(QStringLiteral("\n\n")));
}

QString quoteMissing(const Document &doc, const QString &quote, int occurrence, int seen)
{
    if (seen == 0)
        return Cli::tr("the quote \"%1\" is not in %2").arg(quote, doc.id);
    return Cli::tr("the quote \"%1\" occurs %n time(s) in %2, not %3", nullptr, seen)
        .arg(quote, doc.id)
        .arg(occurrence);
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
    int seen = 0;
    const std::optional<TextSelector> selector = findQuote(doc, options.quote, options.occurrence, seen);
    if (!selector) {
        err << Error{volume.sourcePath, 0, 0, quoteMissing(doc, options.quote, options.occurrence, seen)}.toString()
            << Qt::endl;
        return ExitBadInput;
    }
    OpenStore open = openStore(options.database, err, StoreAccess::Write);
    if (!open.store)
        return ExitBadInput;

    Annotation annotation;
    annotation.id = newAnnotationId();
    annotation.document = documentKey(library, at.volume, at.document);
    annotation.selector = *selector;
    annotation.note = options.note;
    annotation.tags = cleanTags(options.tags);
    annotation.author = defaultAuthor();
    annotation.created = annotation.modified = QDateTime::currentDateTimeUtc();
    Result<QString> color = colorFor(options, annotation.tags, *open.store);
    if (!color) {
        err << color.error().toString() << Qt::endl;
        return ExitBadInput;
    }
    annotation.color = *color;
    indexOnce(*open.store, annotation.document, doc);
    if (Result<bool> added = open.store->add(annotation); !added) {
        err << added.error().toString() << Qt::endl;
        return ExitBadInput;
    }
    // The import warnings do not undo a durable write, so they are shown but do not fail the command.
    (void)reportWarnings(library, out, err);
    // Last, and only now that add() has returned: a script may take this line as "it is saved".
    out << annotation.id << Qt::endl;
    return ExitOk;
}

} // namespace marginalia::cli

// Command lines of the annotation commands: each parses its options into the options of
// annotationcommands.h; wrong usage exits 2 before anything is opened.

#include "cli/annotationcli.h"

#include "citation/citationstyles.h"
#include "cli/annotationcommands.h"
#include "cli/cli.h"
#include "cli/commandline.h"
#include "export/annotationexport.h"
#include "util/translate.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTextStream>

namespace marginalia::cli {

namespace {

// An annotation command's parser: --help and --db FILE.
class AnnotationCommandLine : public CommandLine {
public:
    AnnotationCommandLine(const QString &command, const QString &description, const QString &positional,
                          const QString &positionalHelp)
        : CommandLine(command, description, positional, positionalHelp)
    {
        addDatabaseOption();
    }
};

int annotate(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    AnnotationCommandLine line(QStringLiteral("annotate"),
                               Tr::tr("Annotates a quoted passage of one document (default: the first of the first FILE) and "
                                      "prints the new annotation's id on its last line once it is saved."),
                               QStringLiteral("FILE..."), Tr::tr("A FRUS TEI volume or a plain-text copy of a document page."));
    const QCommandLineOption doc(QStringLiteral("doc"), Tr::tr("The document (an id such as d317)."), QStringLiteral("ID"));
    const QCommandLineOption quote(QStringLiteral("quote"), Tr::tr("The passage, as the text reads (required)."),
                                   QStringLiteral("TEXT"));
    const QCommandLineOption occurrence(QStringLiteral("occurrence"),
                                        Tr::tr("Which occurrence of the quote (1 = the first)."), QStringLiteral("N"),
                                        QStringLiteral("1"));
    const QCommandLineOption tag(QStringLiteral("tag"), Tr::tr("A tag (repeat for several)."), QStringLiteral("T"));
    const QCommandLineOption note(QStringLiteral("note"), Tr::tr("A note on the passage."), QStringLiteral("TEXT"));
    const QCommandLineOption color(QStringLiteral("color"), Tr::tr("Highlight colour (default: the first tag's)."),
                                   QStringLiteral("#RRGGBB"));
    line.parser().addOptions({doc, quote, occurrence, tag, note, color});
    line.addLibraryOption();
    if (const int code = line.parse(arguments, out, err); code >= 0)
        return code;
    if (line.positional().isEmpty())
        return line.usage(Tr::tr("missing FILE argument"), err);
    if (line.parser().value(quote).isEmpty())
        return line.usage(Tr::tr("missing --quote TEXT"), err);
    bool ok = false;
    const int n = line.parser().value(occurrence).toInt(&ok);
    if (!ok || n < 1)
        return line.usage(Tr::tr("--occurrence takes a whole number from 1"), err);
    static const QRegularExpression hexColor(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
    const QString colorValue = line.parser().value(color);
    if (line.parser().isSet(color) && !hexColor.match(colorValue).hasMatch())
        return line.usage(Tr::tr("--color takes a colour as #RRGGBB, not \"%1\"").arg(colorValue), err);
    return runAnnotate(AnnotateOptions{line.database(), line.positional(), line.parser().value(doc),
                                       line.parser().value(quote), n, line.parser().values(tag),
                                       line.parser().value(note), colorValue.toUpper(), line.library()},
                       out, err);
}

int annotations(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    AnnotationCommandLine line(QStringLiteral("annotations"),
                               Tr::tr("Lists annotations. With FILEs, those of the files' documents, found again in the text "
                                      "as it reads now (an orphan is one that is no longer there)."),
                               QStringLiteral("[FILE...]"), Tr::tr("Documents to re-anchor the annotations in."));
    const QCommandLineOption doc(QStringLiteral("doc"),
                                 Tr::tr("Only this document: a key such as frus1961-63v09/d317, or with FILEs an id."),
                                 QStringLiteral("KEY"));
    const QCommandLineOption tag(QStringLiteral("tag"), Tr::tr("Only annotations with this tag."), QStringLiteral("T"));
    const QCommandLineOption json = jsonOption();
    line.parser().addOptions({doc, tag, json});
    if (const int code = line.parse(arguments, out, err); code >= 0)
        return code;
    return runAnnotations(AnnotationsOptions{line.database(), line.positional(), line.parser().value(doc),
                                             line.parser().value(tag), line.parser().isSet(json)},
                          out, err);
}

int search(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    AnnotationCommandLine line(QStringLiteral("search"),
                               Tr::tr("Searches notes, quotes, tags and indexed documents. Words match as prefixes; "
                                      "\"quoted words\" as a phrase."),
                               QStringLiteral("QUERY"), Tr::tr("What to look for."));
    const QCommandLineOption json = jsonOption();
    line.parser().addOption(json);
    line.addLibraryOption();
    if (const int code = line.parse(arguments, out, err); code >= 0)
        return code;
    const QString query = line.positional().join(QLatin1Char(' ')).trimmed();
    if (query.isEmpty())
        return line.usage(Tr::tr("missing QUERY argument"), err);
    return runAnnotationSearch(AnnotationSearchOptions{line.database(), query, line.parser().isSet(json), line.library()}, out, err);
}

int tags(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    AnnotationCommandLine line(QStringLiteral("tags"), Tr::tr("Lists the tags: name, number of annotations, colour."), {}, {});
    const QCommandLineOption json = jsonOption();
    line.parser().addOption(json);
    if (const int code = line.parse(arguments, out, err); code >= 0)
        return code;
    if (!line.positional().isEmpty())
        return line.usage(Tr::tr("tags takes no arguments"), err);
    return runTags(TagsOptions{line.database(), line.parser().isSet(json)}, out, err);
}

int exportAnnotations(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    AnnotationCommandLine line(QStringLiteral("export-annotations"),
                               Tr::tr("Exports annotations as W3C Web Annotation JSON-LD or as Markdown. Markdown cites the "
                                      "pages of the documents in the FILEs given; W3C counts text positions in "
                                      "the TEI reading text of the documents of the TEI FILEs given (without "
                                      "one, an annotation carries only its stored position, as a hint)."),
                               QStringLiteral("[FILE...]"),
                               Tr::tr("Documents to cite pages from (Markdown) and to count positions in (W3C)."));
    const QCommandLineOption format(QStringLiteral("format"), Tr::tr("%1 (w3c is the default).").arg(annotationExportFormatNames()),
                                    QStringLiteral("FORMAT"), QStringLiteral("w3c"));
    const QCommandLineOption tag(QStringLiteral("tag"), Tr::tr("Only annotations with this tag."), QStringLiteral("T"));
    const QCommandLineOption doc(QStringLiteral("doc"), Tr::tr("Only this document (a key, or an id such as d317)."),
                                 QStringLiteral("KEY"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    Tr::tr("Write to FILE instead of standard output."), QStringLiteral("FILE"));
    const QCommandLineOption style(QStringLiteral("citation-style"),
                                   Tr::tr("Markdown: cite each document in full, in hsg, chicago-note or "
                                          "chicago-bibliography style."),
                                   QStringLiteral("STYLE"));
    line.parser().addOptions({format, tag, doc, output, style});
    if (const int code = line.parse(arguments, out, err); code >= 0)
        return code;
    const QString formatName = line.parser().value(format);
    if (!annotationExportFormat(formatName))
        return line.usage(Tr::tr("unknown format \"%1\"; use %2").arg(formatName, annotationExportFormatNames()), err);
    const QString styleName = line.parser().value(style);
    if (line.parser().isSet(style) && !citationStyleNames().contains(styleName))
        return line.usage(unknownCitationStyle(styleName), err);
    return runExportAnnotations(ExportAnnotationsOptions{line.database(), formatName,
                                                         line.parser().value(tag), line.parser().value(doc),
                                                         line.parser().value(output), line.positional(), styleName},
                                out, err);
}

int importAnnotations(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    AnnotationCommandLine line(QStringLiteral("import-annotations"),
                               Tr::tr("Imports W3C Web Annotation JSON-LD or the Hypothesis API's JSON (an annotation, a list, "
                                      "a search response): new annotations are added, newer versions replace "
                                      "older ones, nothing is duplicated. What cannot be anchored (a page note, a "
                                      "reply) is skipped and named on stderr with FILE:LINE:COLUMN and why."),
                               QStringLiteral("FILE"), Tr::tr("The JSON-LD or Hypothesis JSON file."));
    if (const int code = line.parse(arguments, out, err); code >= 0)
        return code;
    if (line.positional().size() != 1)
        return line.usage(Tr::tr("import-annotations takes one FILE"), err);
    return runImportAnnotations(ImportAnnotationsOptions{line.database(), line.positional().first()}, out, err);
}

} // namespace

const QStringList &annotationCommands()
{
    static const QStringList names{QStringLiteral("annotate"),    QStringLiteral("annotations"),
                                   QStringLiteral("search"),      QStringLiteral("tags"),
                                   QStringLiteral("export-annotations"), QStringLiteral("import-annotations")};
    return names;
}

int runAnnotationCommand(const QString &command, const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    using Runner = int (*)(const QStringList &, QTextStream &, QTextStream &);
    static const Runner runners[] = {annotate, annotations, search, tags, exportAnnotations, importAnnotations};
    const qsizetype index = annotationCommands().indexOf(command);
    if (index < 0) {
        err << Tr::tr("unknown command \"%1\"").arg(command) << Qt::endl;
        return ExitUsage;
    }
    return runners[index](arguments, out, err);
}

} // namespace marginalia::cli

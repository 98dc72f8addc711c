#include "cli/cli.h"

#include "cli/annotationcli.h"
#include "cli/citationcli.h"
#include "cli/commands.h"
#include "cli/layout.h"
#include "cli/librarycli.h"
#include "cli/teamcli.h"
#include "util/translate.h"
#include "util/visiblecontrols.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <algorithm>
#include <exception>

namespace marginalia::cli {

namespace {

// Parses a subcommand's arguments; prints help or a usage error. Returns -1 to go on, else an exit code.
int parseCommand(QCommandLineParser &parser, const QString &command, const QStringList &arguments,
                 QTextStream &out, QTextStream &err)
{
    const QCommandLineOption help = parser.addHelpOption();
    // Listed only so that the usage line reads "marginalia-cli [options] info FILE...".
    parser.addPositionalArgument(command, Tr::tr("The command."), command);
    parser.addPositionalArgument(QStringLiteral("FILE"), Tr::tr("A FRUS TEI volume or a plain-text copy of a document page."),
                                 QStringLiteral("FILE..."));
    if (!parser.parse(arguments)) {
        err << parser.errorText() << Qt::endl;
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        out << parser.helpText();
        return ExitOk;
    }
    if (parser.positionalArguments().isEmpty()) {
        err << Tr::tr("missing FILE argument") << Qt::endl << parser.helpText();
        return ExitUsage;
    }
    return -1;
}

const QStringList &showFormats()
{
    static const QStringList formats{QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("html")};
    return formats;
}

int info(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Counts the documents, footnotes, page breaks and cross-references of each FILE."));
    const QCommandLineOption json(QStringLiteral("json"), Tr::tr("Print JSON."));
    parser.addOption(json);
    if (const int code = parseCommand(parser, QStringLiteral("info"), arguments, out, err); code >= 0)
        return code;
    return runInfo(InfoOptions{parser.positionalArguments(), parser.isSet(json)}, out, err);
}

int show(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Prints one document with its footnotes. All FILEs form one library, so references between them resolve."));
    const QCommandLineOption doc(QStringLiteral("doc"), Tr::tr("The document to show (default: the first of the first FILE)."),
                                 QStringLiteral("ID"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    Tr::tr("Output format: text (default), json, or html (the text as the reader renders it)."),
                                    QStringLiteral("FORMAT"), QStringLiteral("text"));
    parser.addOptions({doc, format});
    if (const int code = parseCommand(parser, QStringLiteral("show"), arguments, out, err); code >= 0)
        return code;
    const QString formatName = parser.value(format);
    if (!showFormats().contains(formatName)) {
        err << Tr::tr("unknown format \"%1\"; use text, json or html").arg(formatName) << Qt::endl;
        return ExitUsage;
    }
    const ShowOptions options{parser.positionalArguments(), parser.value(doc), formatName == QLatin1String("json"),
                              formatName == QLatin1String("html")};
    return options.html ? runShowHtml(options, out, err) : runShow(options, out, err);
}

int dispatch(const QStringList &arguments, QTextStream &out, QTextStream &err, QTextStream &progress)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Reads FRUS documents (TEI volumes and plain-text copies) without a display."));
    parser.addPositionalArgument(
        QStringLiteral("command"),
        Tr::tr("info: counts per file; show: one document; annotate: annotate a passage; annotations: list "
               "annotations; search: search annotations and documents; tags: list tags; export-annotations, "
               "import-annotations: W3C JSON-LD and Markdown; export-pdf: documents with their annotations as PDF; "
               "cite: a document's citation; export-citations: documents as CSL-JSON, BibTeX or RIS; "
               "library add|list|remove|reindex|status|show|search: the library index; team init|add-member|"
               "remove-member: a team's PostgreSQL server; sync: share annotations with the team. See COMMAND --help."),
        QStringLiteral("info|show|annotate|annotations|search|tags|export-annotations|import-annotations|export-pdf|"
                       "cite|export-citations|library|team|sync [options] ..."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    // Everything after the command belongs to the command's own parser.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << Qt::endl;
        return ExitUsage;
    }
    if (parser.isSet(version)) {
        out << QCoreApplication::applicationName() << QLatin1Char(' ') << QCoreApplication::applicationVersion()
            << Qt::endl;
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        (parser.isSet(help) ? out : err) << parser.helpText();
        return parser.isSet(help) ? ExitOk : ExitUsage;
    }
    const QString command = positional.first();
    const QStringList commandArguments = QStringList{arguments.value(0)} + positional.mid(1);
    if (command == QLatin1String("info"))
        return info(commandArguments, out, err);
    if (command == QLatin1String("show"))
        return show(commandArguments, out, err);
    if (annotationCommands().contains(command))
        return runAnnotationCommand(command, commandArguments, out, err);
    if (command == QLatin1String("export-pdf"))
        return runExportPdf(commandArguments, out, err);
    if (command == QLatin1String("cite"))
        return runCiteCommand(commandArguments, out, err);
    if (command == QLatin1String("export-citations"))
        return runExportCitationsCommand(commandArguments, out, err);
    if (command == QLatin1String("library"))
        return runLibraryCommand(commandArguments, out, err, progress);
    if (command == QLatin1String("team"))
        return runTeamCommand(commandArguments, out, err);
    if (command == QLatin1String("sync"))
        return runSyncCommand(commandArguments, out, err);
    err << Tr::tr("unknown command \"%1\"; use info, show, %2, export-pdf, cite, export-citations, library, team, sync "
                      "(see --help)")
               .arg(command, annotationCommands().join(QStringLiteral(", ")))
        << Qt::endl;
    return ExitUsage;
}

} // namespace

int run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    // Messages quote file names, ids and document text: collected, then printed with their control
    // characters made visible, so no error message can drive the terminal.
    QString messages;
    QTextStream collected(&messages);
    int code = ExitBadInput;
    try {
        code = dispatch(arguments, out, collected, err);
    } catch (const std::exception &e) {
        collected << Tr::tr("internal error: %1").arg(QString::fromLocal8Bit(e.what())) << Qt::endl;
    } catch (...) {
        collected << Tr::tr("internal error") << Qt::endl;
    }
    out.flush();
    collected.flush();
    err << visibleControls(messages);
    err.flush();
    return code;
}

} // namespace marginalia::cli

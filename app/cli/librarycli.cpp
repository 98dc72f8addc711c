// Command lines of `marginalia-cli library …`: each parses its options into those of librarycommands.h;
// wrong usage exits 2 before the index is opened.

#include "cli/librarycli.h"

#include "cli/cli.h"
#include "cli/commandline.h"
#include "cli/librarycommands.h"
#include "util/translate.h"

#include <QDate>
#include <QRegularExpression>
#include <QTextStream>

namespace marginalia::cli {

namespace {

// A library command's parser: --help and --library FILE.
class LibraryCommandLine : public CommandLine {
public:
    LibraryCommandLine(const QString &command, const QString &description, const QString &positional = {},
                       const QString &positionalHelp = {})
        : CommandLine(QStringLiteral("library ") + command, description, positional, positionalHelp)
    {
        addLibraryOption();
    }
};

int add(const QStringList &arguments, QTextStream &out, QTextStream &err, QTextStream &progress)
{
    LibraryCommandLine line(QStringLiteral("add"),
                            Tr::tr("Adds FRUS TEI volumes (files, or folders searched recursively) to the library and "
                                   "indexes them; files already indexed and unchanged are not read again."),
                            QStringLiteral("PATH..."), Tr::tr("A TEI volume or a folder of them."));
    const QCommandLineOption json = jsonOption();
    line.parser().addOption(json);
    if (const int code = line.parse(arguments, out, err); code >= 0)
        return code;
    if (line.positional().size() < 2)
        return line.usage(Tr::tr("missing PATH argument"), err);
    return runLibraryAdd(LibraryAddOptions{line.library(), line.positional().mid(1), line.parser().isSet(json)}, out, err,
                         progress);
}

int reindex(const QStringList &arguments, QTextStream &out, QTextStream &err, QTextStream &progress)
{
    LibraryCommandLine line(QStringLiteral("reindex"),
                            Tr::tr("Reads every volume of the library again, changed or not, and notes the files that are gone."));
    const QCommandLineOption json = jsonOption();
    line.parser().addOption(json);
    if (const int code = line.parse(arguments, out, err); code >= 0)
        return code;
    if (line.positional().size() > 1)
        return line.usage(Tr::tr("reindex takes no arguments"), err);
    return runLibraryIndex(LibraryIndexOptions{line.library(), true, line.parser().isSet(json)}, out, err, progress);
}

int list(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    LibraryCommandLine line(QStringLiteral("list"), Tr::tr("Lists the volumes of the library: id, documents, state, title, file."));
    const QCommandLineOption json = jsonOption();
    line.parser().addOption(json);
    if (const int code = line.parse(arguments, out, err); code >= 0)
        return code;
    if (line.positional().size() > 1)
        return line.usage(Tr::tr("list takes no arguments"), err);
    return runLibraryList(LibraryListOptions{line.library(), line.parser().isSet(json)}, out, err);
}

int status(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    LibraryCommandLine line(QStringLiteral("status"),
                            Tr::tr("Counts the volumes, documents and footnotes of the library, the missing and failed "
                                   "files, and says whether it is being indexed."));
    const QCommandLineOption json = jsonOption();
    line.parser().addOption(json);
    if (const int code = line.parse(arguments, out, err); code >= 0)
        return code;
    if (line.positional().size() > 1)
        return line.usage(Tr::tr("status takes no arguments"), err);
    return runLibraryStatus(LibraryListOptions{line.library(), line.parser().isSet(json)}, out, err);
}

int remove(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    LibraryCommandLine line(QStringLiteral("remove"),
                            Tr::tr("Removes a volume (by id or file) or a folder that was added from the library. "
                                   "The files and the annotations stay."),
                            QStringLiteral("ID|PATH"), Tr::tr("A volume id such as frus1934v05, or a file or folder."));
    if (const int code = line.parse(arguments, out, err); code >= 0)
        return code;
    if (line.positional().size() != 2)
        return line.usage(Tr::tr("remove takes one volume id or path"), err);
    return runLibraryRemove(LibraryRemoveOptions{line.library(), line.positional().at(1)}, out, err);
}

int show(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    LibraryCommandLine line(QStringLiteral("show"),
                            Tr::tr("Prints one document of the library as `show` prints it, reading only that document "
                                   "from its file."),
                            QStringLiteral("VOLUME/ID"), Tr::tr("A volume id and a document id: frus1934v05/d2."));
    const QCommandLineOption format(QStringLiteral("format"), Tr::tr("Output format: text (default) or json."),
                                    QStringLiteral("FORMAT"), QStringLiteral("text"));
    line.parser().addOption(format);
    if (const int code = line.parse(arguments, out, err); code >= 0)
        return code;
    if (line.positional().size() != 2)
        return line.usage(Tr::tr("show takes one VOLUME/ID"), err);
    const QString which = line.positional().at(1);
    const qsizetype slash = which.lastIndexOf(QLatin1Char('/'));
    if (slash <= 0 || slash == which.size() - 1)
        return line.usage(Tr::tr("\"%1\" is not VOLUME/ID, such as frus1934v05/d2").arg(which), err);
    const QString formatName = line.parser().value(format);
    if (formatName != QLatin1String("text") && formatName != QLatin1String("json"))
        return line.usage(Tr::tr("unknown format \"%1\"; use text or json").arg(formatName), err);
    return runLibraryShow(LibraryShowOptions{line.library(), which.left(slash), which.mid(slash + 1),
                                             formatName == QLatin1String("json")},
                          out, err);
}

// A --from or --to date: YYYY, YYYY-MM or YYYY-MM-DD, as the index compares dates as text.
bool isIsoDate(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral("^\\d{4}(-\\d{2}(-\\d{2})?)?$"));
    if (!shape.match(text).hasMatch())
        return false;
    const QString day = text.size() == 4 ? text + QStringLiteral("-01-01") : text.size() == 7 ? text + QStringLiteral("-01") : text;
    return QDate::fromString(day, Qt::ISODate).isValid();
}

int search(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    LibraryCommandLine line(QStringLiteral("search"),
                            Tr::tr("Searches the titles, text and notes of every document of the library: words (also "
                                   "in other forms: negotiate finds negotiations), \"phrases\", AND, OR, NOT, prefix*, "
                                   "NEAR(a b, 10), parentheses."),
                            QStringLiteral("QUERY"), Tr::tr("What to look for."));
    const QCommandLineOption from(QStringLiteral("from"), Tr::tr("Documents dated on or after DATE (YYYY[-MM[-DD]])."),
                                  QStringLiteral("DATE"));
    const QCommandLineOption to(QStringLiteral("to"), Tr::tr("Documents dated on or before DATE."), QStringLiteral("DATE"));
    const QCommandLineOption volume(QStringLiteral("volume"), Tr::tr("Only this volume (an id)."), QStringLiteral("ID"));
    const QCommandLineOption person(QStringLiteral("person"), Tr::tr("Only documents naming this person (a glossary id)."),
                                    QStringLiteral("ID"));
    const QCommandLineOption kind(QStringLiteral("kind"), Tr::tr("Only this kind: document, editorial-note, …"),
                                  QStringLiteral("K"));
    const QCommandLineOption sort(QStringLiteral("sort"), Tr::tr("relevance (default) or date."), QStringLiteral("ORDER"),
                                  QStringLiteral("relevance"));
    const QCommandLineOption limit(QStringLiteral("limit"), Tr::tr("At most N results (default 50)."), QStringLiteral("N"),
                                   QStringLiteral("50"));
    const QCommandLineOption annotated(QStringLiteral("annotated"),
                                       Tr::tr("Only documents with annotations in the annotation database (--db)."));
    const QCommandLineOption tag(QStringLiteral("tag"), Tr::tr("Only documents with an annotation tagged T."),
                                 QStringLiteral("T"));
    const QCommandLineOption json = jsonOption();
    line.parser().addOptions({from, to, volume, person, kind, sort, limit, annotated, tag, json});
    line.addDatabaseOption();
    if (const int code = line.parse(arguments, out, err); code >= 0)
        return code;
    const QString query = line.positional().mid(1).join(QLatin1Char(' ')).trimmed();
    if (query.isEmpty())
        return line.usage(Tr::tr("missing QUERY argument"), err);
    for (const QCommandLineOption *date : {&from, &to}) {
        const QString value = line.parser().value(*date);
        if (line.parser().isSet(*date) && !isIsoDate(value))
            return line.usage(Tr::tr("--%1 takes a date as YYYY, YYYY-MM or YYYY-MM-DD, not \"%2\"")
                                  .arg(date->names().first(), value),
                              err);
    }
    const QString order = line.parser().value(sort);
    if (order != QLatin1String("relevance") && order != QLatin1String("date"))
        return line.usage(Tr::tr("--sort takes relevance or date, not \"%1\"").arg(order), err);
    bool ok = false;
    const int n = line.parser().value(limit).toInt(&ok);
    if (!ok || n < 1)
        return line.usage(Tr::tr("--limit takes a whole number from 1"), err);
    return runLibrarySearch(LibrarySearchOptions{line.library(), query, line.parser().value(from),
                                                 line.parser().value(to), line.parser().value(volume),
                                                 line.parser().value(person), line.parser().value(kind),
                                                 order == QLatin1String("date"), n, line.parser().isSet(json),
                                                 line.database(), line.parser().isSet(annotated), line.parser().value(tag)},
                            out, err);
}

} // namespace

int runLibraryCommand(const QStringList &arguments, QTextStream &out, QTextStream &err, QTextStream &progress)
{
    static const QStringList commands{QStringLiteral("add"),  QStringLiteral("list"),   QStringLiteral("remove"),
                                      QStringLiteral("reindex"), QStringLiteral("status"), QStringLiteral("show"),
                                      QStringLiteral("search")};
    const QString command = arguments.value(1);
    // The subcommand stays in the arguments as the parser's first positional ("library add PATH...").
    if (command == QLatin1String("add"))
        return add(arguments, out, err, progress);
    if (command == QLatin1String("reindex"))
        return reindex(arguments, out, err, progress);
    if (command == QLatin1String("list"))
        return list(arguments, out, err);
    if (command == QLatin1String("status"))
        return status(arguments, out, err);
    if (command == QLatin1String("remove"))
        return remove(arguments, out, err);
    if (command == QLatin1String("show"))
        return show(arguments, out, err);
    if (command == QLatin1String("search"))
        return search(arguments, out, err);
    err << (command.isEmpty() ? Tr::tr("missing library command; use %1").arg(commands.join(QStringLiteral(", ")))
                              : Tr::tr("unknown library command \"%1\"; use %2").arg(command, commands.join(QStringLiteral(", "))))
        << Qt::endl;
    return ExitUsage;
}

} // namespace marginalia::cli

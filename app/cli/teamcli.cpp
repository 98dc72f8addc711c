// Command lines of `marginalia-cli team …` and `marginalia-cli sync`: wrong usage exits 2 before any
// server is reached; a server that cannot be used exits 1 with what to do about it.

#include "cli/teamcli.h"

#include "cli/cli.h"
#include "cli/commandline.h"
#include "store/annotationdatabase.h"
#include "store/teamconnection.h"
#include "store/teamschema.h"
#include "store/teamserver.h"
#include "store/teamsync.h"
#include "util/translate.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace marginalia::cli {

namespace {

int failed(const Error &error, QTextStream &err)
{
    err << error.toString() << Qt::endl;
    return ExitBadInput;
}

QCommandLineOption groupOption()
{
    return QCommandLineOption(QStringLiteral("group"),
                              Tr::tr("The team's group role (default: %1).").arg(defaultTeamGroup()),
                              QStringLiteral("NAME"));
}

QString addressHelp()
{
    return Tr::tr("The team's PostgreSQL database: postgresql://USER@HOST:PORT/DATABASE, service=NAME, or libpq "
                  "keywords. Passwords come from ~/.pgpass, never from the address.");
}

int init(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    CommandLine line(QStringLiteral("team init"),
                     Tr::tr("Makes a PostgreSQL database a Marginalia team, or brings it up to date: the schema, the "
                            "group role and the rights that let each member read every annotation and change only "
                            "their own. Run by the team's admin; running it again changes nothing."),
                     QStringLiteral("URI"), addressHelp());
    const QCommandLineOption group = groupOption();
    const QCommandLineOption json = jsonOption();
    line.parser().addOptions({group, json});
    if (const int code = line.parse(arguments, out, err); code >= 0)
        return code;
    if (line.positional().size() != 2)
        return line.usage(Tr::tr("team init takes one URI"), err);
    Result<std::unique_ptr<TeamConnection>> server = TeamConnection::open(line.positional().at(1));
    if (!server)
        return failed(server.error(), err);
    Result<TeamInfo> info = initTeam(**server, line.parser().value(group));
    if (!info)
        return failed(info.error(), err);
    if (line.parser().isSet(json))
        printJson(QJsonObject{{QStringLiteral("group"), info->group},
                              {QStringLiteral("schemaVersion"), info->schemaVersion},
                              {QStringLiteral("team"), info->teamId}},
                  out);
    else
        out << Tr::tr("team ready: group %1, schema version %2").arg(info->group).arg(info->schemaVersion) << Qt::endl;
    return ExitOk;
}

int addMember(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    CommandLine line(QStringLiteral("team add-member"),
                     Tr::tr("Makes ROLE a member of the team, creating it as a login role when the server has none "
                            "(how it logs in — password, certificate, Kerberos — is the server's business)."),
                     QStringLiteral("URI"), addressHelp());
    line.parser().addPositionalArgument(QStringLiteral("ROLE"), Tr::tr("The member's PostgreSQL role."));
    const QCommandLineOption group = groupOption();
    line.parser().addOption(group);
    if (const int code = line.parse(arguments, out, err); code >= 0)
        return code;
    if (line.positional().size() != 3)
        return line.usage(Tr::tr("team add-member takes a URI and a ROLE"), err);
    Result<std::unique_ptr<TeamConnection>> server = TeamConnection::open(line.positional().at(1));
    if (!server)
        return failed(server.error(), err);
    const QString role = line.positional().at(2);
    if (auto added = addTeamMember(**server, role, line.parser().value(group)); !added)
        return failed(added.error(), err);
    out << Tr::tr("%1 is a member of the team").arg(role) << Qt::endl;
    return ExitOk;
}

int removeMember(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    CommandLine line(QStringLiteral("team remove-member"),
                     Tr::tr("Takes ROLE out of the team. What it wrote stays, under its name."), QStringLiteral("URI"),
                     addressHelp());
    line.parser().addPositionalArgument(QStringLiteral("ROLE"), Tr::tr("The member's PostgreSQL role."));
    if (const int code = line.parse(arguments, out, err); code >= 0)
        return code;
    if (line.positional().size() != 3)
        return line.usage(Tr::tr("team remove-member takes a URI and a ROLE"), err);
    Result<std::unique_ptr<TeamConnection>> server = TeamConnection::open(line.positional().at(1));
    if (!server)
        return failed(server.error(), err);
    const QString role = line.positional().at(2);
    if (auto removed = removeTeamMember(**server, role); !removed)
        return failed(removed.error(), err);
    out << Tr::tr("%1 is no longer a member of the team").arg(role) << Qt::endl;
    return ExitOk;
}

} // namespace

int runTeamCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const QString sub = arguments.value(1);
    const QStringList rest = QStringList{arguments.value(0)} + arguments.mid(1);
    if (sub == QLatin1String("init"))
        return init(rest, out, err);
    if (sub == QLatin1String("add-member"))
        return addMember(rest, out, err);
    if (sub == QLatin1String("remove-member"))
        return removeMember(rest, out, err);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        out << Tr::tr("Usage: marginalia-cli team init|add-member|remove-member URI … (see team COMMAND --help)")
            << Qt::endl;
        return ExitOk;
    }
    err << Tr::tr("unknown team command \"%1\"; use init, add-member or remove-member").arg(sub) << Qt::endl;
    return ExitUsage;
}

int runSyncCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    CommandLine line(QStringLiteral("sync"),
                     Tr::tr("Syncs the annotation database with its team: pushes what changed here, pulls what the "
                            "other members wrote. The team given with --team is remembered for the database."),
                     {}, {});
    line.addDatabaseOption();
    const QCommandLineOption team(QStringLiteral("team"), addressHelp(), QStringLiteral("URI"));
    const QCommandLineOption json = jsonOption();
    line.parser().addOptions({team, json});
    if (const int code = line.parse(arguments, out, err); code >= 0)
        return code;
    if (line.positional().size() > 1)
        return line.usage(Tr::tr("sync takes no arguments"), err);
    Result<AnnotationDatabase> local = AnnotationDatabase::open(line.database(), DatabaseAccess::Write);
    if (!local)
        return failed(local.error(), err);
    QString address = line.parser().value(team);
    if (address.isEmpty()) {
        Result<QString> remembered = rememberedTeam(*local->database);
        if (!remembered)
            return failed(remembered.error(), err);
        address = *remembered;
        if (address.isEmpty())
            return line.usage(Tr::tr("%1 has no team yet: give one with --team URI (it is then remembered)")
                                  .arg(line.database()),
                              err);
    }
    Result<std::unique_ptr<TeamConnection>> server = TeamConnection::open(address);
    if (!server)
        return failed(server.error(), err);
    Result<SyncReport> report = syncWithTeam(*local->database, **server);
    if (!report)
        return failed(report.error(), err);
    if (line.parser().isSet(team)) {
        if (auto remembered = rememberTeam(*local->database, address); !remembered)
            return failed(remembered.error(), err);
    }
    if (line.parser().isSet(json))
        printJson(QJsonObject{{QStringLiteral("pushed"), report->pushed},
                              {QStringLiteral("pulled"), report->pulled},
                              {QStringLiteral("conflicts"), report->conflicts},
                              {QStringLiteral("serverVersion"), report->serverVersion},
                              {QStringLiteral("role"), report->role},
                              {QStringLiteral("group"), report->group},
                              {QStringLiteral("tagsPushed"), report->tagsPushed},
                              {QStringLiteral("tagsPulled"), report->tagsPulled}},
                  out);
    else
        out << Tr::tr("pushed %1, pulled %2, conflicts %3; the team is at version %4")
                   .arg(report->pushed)
                   .arg(report->pulled)
                   .arg(report->conflicts)
                   .arg(report->serverVersion)
            << Qt::endl;
    return ExitOk;
}

} // namespace marginalia::cli

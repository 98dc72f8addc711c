#include "teamserver.h"

#include "teamconnection.h"
#include "teamschema.h"
#include "teamtransaction.h"
#include "util/translate.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace marginalia {

namespace {

// One statement with values bound in order; fails with the server's words.
Result<QSqlQuery> run(TeamConnection &server, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery query(server.connection());
    query.setForwardOnly(true);
    // The server prepares only queries, not DDL: a statement with nothing to bind runs as it is.
    if (values.isEmpty()) {
        if (!query.exec(sql))
            return fail(teamServerError(server, query.lastError()));
        return query;
    }
    if (!query.prepare(sql))
        return fail(teamServerError(server, query.lastError()));
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return fail(teamServerError(server, query.lastError()));
    return query;
}

// A statement about a role, whose name cannot be a bound value: the server quotes it (format's %I), so a
// name is never read as SQL.
Result<void> runWithNames(TeamConnection &server, const QString &pattern, const QVariantList &names)
{
    QString placeholders;
    for (qsizetype i = 0; i < names.size(); ++i)
        placeholders += QStringLiteral(", ?::text");
    Result<QSqlQuery> formatted = run(server, QStringLiteral("SELECT format(?::text") + placeholders + QLatin1Char(')'),
                                      QVariantList{pattern} + names);
    if (!formatted)
        return fail(formatted.error());
    if (!formatted->next())
        return fail(Error{server.address(), 0, 0, Tr::tr("the team server did not answer")});
    const QString statement = formatted->value(0).toString();
    if (auto done = run(server, statement); !done)
        return fail(done.error());
    return {};
}

Result<bool> exists(TeamConnection &server, const QString &sql, const QVariantList &values)
{
    Result<QSqlQuery> query = run(server, sql, values);
    if (!query)
        return fail(query.error());
    return query->next();
}

Result<bool> hasTeamSchema(TeamConnection &server)
{
    return exists(server, QStringLiteral("SELECT 1 FROM pg_namespace WHERE nspname = 'marginalia'"), {});
}

// The team's own facts, read through about() so that anyone who can connect may ask.
Result<TeamInfo> readAbout(TeamConnection &server)
{
    Result<QSqlQuery> query = run(server, QStringLiteral("SELECT marginalia.about()::text, pg_has_role(current_user,"
                                                         " (marginalia.about()->>'group')::name, 'MEMBER')"));
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(Error{server.address(), 0, 0, Tr::tr("the team server did not answer")});
    const QJsonObject about = QJsonDocument::fromJson(query->value(0).toString().toUtf8()).object();
    TeamInfo info;
    info.schemaVersion = about.value(QStringLiteral("schema_version")).toString().toInt();
    info.group = about.value(QStringLiteral("group")).toString();
    info.teamId = about.value(QStringLiteral("team_id")).toString();
    info.member = query->value(1).toBool();
    return info;
}

Error noTeam(const TeamConnection &server)
{
    return Error{server.address(), 0, 0,
                 Tr::tr("this database is not a Marginalia team; its admin makes it one with "
                        "marginalia-cli team init %1").arg(server.address())};
}

Error tooNew(const TeamConnection &server, int version)
{
    return Error{server.address(), 0, 0,
                 Tr::tr("the team server's schema is version %1, newer than this Marginalia knows (%2): update "
                        "Marginalia to work with this team").arg(version).arg(currentTeamSchemaVersion())};
}

Result<void> grantGroup(TeamConnection &server, const QString &group)
{
    const QStringList grants{
        QStringLiteral("GRANT SELECT ON marginalia.meta, marginalia.library TO %I"),
        QStringLiteral("GRANT SELECT, INSERT, UPDATE ON marginalia.annotations, marginalia.tags TO %I"),
        QStringLiteral("GRANT EXECUTE ON FUNCTION marginalia.next_version(), marginalia.is_member(),"
                       " marginalia.push(jsonb), marginalia.push_tags(jsonb) TO %I"),
    };
    for (const QString &grant : grants) {
        if (auto done = runWithNames(server, grant, {group}); !done)
            return done;
    }
    return {};
}

// The team the database is, whatever its schema version; fails when it is none.
Result<TeamInfo> readExistingTeam(TeamConnection &server)
{
    Result<bool> schema = hasTeamSchema(server);
    if (!schema)
        return fail(schema.error());
    if (!*schema)
        return fail(noTeam(server));
    return readAbout(server);
}

Result<QString> teamGroupFor(TeamConnection &server, const QString &group)
{
    Result<TeamInfo> info = readExistingTeam(server);
    if (!info)
        return fail(info.error());
    if (!group.isEmpty() && group != info->group)
        return fail(Error{server.address(), 0, 0,
                          Tr::tr("this team's group is %1, not %2").arg(info->group, group)});
    return info->group;
}

} // namespace

Result<TeamInfo> readTeamInfo(TeamConnection &server)
{
    Result<TeamInfo> info = readExistingTeam(server);
    if (!info)
        return info;
    if (info->schemaVersion > currentTeamSchemaVersion())
        return fail(tooNew(server, info->schemaVersion));
    return info;
}

Error notAMember(const TeamConnection &server, const TeamInfo &info)
{
    return Error{server.address(), 0, 0,
                 Tr::tr("%1 is not a member of the team %2; its admin adds members with "
                        "marginalia-cli team add-member %3 %1")
                     .arg(server.role(), info.group, server.address())};
}

Result<std::vector<TeamMember>> readTeamMembers(TeamConnection &server)
{
    Result<TeamInfo> info = readTeamInfo(server);
    if (!info)
        return fail(info.error());
    if (!info->member)
        return fail(notAMember(server, *info));
    // The group's members with what they wrote, then the authors who left the group.
    const QString members = QStringLiteral("SELECT r.rolname FROM pg_auth_members m"
                                           " JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles r ON r.oid = m.member"
                                           " WHERE g.rolname = ?");
    Result<QSqlQuery> query = run(
        server,
        QStringLiteral("SELECT role::text, bool_or(member), count(*) FILTER (WHERE id IS NOT NULL AND NOT deleted),"
                       " max(modified) FROM ("
                       "  SELECT r.rolname AS role, true AS member, a.id, a.deleted, a.modified FROM (") +
            members +
            QStringLiteral(") r LEFT JOIN marginalia.annotations a ON a.author = r.rolname"
                           "  UNION ALL SELECT a.author, false, a.id, a.deleted, a.modified FROM marginalia.annotations a"
                           "  WHERE a.author NOT IN (") + members +
            QStringLiteral(")) w GROUP BY role ORDER BY role"),
        {info->group, info->group});
    if (!query)
        return fail(query.error());
    std::vector<TeamMember> found;
    while (query->next()) {
        TeamMember m;
        m.role = query->value(0).toString();
        m.member = query->value(1).toBool();
        m.annotations = query->value(2).toInt();
        m.lastChange = query->value(3).toDateTime().toUTC();
        found.push_back(std::move(m));
    }
    return found;
}

Result<TeamInfo> initTeam(TeamConnection &server, const QString &group)
{
    const QString wanted = group.isEmpty() ? defaultTeamGroup() : group;
    TeamTransaction transaction(server);
    if (auto begun = transaction.begin(); !begun)
        return fail(begun.error());
    // Two admins running init at once take turns.
    if (auto locked = run(server, QStringLiteral("SELECT pg_advisory_xact_lock(hashtext('marginalia team init'))"));
        !locked)
        return fail(locked.error());
    Result<bool> schema = hasTeamSchema(server);
    if (!schema)
        return fail(schema.error());
    int version = 0;
    QString teamGroup = wanted;
    if (*schema) {
        Result<TeamInfo> info = readAbout(server);
        if (!info)
            return fail(info.error());
        if (info->schemaVersion > currentTeamSchemaVersion())
            return fail(tooNew(server, info->schemaVersion));
        if (!group.isEmpty() && group != info->group)
            return fail(Error{server.address(), 0, 0,
                              Tr::tr("this database already is the team of group %1; it cannot become %2's")
                                  .arg(info->group, group)});
        version = info->schemaVersion;
        teamGroup = info->group;
    }
    for (const TeamMigration &migration : teamMigrations()) {
        if (migration.version <= version)
            continue;
        for (const QString &statement : migration.statements) {
            if (auto done = run(server, statement); !done)
                return fail(done.error());
        }
    }
    const QString upsert = QStringLiteral("INSERT INTO marginalia.meta (key, value) VALUES (?, ?)"
                                          " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    if (auto done = run(server, upsert, {QStringLiteral("schema_version"), QString::number(currentTeamSchemaVersion())});
        !done)
        return fail(done.error());
    if (!*schema) {
        if (auto done = run(server, upsert, {QStringLiteral("group"), teamGroup}); !done)
            return fail(done.error());
        if (auto done = run(server, QStringLiteral("INSERT INTO marginalia.meta (key, value)"
                                                   " VALUES ('team_id', gen_random_uuid()::text)"));
            !done)
            return fail(done.error());
    }
    Result<bool> groupExists = exists(server, QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ?"), {teamGroup});
    if (!groupExists)
        return fail(groupExists.error());
    if (!*groupExists) {
        if (auto done = runWithNames(server, QStringLiteral("CREATE ROLE %I NOLOGIN"), {teamGroup}); !done)
            return fail(done.error());
    }
    if (auto granted = grantGroup(server, teamGroup); !granted)
        return fail(granted.error());
    if (auto committed = transaction.commit(); !committed)
        return fail(committed.error());
    return readTeamInfo(server);
}

Result<void> addTeamMember(TeamConnection &server, const QString &role, const QString &group)
{
    if (role.trimmed().isEmpty())
        return fail(Error{server.address(), 0, 0, Tr::tr("a member needs a role name")});
    TeamTransaction transaction(server);
    if (auto begun = transaction.begin(); !begun)
        return begun;
    Result<QString> teamGroup = teamGroupFor(server, group);
    if (!teamGroup)
        return fail(teamGroup.error());
    Result<bool> roleExists = exists(server, QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ?"), {role});
    if (!roleExists)
        return fail(roleExists.error());
    if (!*roleExists) {
        if (auto done = runWithNames(server, QStringLiteral("CREATE ROLE %I LOGIN"), {role}); !done)
            return done;
    }
    if (auto done = runWithNames(server, QStringLiteral("GRANT %I TO %I"), {*teamGroup, role}); !done)
        return done;
    return transaction.commit();
}

Result<void> removeTeamMember(TeamConnection &server, const QString &role)
{
    TeamTransaction transaction(server);
    if (auto begun = transaction.begin(); !begun)
        return begun;
    Result<QString> teamGroup = teamGroupFor(server, {});
    if (!teamGroup)
        return fail(teamGroup.error());
    Result<bool> member = exists(server, QStringLiteral("SELECT 1 FROM pg_auth_members m"
                                                        " JOIN pg_roles g ON g.oid = m.roleid"
                                                        " JOIN pg_roles r ON r.oid = m.member"
                                                        " WHERE g.rolname = ? AND r.rolname = ?"),
                                 {*teamGroup, role});
    if (!member)
        return fail(member.error());
    if (!*member)
        return fail(Error{server.address(), 0, 0, Tr::tr("%1 is not a member of the team %2").arg(role, *teamGroup)});
    if (auto done = runWithNames(server, QStringLiteral("REVOKE %I FROM %I"), {*teamGroup, role}); !done)
        return done;
    return transaction.commit();
}

} // namespace marginalia

#pragma once

#include "util/result.h"

#include <QDateTime>
#include <QString>

#include <vector>

namespace marginalia {

class TeamConnection;

// What a team server says about itself (marginalia.about()) and about us.
struct TeamInfo {
    int schemaVersion = 0;
    QString group;  // the group role whose members are the team
    QString teamId; // a UUID made once, at init: a database that is another team is never taken for ours
    bool member = false;
};

// Someone who writes on the team, as the Members window lists them.
struct TeamMember {
    QString role;
    bool member = true;     // false: a former member, whose annotations stay with their name
    int annotations = 0;    // not counting deleted ones
    QDateTime lastChange;   // of their newest annotation (UTC); invalid when they wrote none
};

// Reads the team's schema version and group. Fails with a message to act on when the database holds no
// team ("ask the team's admin to run marginalia-cli team init"), or a schema newer than this program knows.
Result<TeamInfo> readTeamInfo(TeamConnection &server);
// The error of a role that is no member of the team, saying how the admin adds it.
Error notAMember(const TeamConnection &server, const TeamInfo &info);

// The team's members, and the former members whose annotations are still there, by role name. Only a
// member may ask (the server shows a non-member no annotations).
Result<std::vector<TeamMember>> readTeamMembers(TeamConnection &server);

// The admin's commands (marginalia-cli team …). Each is one transaction and can be run again: init makes
// or brings up to date the schema, the group role (`group`, empty for the default) and its rights; a
// database that already is a team keeps its group, and naming another one fails.
Result<TeamInfo> initTeam(TeamConnection &server, const QString &group);
// Makes `role` a member of the team's group, creating it as a login role when there is none (its password
// or other way to log in is the server's business). `group`, when given, must be the team's.
Result<void> addTeamMember(TeamConnection &server, const QString &role, const QString &group);
// Takes `role` out of the team's group; what it wrote stays, with its name as author.
Result<void> removeTeamMember(TeamConnection &server, const QString &role);

} // namespace marginalia

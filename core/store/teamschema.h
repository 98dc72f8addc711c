#pragma once

#include <QStringList>

#include <vector>

namespace marginalia {

// The team server's schema (PostgreSQL), in the schema "marginalia" of the team's database. Like the
// local migrations, append only: a version that shipped is never edited, since servers out there run it.
struct TeamMigration {
    int version = 0;
    QStringList statements;
};

const std::vector<TeamMigration> &teamMigrations();
int currentTeamSchemaVersion();

// The channel every push announces the team's new version on (NOTIFY), for the members' open windows.
QString teamNotificationChannel();

// The group role a team has when init names none.
QString defaultTeamGroup();

} // namespace marginalia

#pragma once

// The throwaway PostgreSQL cluster the team tests run against (scripts/pg-cluster.sh, started by ctest's
// TeamServer fixture, which names its cluster.env in MARGINALIA_TEST_PG_ENV). Nothing is mocked: the
// tests reach a real server through its socket, as members with passwords in a libpq password file.

#include <QString>
#include <QStringList>

namespace marginalia::test {

struct PsqlRun {
    int exitCode = -1;
    QString out;
    QString err;
};

class TeamCluster {
public:
    // Reads the cluster's description; a failure (no cluster started) fails the calling test.
    static TeamCluster &instance();

    bool isReady() const { return m_ready; }
    QString problem() const { return m_problem; }

    // postgresql:// addresses of `database` for the superuser (the team's admin) and for `role`.
    QString adminAddress(const QString &database) const;
    QString address(const QString &role, const QString &database) const;

    // A new, empty database (dropped first when it exists).
    bool freshDatabase(const QString &database);
    // `role` logs in with `password`, which goes into this process's libpq password file (PGPASSFILE),
    // where every client started from the test finds it too.
    bool setPassword(const QString &role, const QString &password);
    // Runs SQL with psql as `role` (empty: the superuser) on `database`, stopping at the first error.
    PsqlRun psql(const QString &role, const QString &database, const QString &sql) const;

    // pg-cluster.sh restart | kill | resume: the server restarted, gone, back.
    bool control(const QString &action) const;

private:
    TeamCluster();

    bool m_ready = false;
    QString m_problem;
    QString m_envFile;
    QString m_socket;
    QString m_port;
    QString m_superuser;
    QString m_passFile;
    QStringList m_passwords;
};

} // namespace marginalia::test

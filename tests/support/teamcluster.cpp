#include "support/teamcluster.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTextStream>
#include <QUrl>

namespace marginalia::test {

namespace {

QString percentEncoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

} // namespace

TeamCluster &TeamCluster::instance()
{
    static TeamCluster cluster;
    return cluster;
}

TeamCluster::TeamCluster()
{
    m_envFile = qEnvironmentVariable("MARGINALIA_TEST_PG_ENV");
    QFile env(m_envFile);
    if (m_envFile.isEmpty() || !env.open(QIODevice::ReadOnly)) {
        m_problem = QStringLiteral("no PostgreSQL cluster: MARGINALIA_TEST_PG_ENV (\"%1\") names no cluster.env; run "
                                   "these tests through ctest, whose TeamServer fixture starts one")
                        .arg(m_envFile);
        return;
    }
    while (!env.atEnd()) {
        const QString line = QString::fromUtf8(env.readLine()).trimmed();
        const QString key = line.section(QLatin1Char('='), 0, 0);
        const QString value = line.section(QLatin1Char('='), 1);
        if (key == QLatin1String("PGHOST"))
            m_socket = value;
        else if (key == QLatin1String("PGPORT"))
            m_port = value;
        else if (key == QLatin1String("MARGINALIA_PG_SUPERUSER"))
            m_superuser = value;
    }
    m_passFile = QFileInfo(m_envFile).absolutePath() + QStringLiteral("/pgpass");
    QFile::remove(m_passFile);
    qputenv("PGPASSFILE", m_passFile.toLocal8Bit());
    // Nothing of the machine's own PostgreSQL settings may point the tests elsewhere.
    for (const char *name : {"PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGSERVICE", "PGPASSWORD"})
        qunsetenv(name);
    m_ready = !m_socket.isEmpty() && !m_port.isEmpty() && !m_superuser.isEmpty();
    if (!m_ready)
        m_problem = QStringLiteral("%1 does not describe a cluster").arg(m_envFile);
}

QString TeamCluster::adminAddress(const QString &database) const
{
    return address(m_superuser, database);
}

QString TeamCluster::address(const QString &role, const QString &database) const
{
    return QStringLiteral("postgresql://%1@/%2?host=%3&port=%4")
        .arg(percentEncoded(role), percentEncoded(database), percentEncoded(m_socket), m_port);
}

bool TeamCluster::freshDatabase(const QString &database)
{
    const QString quoted = QLatin1Char('"') + database + QLatin1Char('"');
    return psql({}, QStringLiteral("postgres"), QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(quoted)).exitCode == 0
        && psql({}, QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE %1").arg(quoted)).exitCode == 0;
}

bool TeamCluster::setPassword(const QString &role, const QString &password)
{
    const PsqlRun made = psql({}, QStringLiteral("postgres"),
                              QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1')"
                                             " THEN CREATE ROLE \"%1\" LOGIN; END IF; END $$;"
                                             " ALTER ROLE \"%1\" LOGIN PASSWORD '%2'")
                                  .arg(role, password));
    if (made.exitCode != 0)
        return false;
    m_passwords.removeIf([&](const QString &line) { return line.startsWith(QStringLiteral("*:*:*:%1:").arg(role)); });
    m_passwords << QStringLiteral("*:*:*:%1:%2").arg(role, password);
    QFile file(m_passFile);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner); // libpq ignores a file others can read
    file.write(m_passwords.join(QLatin1Char('\n')).toUtf8() + '\n');
    return true;
}

PsqlRun TeamCluster::psql(const QString &role, const QString &database, const QString &sql) const
{
    QProcess process;
    process.start(QStringLiteral("psql"),
                  {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"), QStringLiteral("-t"),
                   QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"),
                   address(role.isEmpty() ? m_superuser : role, database), QStringLiteral("-c"), sql});
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()).trimmed(),
            QString::fromUtf8(process.readAllStandardError()).trimmed()};
}

bool TeamCluster::control(const QString &action) const
{
    QProcess process;
    process.start(QStringLiteral("bash"), {QStringLiteral(MARGINALIA_PG_CLUSTER_SCRIPT), action,
                                           QFileInfo(m_envFile).absolutePath()});
    return process.waitForFinished(120000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

} // namespace marginalia::test

#include "teamconnection.h"

#include "util/translate.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QLibrary>
#include <QSqlError>
#include <QSqlQuery>

#include <libpq-fe.h>

namespace marginalia {

namespace {

QString quotedOption(const QString &value)
{
    QString quoted = value;
    quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("marginalia-team-%1").arg(counter.fetchAndAddRelaxed(1));
}

Error connectionError(const QString &address, const QString &why)
{
    return Error{address, 0, 0, why};
}

// libpq is loaded when a team address is first read, not linked: it brings two dozen libraries (TLS,
// Kerberos, LDAP) whose loading cost every marginalia-cli command 4 ms of its start, and only the team's
// commands read an address. Qt's PostgreSQL driver loads it again for the connection itself.
struct LibPq {
    decltype(&PQconninfoParse) conninfoParse = nullptr;
    decltype(&PQconninfoFree) conninfoFree = nullptr;
    decltype(&PQfreemem) freemem = nullptr;
    QString error;
};

const LibPq &libpq()
{
    static const LibPq api = [] {
        LibPq loaded;
        QLibrary library(QStringLiteral("pq"), 5); // never unloaded: the functions stay valid
        if (!library.load()) {
            loaded.error = library.errorString();
            return loaded;
        }
        loaded.conninfoParse = reinterpret_cast<decltype(&PQconninfoParse)>(library.resolve("PQconninfoParse"));
        loaded.conninfoFree = reinterpret_cast<decltype(&PQconninfoFree)>(library.resolve("PQconninfoFree"));
        loaded.freemem = reinterpret_cast<decltype(&PQfreemem)>(library.resolve("PQfreemem"));
        if (!loaded.conninfoParse || !loaded.conninfoFree || !loaded.freemem)
            loaded.error = library.errorString();
        return loaded;
    }();
    return api;
}

} // namespace

Result<QString> teamConnectOptions(const QString &address)
{
    if (address.trimmed().isEmpty())
        return fail(connectionError(address, Tr::tr("no team server given; name one as postgresql://USER@HOST/DATABASE "
                                                    "or service=NAME")));
    const LibPq &pq = libpq();
    if (!pq.error.isEmpty())
        return fail(connectionError(address, Tr::tr("cannot load PostgreSQL's client library, libpq (Debian's "
                                                    "package libpq5): %1").arg(pq.error)));
    char *why = nullptr;
    PQconninfoOption *options = pq.conninfoParse(address.toUtf8().constData(), &why);
    if (!options) {
        const QString reason = why ? QString::fromUtf8(why).trimmed() : Tr::tr("out of memory");
        pq.freemem(why);
        return fail(connectionError(address, Tr::tr("not a PostgreSQL connection address: %1").arg(reason)));
    }
    QStringList parts;
    bool password = false;
    for (const PQconninfoOption *option = options; option->keyword; ++option) {
        if (!option->val)
            continue;
        const QString keyword = QString::fromUtf8(option->keyword);
        if (keyword == QLatin1String("password")) {
            password = true;
            continue;
        }
        // Qt's driver turns every ';' of the options into a space: say so rather than connect elsewhere.
        const QString value = QString::fromUtf8(option->val);
        if (value.contains(QLatin1Char(';'))) {
            pq.conninfoFree(options);
            return fail(connectionError(address, Tr::tr("the value of %1 holds a ';', which Qt's PostgreSQL driver "
                                                        "cannot pass on").arg(keyword)));
        }
        parts << keyword + QLatin1Char('=') + quotedOption(value);
    }
    pq.conninfoFree(options);
    if (password)
        return fail(connectionError(address, Tr::tr("the address holds a password; Marginalia never keeps one: put it "
                                                    "in ~/.pgpass (or the file PGPASSFILE names) and leave it out "
                                                    "of the address")));
    return parts.join(QLatin1Char(' '));
}

Result<std::unique_ptr<TeamConnection>> TeamConnection::open(const QString &address, int connectTimeoutSeconds)
{
    Result<QString> options = teamConnectOptions(address);
    if (!options)
        return fail(options.error());
    QString connectOptions = *options;
    if (!connectOptions.contains(QLatin1String("connect_timeout=")))
        connectOptions += QStringLiteral(" connect_timeout='%1'").arg(connectTimeoutSeconds);
    if (!connectOptions.contains(QLatin1String("application_name=")))
        connectOptions += QStringLiteral(" application_name='marginalia'");

    std::unique_ptr<TeamConnection> team(new TeamConnection);
    team->m_address = address;
    team->m_connectionName = nextConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), team->m_connectionName);
        if (!db.isValid())
            return fail(connectionError(address, Tr::tr("Qt's PostgreSQL driver (QPSQL) is not installed; install "
                                                        "libqt6sql6-psql")));
        db.setConnectOptions(connectOptions);
        if (!db.open()) {
            const QString why = db.lastError().driverText() + QLatin1Char(' ') + db.lastError().databaseText();
            return fail(connectionError(address, Tr::tr("cannot reach the team server: %1").arg(why.simplified())));
        }
        QSqlQuery setup(db);
        // Times travel as ISO text in UTC whatever the server's zone; the session reads committed rows.
        if (!setup.exec(QStringLiteral("SET TIME ZONE 'UTC'")) || !setup.exec(QStringLiteral("SELECT current_user"))
            || !setup.next())
            return fail(connectionError(address, Tr::tr("the team server did not answer: %1")
                                                     .arg(setup.lastError().text().simplified())));
        team->m_role = setup.value(0).toString();
    }
    return team;
}

TeamConnection::~TeamConnection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase TeamConnection::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool TeamConnection::isOpen() const
{
    QSqlDatabase db = connection();
    return db.isValid() && db.isOpen();
}

} // namespace marginalia

namespace marginalia {

bool TeamConnection::isAlive() const
{
    if (!isOpen())
        return false;
    QSqlQuery ping(connection());
    return ping.exec(QStringLiteral("SELECT 1"));
}

} // namespace marginalia

#pragma once

#include "util/result.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace marginalia {

// A connection to a team server: a PostgreSQL database through Qt's QPSQL driver, named as libpq names
// one — a URI ("postgresql://alice@db.example.edu/seminar"), a service of the service file
// ("service=seminar"), or keywords ("host=… dbname=…"). A password, when the server asks for one, comes
// from where libpq looks (~/.pgpass, PGPASSFILE, the service file, a Kerberos ticket…): Marginalia never
// takes one, so an address holding one is refused and nothing that stores addresses ever holds a secret.
class TeamConnection {
public:
    ~TeamConnection();
    TeamConnection(const TeamConnection &) = delete;
    TeamConnection &operator=(const TeamConnection &) = delete;

    // Connects (waiting at most `connectTimeoutSeconds` unless the address says otherwise) and reads who
    // the server says we are. Fails with a message naming the address and what went wrong (unreachable,
    // refused, no such database…). Use from the thread that opened it only.
    static Result<std::unique_ptr<TeamConnection>> open(const QString &address, int connectTimeoutSeconds = 5);

    // For core/store's team code only.
    QSqlDatabase connection() const;
    const QString &address() const { return m_address; }
    // The role the server knows us by (current_user), which it writes as the author of what we push.
    const QString &role() const { return m_role; }
    // Whether the connection is still usable; after a failure, a sync opens a new one.
    bool isOpen() const;
    // Whether the server still answers: a connection it dropped (a restart) still looks open.
    bool isAlive() const;

private:
    TeamConnection() = default;

    QString m_address;
    QString m_connectionName;
    QString m_role;
};

// libpq's keyword='value' form of `address`, which Qt's driver passes on as it is; fails for an address
// libpq cannot read (with libpq's reason) or one that holds a password.
Result<QString> teamConnectOptions(const QString &address);

} // namespace marginalia

#include "teamlistener.h"

#include "store/teamconnection.h"
#include "store/teamschema.h"

#include <QSqlDriver>
#include <QVariant>

namespace marginalia {

TeamListener::TeamListener(QObject *parent) : QObject(parent) {}

TeamListener::~TeamListener() = default;

bool TeamListener::isListening() const
{
    return m_connection && m_connection->isOpen();
}

void TeamListener::listen(const QString &address)
{
    // A connection the server dropped (a restart) still looks open: it must answer to be kept.
    if (address == m_address && isListening() && m_connection->isAlive())
        return;
    m_connection.reset();
    m_address = address;
    if (address.isEmpty())
        return;
    Result<std::unique_ptr<TeamConnection>> opened = TeamConnection::open(address);
    if (!opened) {
        Q_EMIT lost(opened.error().toString());
        return;
    }
    m_connection = std::move(*opened);
    QSqlDriver *driver = m_connection->connection().driver();
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString &, QSqlDriver::NotificationSource, const QVariant &payload) {
                Q_EMIT changed(payload.toLongLong());
            });
    if (!driver->subscribeToNotification(teamNotificationChannel())) {
        m_connection.reset();
        Q_EMIT lost(QStringLiteral("%1: the team server does not announce changes").arg(address));
    }
}

} // namespace marginalia

#pragma once

#include "teamconnection.h"
#include "util/result.h"
#include "util/translate.h"

#include <QCoreApplication>
#include <QDateTime>

#include <QSqlError>
#include <QSqlQuery>
#include <QString>

namespace marginalia {

// What the team server said when it refused, naming its address.
inline Error teamServerError(const TeamConnection &server, const QSqlError &error)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.text().trimmed();
    return Error{server.address(), 0, 0, Tr::tr("the team server refused: %1").arg(text.simplified())};
}

// A time as the team server writes it in JSON (to_jsonb of a timestamptz: "2026-12-02T14:05:00.123+00:00",
// fractions optional), in UTC; invalid for none.
inline QDateTime teamServerTime(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    return time.toUTC();
}

// One transaction on the team server, rolled back unless committed (a failure on the way out of a
// function leaves nothing half done there). `mode` is SET TRANSACTION's ("ISOLATION LEVEL …").
class TeamTransaction {
public:
    explicit TeamTransaction(TeamConnection &server) : m_server(server) {}
    ~TeamTransaction()
    {
        if (m_open)
            m_server.connection().rollback();
    }
    Result<void> begin(const QString &mode = {})
    {
        if (!m_server.connection().transaction())
            return fail(teamServerError(m_server, m_server.connection().lastError()));
        m_open = true;
        if (!mode.isEmpty()) {
            QSqlQuery set(m_server.connection());
            if (!set.exec(QStringLiteral("SET TRANSACTION ") + mode))
                return fail(teamServerError(m_server, set.lastError()));
        }
        return {};
    }
    Result<void> commit()
    {
        m_open = false;
        if (!m_server.connection().commit())
            return fail(teamServerError(m_server, m_server.connection().lastError()));
        return {};
    }

private:
    TeamConnection &m_server;
    bool m_open = false;
};


} // namespace marginalia

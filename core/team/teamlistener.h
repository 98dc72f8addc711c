#pragma once

#include <QObject>
#include <QString>

#include <memory>

namespace marginalia {

class TeamConnection;

// Listens on its own connection for the team server's announcements (LISTEN marginalia_team, sent by every
// push with the team's new version). Lives on a thread of its own: connecting to a slow server blocks
// only that thread.
class TeamListener : public QObject {
    Q_OBJECT

public:
    explicit TeamListener(QObject *parent = nullptr);
    ~TeamListener() override;

    // Listens at `address` from now on (a new address replaces the old); an empty one stops listening.
    Q_INVOKABLE void listen(const QString &address);
    bool isListening() const;

Q_SIGNALS:
    // The team is at `serverVersion` now.
    void changed(qint64 serverVersion);
    // The connection failed or was lost; listen() again to retry.
    void lost(const QString &why);

private:
    std::unique_ptr<TeamConnection> m_connection;
    QString m_address;
};

} // namespace marginalia

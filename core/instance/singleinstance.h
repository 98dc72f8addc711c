#pragma once

#include "util/result.h"

#include <QObject>
#include <QStringList>

class QLocalServer;

namespace marginalia {

// One window per user and annotation database. The first start listens on a local socket named after
// both (so runs with a database of their own, as tests have, never meet); a later start hands it the
// files it was given, which the first one opens, and ends. Two windows over one database would each
// keep their own picture of its tags and overwrite each other's saved session.
class SingleInstance : public QObject {
    Q_OBJECT

public:
    // The socket's name for this user and `databasePath` (the same file however it is spelled).
    static QString serverName(const QString &databasePath);

    explicit SingleInstance(const QString &name, QObject *parent = nullptr);
    ~SingleInstance() override;

    const QString &name() const { return m_name; }

    // Gives `files` (absolute paths) and the document to show to the instance listening under the name.
    // True when one took them; false when none listens (or it did not answer within `timeoutMs`).
    bool handOver(const QStringList &files, const QString &documentId, int timeoutMs = 5000) const;

    // Becomes the instance later starts hand their files to. An error says why it cannot (the window
    // then works alone, as before).
    Result<bool> listen();
    bool isListening() const;

Q_SIGNALS:
    // A later start's files (absolute paths; empty when it named none: it only wants the window).
    void filesReceived(const QStringList &files, const QString &documentId);

private:
    void readRequest();

    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace marginalia

#include "singleinstance.h"

#include "util/translate.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>

namespace marginalia {

namespace {

// A request is one line of JSON: {"files": [...], "document": "d317"}; the answer is one line, "ok".
constexpr qint64 kMaxRequest = 1 << 20;
const QByteArray kAnswer = QByteArrayLiteral("ok\n");

QString userName()
{
    for (const char *variable : {"USER", "USERNAME", "LOGNAME"}) {
        const QString name = qEnvironmentVariable(variable);
        if (!name.isEmpty())
            return name;
    }
    return QDir::homePath();
}

// Whether an instance answers under `name` (connecting asks it nothing).
bool someoneListens(const QString &name)
{
    QLocalSocket socket;
    socket.connectToServer(name);
    const bool connected = socket.waitForConnected(500);
    socket.abort();
    return connected;
}

} // namespace

QString SingleInstance::serverName(const QString &databasePath)
{
    const QFileInfo info(databasePath);
    // The database may not exist yet: its folder's canonical path, then its name.
    const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
    const QString path = (folder.isEmpty() ? info.absolutePath() : folder) + QLatin1Char('/') + info.fileName();
    const QByteArray key = (userName() + QLatin1Char('\n') + QDir::homePath() + QLatin1Char('\n') + path).toUtf8();
    // Short and free of '/', so it is a plain name in the system's socket folder.
    return QStringLiteral("marginalia-")
        + QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(24));
}

SingleInstance::SingleInstance(const QString &name, QObject *parent) : QObject(parent), m_name(name)
{
}

SingleInstance::~SingleInstance() = default;

bool SingleInstance::handOver(const QStringList &files, const QString &documentId, int timeoutMs) const
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    QJsonObject request{{QStringLiteral("files"), QJsonArray::fromStringList(files)},
                        {QStringLiteral("document"), documentId}};
    socket.write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    QByteArray answer;
    while (!answer.endsWith('\n') && answer.size() < kAnswer.size() && socket.waitForReadyRead(timeoutMs))
        answer += socket.readAll();
    return answer == kAnswer;
}

Result<bool> SingleInstance::listen()
{
    if (isListening())
        return true;
    // Qt puts a socket with access options in place by renaming it over what is there: an instance that
    // answers must be asked first, or its name would be taken from under it.
    if (someoneListens(m_name))
        return fail(QString(), 0, 0, Tr::tr("Another Marginalia window already answers as %1.").arg(m_name));
    QLocalServer::removeServer(m_name); // what an instance that crashed left behind
    auto *server = new QLocalServer(this);
    server->setSocketOptions(QLocalServer::UserAccessOption); // no other user can hand it anything
    if (!server->listen(m_name)) {
        const QString why = server->errorString();
        delete server;
        return fail(QString(), 0, 0, Tr::tr("Cannot wait for other starts of Marginalia (%1): %2").arg(m_name, why));
    }
    m_server = server;
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::readRequest);
    return true;
}

bool SingleInstance::isListening() const
{
    return m_server && m_server->isListening();
}

void SingleInstance::readRequest()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine()) {
                if (socket->bytesAvailable() > kMaxRequest)
                    socket->abort(); // not a start of ours
                return;
            }
            const QJsonDocument doc = QJsonDocument::fromJson(socket->readLine(kMaxRequest));
            if (!doc.isObject()) {
                socket->abort();
                return;
            }
            socket->write(kAnswer);
            socket->flush();
            QStringList files;
            for (const QJsonValue &file : doc.object().value(QStringLiteral("files")).toArray()) {
                if (file.isString() && !file.toString().isEmpty())
                    files << file.toString();
            }
            Q_EMIT filesReceived(files, doc.object().value(QStringLiteral("document")).toString());
        });
    }
}

} // namespace marginalia

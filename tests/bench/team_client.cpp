// One member's client for scripts/bench-team.sh: annotates, edits and deletes its own annotations and
// syncs as the window would, through core's team sync only, while the script restarts the server.
//
//   marginalia_team_client edit --db FILE --team URI --count N --seed S --ready DIR --clients K
//       adds N annotations, with random edits and deletions of its own between them, syncing after every
//       10 changes (a sync cut off by a restart is run again); then waits until K clients have written
//       their mark in DIR, syncs until nothing moves, and prints JSON: its syncs' latencies, failures, and
//       the checksum of what it holds
//   marginalia_team_client seed --db FILE --team URI --count N
//       a member's first sync of N annotations made here (push), then a new machine's first sync (pull)

#include "model/annotation.h"
#include "store/annotationdatabase.h"
#include "store/annotationstore.h"
#include "store/teamconnection.h"
#include "store/teamsync.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <memory>
#include <optional>

using namespace marginalia;

namespace {

QString option(const QStringList &args, const QString &name, const QString &fallback = {})
{
    const qsizetype at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : fallback;
}

Annotation newAnnotation(int i, const QString &role)
{
    Annotation a;
    a.id = newAnnotationId();
    a.document = QStringLiteral("frus1961-63v09/d317");
    a.selector = TextSelector{QString(), QStringLiteral("sharpened and intensified"), QStringLiteral("the "),
                              QStringLiteral(" rivalry"), 100 + i, 125 + i};
    a.color = defaultAnnotationColor();
    a.note = QStringLiteral("%1's note %2").arg(role).arg(i);
    a.author = role;
    a.created = a.modified = QDateTime::currentDateTimeUtc();
    return a;
}

class Client {
public:
    Client(AnnotationDatabase local, QString address) : m_local(std::move(local)), m_address(std::move(address)) {}

    // One sync; a failure (the server restarting) drops the connection, to be made again next time.
    std::optional<SyncReport> sync()
    {
        if (!m_server || !m_server->isOpen()) {
            auto server = TeamConnection::open(m_address);
            if (!server) {
                ++m_failures;
                return std::nullopt;
            }
            m_server = std::move(*server);
        }
        QElapsedTimer timer;
        timer.start();
        Result<SyncReport> report = syncWithTeam(*m_local.database, *m_server);
        if (!report) {
            ++m_failures;
            m_lastError = report.error().toString();
            m_server.reset();
            return std::nullopt;
        }
        m_latencies.append(double(timer.nsecsElapsed()) / 1e6);
        return *report;
    }

    // Until a sync succeeds.
    SyncReport syncSurely()
    {
        for (;;) {
            if (std::optional<SyncReport> report = sync())
                return *report;
            QThread::msleep(200);
        }
    }

    AnnotationStore &store() { return *m_local.store; }
    QJsonArray latencies() const { return m_latencies; }
    int failures() const { return m_failures; }
    QString lastError() const { return m_lastError; }

    // md5 of "id|note\n" for every annotation, by id: what the script compares with the server's.
    QString checksum()
    {
        auto all = store().all();
        if (!all)
            return {};
        std::vector<Annotation> sorted = *all;
        std::sort(sorted.begin(), sorted.end(), [](const Annotation &a, const Annotation &b) { return a.id < b.id; });
        QCryptographicHash hash(QCryptographicHash::Md5);
        for (const Annotation &a : sorted)
            hash.addData((a.id + QLatin1Char('|') + a.note + QLatin1Char('\n')).toUtf8());
        return QString::fromLatin1(hash.result().toHex());
    }

private:
    AnnotationDatabase m_local;
    QString m_address;
    std::unique_ptr<TeamConnection> m_server;
    QJsonArray m_latencies;
    int m_failures = 0;
    QString m_lastError;
};

int edit(const QStringList &args, QTextStream &out, QTextStream &err)
{
    auto local = AnnotationDatabase::open(option(args, QStringLiteral("--db")));
    if (!local) {
        err << local.error().toString() << Qt::endl;
        return 1;
    }
    const QString role = option(args, QStringLiteral("--role"));
    const int count = option(args, QStringLiteral("--count"), QStringLiteral("1000")).toInt();
    const QString readyDir = option(args, QStringLiteral("--ready"));
    const int clients = option(args, QStringLiteral("--clients"), QStringLiteral("1")).toInt();
    QRandomGenerator random(option(args, QStringLiteral("--seed"), QStringLiteral("1")).toUInt());
    Client client(std::move(*local), option(args, QStringLiteral("--team")));

    std::vector<Annotation> mine;
    int changes = 0;
    for (int i = 0; i < count; ++i) {
        Annotation a = newAnnotation(i, role);
        if (auto added = client.store().add(a); !added) {
            err << added.error().toString() << Qt::endl;
            return 1;
        }
        mine.push_back(a);
        ++changes;
        const int dice = int(random.bounded(10));
        if (dice < 3 && mine.size() > 1) {
            Annotation &edited = mine[random.bounded(quint32(mine.size()))];
            edited.note += QStringLiteral(" (revised)");
            edited.modified = QDateTime::currentDateTimeUtc();
            if (auto done = client.store().update(edited); !done) {
                err << done.error().toString() << Qt::endl;
                return 1;
            }
            ++changes;
        } else if (dice == 3 && mine.size() > 1) {
            const std::size_t at = random.bounded(quint32(mine.size()));
            if (auto done = client.store().remove(mine[at].id); !done) {
                err << done.error().toString() << Qt::endl;
                return 1;
            }
            mine.erase(mine.begin() + qsizetype(at));
            ++changes;
        }
        if (changes >= 10) {
            client.sync();
            changes = 0;
        }
    }
    client.syncSurely();
    QFile mark(QDir(readyDir).filePath(role));
    mark.open(QIODevice::WriteOnly);
    mark.close();
    while (int(QDir(readyDir).entryList(QDir::Files).size()) < clients)
        QThread::msleep(100);
    // Everyone is done writing: two syncs in a row that move nothing mean this copy is the server's.
    int quiet = 0;
    while (quiet < 2) {
        const SyncReport report = client.syncSurely();
        quiet = report.pushed == 0 && report.pulled == 0 ? quiet + 1 : 0;
    }
    auto all = client.store().all();
    out << QJsonDocument(QJsonObject{{QStringLiteral("role"), role},
                                     {QStringLiteral("latenciesMs"), client.latencies()},
                                     {QStringLiteral("failures"), client.failures()},
                                     {QStringLiteral("lastError"), client.lastError()},
                                     {QStringLiteral("annotations"), all ? int(all->size()) : -1},
                                     {QStringLiteral("own"), int(mine.size())},
                                     {QStringLiteral("checksum"), client.checksum()}})
               .toJson(QJsonDocument::Compact)
        << Qt::endl;
    return 0;
}

int seed(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString dbPath = option(args, QStringLiteral("--db"));
    const int count = option(args, QStringLiteral("--count"), QStringLiteral("100000")).toInt();
    auto local = AnnotationDatabase::open(dbPath);
    if (!local) {
        err << local.error().toString() << Qt::endl;
        return 1;
    }
    std::vector<Annotation> many;
    many.reserve(std::size_t(count));
    for (int i = 0; i < count; ++i)
        many.push_back(newAnnotation(i, QStringLiteral("seed")));
    if (auto merged = local->store->merge(many); !merged) {
        err << merged.error().toString() << Qt::endl;
        return 1;
    }
    Client pusher(std::move(*local), option(args, QStringLiteral("--team")));
    QElapsedTimer timer;
    timer.start();
    const SyncReport pushed = pusher.syncSurely();
    const double pushSeconds = double(timer.nsecsElapsed()) / 1e9;

    auto fresh = AnnotationDatabase::open(dbPath + QStringLiteral(".new-machine"));
    if (!fresh) {
        err << fresh.error().toString() << Qt::endl;
        return 1;
    }
    Client puller(std::move(*fresh), option(args, QStringLiteral("--team")));
    timer.restart();
    const SyncReport pulled = puller.syncSurely();
    const double pullSeconds = double(timer.nsecsElapsed()) / 1e9;
    out << QJsonDocument(QJsonObject{{QStringLiteral("pushed"), pushed.pushed},
                                     {QStringLiteral("pushSeconds"), pushSeconds},
                                     {QStringLiteral("pulled"), pulled.pulled},
                                     {QStringLiteral("firstSyncSeconds"), pullSeconds}})
               .toJson(QJsonDocument::Compact)
        << Qt::endl;
    return pushed.pushed == count && pulled.pulled == count ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList args = app.arguments();
    const QString mode = args.value(1);
    if (mode == QLatin1String("edit"))
        return edit(args, out, err);
    if (mode == QLatin1String("seed"))
        return seed(args, out, err);
    err << "usage: marginalia_team_client edit|seed --db FILE --team URI ..." << Qt::endl;
    return 2;
}

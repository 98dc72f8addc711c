#include "teamsync.h"

#include "annotationrows.h"
#include "syncledger.h"
#include "tagsync.h"
#include "teamconnection.h"
#include "teamserver.h"
#include "teamtransaction.h"
#include "util/translate.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <unordered_map>

namespace marginalia {

namespace {

// Changes go to the server in parts of this many, all in one transaction: one part's JSON stays a few
// hundred KB however many changes are waiting.
constexpr std::size_t PushPart = 1000;

const QString TeamKey = QStringLiteral("team");
const QString TeamIdKey = QStringLiteral("team_id");
const QString ServerVersionKey = QStringLiteral("server_version");

QJsonValue nullable(const QString &text)
{
    return text.isNull() ? QJsonValue() : QJsonValue(text);
}

QJsonObject changeJson(const PendingChange &change)
{
    QJsonObject json{{QStringLiteral("id"), change.id}, {QStringLiteral("base"), change.baseVersion}};
    if (change.deleted || !change.annotation) {
        json.insert(QStringLiteral("deleted"), true);
        json.insert(QStringLiteral("modified"), storedTime(change.changed));
        return json;
    }
    const Annotation &a = *change.annotation;
    json.insert(QStringLiteral("document"), a.document);
    json.insert(QStringLiteral("footnote"), a.selector.footnote);
    json.insert(QStringLiteral("exact"), nullable(a.selector.exact));
    json.insert(QStringLiteral("prefix"), nullable(a.selector.prefix));
    json.insert(QStringLiteral("suffix"), nullable(a.selector.suffix));
    json.insert(QStringLiteral("start"), a.selector.start);
    json.insert(QStringLiteral("end"), a.selector.end);
    json.insert(QStringLiteral("color"), nullable(a.color));
    json.insert(QStringLiteral("note"), nullable(a.note));
    json.insert(QStringLiteral("tags"), QJsonArray::fromStringList(a.tags));
    json.insert(QStringLiteral("interchange"), a.interchange);
    json.insert(QStringLiteral("created"), storedTime(a.created));
    json.insert(QStringLiteral("modified"), storedTime(a.modified.isValid() ? a.modified : change.changed));
    return json;
}

// A row of marginalia.annotations as to_jsonb() writes it.
TeamRow rowFrom(const QJsonObject &json)
{
    TeamRow row;
    Annotation &a = row.annotation;
    a.id = json.value(QStringLiteral("id")).toString();
    a.document = json.value(QStringLiteral("document")).toString();
    a.selector.footnote = json.value(QStringLiteral("footnote")).toString();
    a.selector.exact = json.value(QStringLiteral("exact")).toString();
    a.selector.prefix = json.value(QStringLiteral("prefix")).toString();
    a.selector.suffix = json.value(QStringLiteral("suffix")).toString();
    a.selector.start = json.value(QStringLiteral("start")).toInt();
    a.selector.end = json.value(QStringLiteral("end")).toInt();
    a.color = json.value(QStringLiteral("color")).toString();
    a.note = json.value(QStringLiteral("note")).toString();
    for (const QJsonValue &tag : json.value(QStringLiteral("tags")).toArray())
        a.tags << tag.toString();
    a.interchange = json.value(QStringLiteral("interchange")).toString();
    a.author = json.value(QStringLiteral("author")).toString();
    a.created = teamServerTime(json.value(QStringLiteral("created")).toString());
    a.modified = teamServerTime(json.value(QStringLiteral("modified")).toString());
    row.deleted = json.value(QStringLiteral("deleted")).toBool();
    row.version = json.value(QStringLiteral("version")).toInteger();
    return row;
}

// The columns pulledRow() reads, typed rather than as to_jsonb() text: a first sync of 100,000 rows spent
// a second on the server writing JSON and as long again here parsing it. Times come as milliseconds
// since the epoch, rounded as teamServerTime() rounds the text's fraction; tags stay JSON (an array of
// any strings, most often empty).
QString selectPulledRows()
{
    return QStringLiteral("SELECT a.id, a.document, a.footnote, a.exact, a.prefix, a.suffix, a.start, a.\"end\", a.color,"
                          " a.note, a.tags::text, a.interchange, a.author::text,"
                          " (extract(epoch FROM a.created) * 1000)::bigint, (extract(epoch FROM a.modified) * 1000)::bigint,"
                          " a.deleted, a.version"
                          " FROM marginalia.annotations a WHERE a.version > ? AND a.version <= ? ORDER BY a.version");
}

QDateTime timeFromMilliseconds(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

// A row of selectPulledRows(), as rowFrom() reads the same row's JSON.
TeamRow pulledRow(const QSqlQuery &query)
{
    TeamRow row;
    Annotation &a = row.annotation;
    a.id = query.value(0).toString();
    a.document = query.value(1).toString();
    a.selector.footnote = query.value(2).toString();
    a.selector.exact = query.value(3).toString();
    a.selector.prefix = query.value(4).toString();
    a.selector.suffix = query.value(5).toString();
    a.selector.start = query.value(6).toInt();
    a.selector.end = query.value(7).toInt();
    a.color = query.value(8).toString();
    a.note = query.value(9).toString();
    const QString tags = query.value(10).toString();
    if (tags != QLatin1String("[]")) {
        for (const QJsonValue &tag : QJsonDocument::fromJson(tags.toUtf8()).array())
            a.tags << tag.toString();
    }
    a.interchange = query.value(11).toString();
    a.author = query.value(12).toString();
    a.created = timeFromMilliseconds(query.value(13));
    a.modified = timeFromMilliseconds(query.value(14));
    row.deleted = query.value(15).toBool();
    row.version = query.value(16).toLongLong();
    return row;
}

struct PushOutcome {
    std::vector<std::pair<PendingChange, TeamRow>> taken;   // pushed, won, or a deletion the server never needed
    std::vector<HistoryEntry> replacedOnServer;             // what the won ones wrote over
    std::vector<std::pair<PendingChange, TeamRow>> lost;    // the server's row is newer
    std::vector<std::pair<PendingChange, TeamRow>> refused; // another member's row
    qint64 version = 0;                                     // the version this push wrote
};

Result<PushOutcome> push(TeamConnection &server, std::vector<PendingChange> pending)
{
    PushOutcome outcome;
    if (pending.empty())
        return outcome;
    std::unordered_map<QString, std::size_t> byId;
    for (std::size_t i = 0; i < pending.size(); ++i)
        byId[pending[i].id] = i;
    TeamTransaction transaction(server);
    if (auto begun = transaction.begin(); !begun)
        return fail(begun.error());
    QSqlQuery call(server.connection());
    call.setForwardOnly(true);
    if (!call.prepare(QStringLiteral("SELECT r::text FROM marginalia.push(?::jsonb) r")))
        return fail(teamServerError(server, call.lastError()));
    std::vector<QJsonObject> answers;
    for (std::size_t from = 0; from < pending.size(); from += PushPart) {
        QJsonArray changes;
        for (std::size_t i = from; i < std::min(pending.size(), from + PushPart); ++i)
            changes.append(changeJson(pending[i]));
        call.addBindValue(QString::fromUtf8(QJsonDocument(changes).toJson(QJsonDocument::Compact)));
        if (!call.exec())
            return fail(teamServerError(server, call.lastError()));
        while (call.next())
            answers.push_back(QJsonDocument::fromJson(call.value(0).toString().toUtf8()).object());
    }
    if (auto committed = transaction.commit(); !committed)
        return fail(committed.error());
    for (const QJsonObject &answer : answers) {
        auto found = byId.find(answer.value(QStringLiteral("id")).toString());
        if (found == byId.end())
            continue;
        const PendingChange &change = pending[found->second];
        const QString kind = answer.value(QStringLiteral("outcome")).toString();
        TeamRow row = rowFrom(answer.value(QStringLiteral("row")).toObject());
        if (kind == QLatin1String("gone")) {
            row.annotation.id = change.id;
            row.deleted = true;
            outcome.taken.emplace_back(change, row);
        } else if (kind == QLatin1String("pushed") || kind == QLatin1String("won")) {
            outcome.version = row.version;
            if (kind == QLatin1String("won")) {
                const TeamRow before = rowFrom(answer.value(QStringLiteral("before")).toObject());
                outcome.replacedOnServer.push_back(
                    HistoryEntry{before.annotation.id, before.annotation.note, before.annotation.color,
                                 before.annotation.tags, before.annotation.author, before.annotation.modified,
                                 QDateTime::currentDateTimeUtc(),
                                 Tr::tr("replaced on the team server by a newer edit made here")});
            }
            outcome.taken.emplace_back(change, std::move(row));
        } else if (kind == QLatin1String("lost")) {
            outcome.lost.emplace_back(change, std::move(row));
        } else {
            outcome.refused.emplace_back(change, std::move(row));
        }
    }
    return outcome;
}

struct Pulled {
    std::vector<TeamRow> rows;
    std::vector<TeamTag> tags;
    qint64 serverVersion = 0;
};

// Reads the annotations (and, from a server that keeps them, the tags) newer than `since`.
Result<Pulled> pull(TeamConnection &server, qint64 since, bool withTags)
{
    Pulled pulled;
    TeamTransaction transaction(server);
    // One snapshot: the counter and the rows it covers are read as of the same moment.
    if (auto begun = transaction.begin(QStringLiteral("ISOLATION LEVEL REPEATABLE READ, READ ONLY")); !begun)
        return fail(begun.error());
    QSqlQuery query(server.connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT version FROM marginalia.library WHERE id = 1")) || !query.next())
        return fail(teamServerError(server, query.lastError()));
    pulled.serverVersion = query.value(0).toLongLong();
    if (pulled.serverVersion < since)
        since = 0; // the team's database was restored from an older backup: read it all again
    if (!query.prepare(selectPulledRows()))
        return fail(teamServerError(server, query.lastError()));
    query.addBindValue(since);
    query.addBindValue(pulled.serverVersion);
    if (!query.exec())
        return fail(teamServerError(server, query.lastError()));
    while (query.next())
        pulled.rows.push_back(pulledRow(query));
    if (withTags) {
        Result<std::vector<TeamTag>> tags = readTeamTags(server, since, pulled.serverVersion);
        if (!tags)
            return fail(tags.error());
        pulled.tags = std::move(*tags);
    }
    if (auto committed = transaction.commit(); !committed)
        return fail(committed.error());
    return pulled;
}

} // namespace

Result<SyncReport> syncWithTeam(Database &local, TeamConnection &server)
{
    Result<TeamInfo> info = readTeamInfo(server);
    if (!info)
        return fail(info.error());
    if (!info->member)
        return fail(notAMember(server, *info));
    SyncLedger ledger(local);
    Result<QString> knownTeam = ledger.state(TeamIdKey);
    if (!knownTeam)
        return fail(knownTeam.error());
    if (*knownTeam != info->teamId) {
        // Another team's server, or this team's made anew: what was known of the old one means nothing.
        if (!knownTeam->isEmpty()) {
            if (auto forgotten = ledger.forgetTeam(); !forgotten)
                return fail(forgotten.error());
        }
        if (auto stored = ledger.setState(TeamIdKey, info->teamId); !stored)
            return fail(stored.error());
    }

    SyncReport report;
    report.role = server.role();
    report.group = info->group;
    Result<std::vector<PendingChange>> pending = ledger.pending();
    if (!pending)
        return fail(pending.error());
    Result<PushOutcome> pushed = push(server, std::move(*pending));
    if (!pushed)
        return fail(pushed.error());
    if (auto marked = ledger.markPushed(pushed->taken, pushed->replacedOnServer); !marked)
        return fail(marked.error());
    if (auto marked = ledger.markLost(pushed->lost, Tr::tr("replaced by a newer edit from the team server")); !marked)
        return fail(marked.error());
    if (auto marked = ledger.markLost(pushed->refused, Tr::tr("only its author may change it")); !marked)
        return fail(marked.error());
    for (const auto &[change, row] : pushed->taken)
        report.pushed += row.version > 0 ? 1 : 0;
    report.conflicts += int(pushed->replacedOnServer.size() + pushed->lost.size() + pushed->refused.size());

    // Tag colours: pushed after the annotations; the ones the server kept its own colour for come back.
    const bool withTags = info->schemaVersion >= TeamTagsSchemaVersion;
    TagLedger tags(local);
    std::vector<TeamTag> keptTags;
    if (withTags) {
        Result<std::vector<PendingTag>> pendingTags = tags.pending();
        if (!pendingTags)
            return fail(pendingTags.error());
        Result<TagPushOutcome> pushedTags = pushTags(server, *pendingTags);
        if (!pushedTags)
            return fail(pushedTags.error());
        if (auto marked = tags.markPushed(*pendingTags); !marked)
            return fail(marked.error());
        report.tagsPushed = pushedTags->pushed;
        keptTags = std::move(pushedTags->kept);
    }

    Result<QString> since = ledger.state(ServerVersionKey);
    if (!since)
        return fail(since.error());
    Result<Pulled> pulled = pull(server, since->toLongLong(), withTags);
    if (!pulled)
        return fail(pulled.error());
    // Before the version read is recorded, so a sync cut off here reads the tags again.
    keptTags.insert(keptTags.end(), pulled->tags.begin(), pulled->tags.end());
    Result<int> tagsApplied = tags.apply(keptTags);
    if (!tagsApplied)
        return fail(tagsApplied.error());
    report.tagsPulled = *tagsApplied;
    Result<LedgerCounts> applied = ledger.applyPulled(pulled->rows, pushed->version, pulled->serverVersion);
    if (!applied)
        return fail(applied.error());
    report.pulled = applied->applied;
    report.changedDocuments = applied->documents;
    for (const auto *lost : {&pushed->lost, &pushed->refused}) {
        for (const auto &[change, row] : *lost) {
            if (!report.changedDocuments.contains(row.annotation.document))
                report.changedDocuments << row.annotation.document;
        }
    }
    report.conflicts += applied->conflicts;
    report.serverVersion = pulled->serverVersion;
    return report;
}

Result<QString> rememberedTeam(Database &local)
{
    return SyncLedger(local).state(TeamKey);
}

Result<void> rememberTeam(Database &local, const QString &address)
{
    return SyncLedger(local).setState(TeamKey, address);
}

} // namespace marginalia

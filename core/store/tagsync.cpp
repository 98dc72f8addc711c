#include "tagsync.h"

#include "annotationrows.h"
#include "statement.h"
#include "syncapplying.h"
#include "teamconnection.h"
#include "teamtransaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace marginalia {

namespace {

TeamTag tagFrom(const QJsonObject &json)
{
    return TeamTag{json.value(QStringLiteral("folded")).toString(), json.value(QStringLiteral("name")).toString(),
                   json.value(QStringLiteral("color")).toString(),
                   teamServerTime(json.value(QStringLiteral("modified")).toString()),
                   json.value(QStringLiteral("version")).toInteger()};
}

} // namespace

TagLedger::TagLedger(Database &db) : m_db(db) {}

Result<std::vector<PendingTag>> TagLedger::pending() const
{
    Statement query(m_db, QStringLiteral("SELECT c.seq, t.folded, t.name, t.color, c.changed FROM sync_tag_changes c"
                                         " JOIN tags t ON t.folded = c.folded WHERE t.color IS NOT NULL ORDER BY c.seq"));
    if (auto done = query.exec(); !done)
        return fail(done.error());
    std::vector<PendingTag> tags;
    while (query.next())
        tags.push_back({query.value(0).toLongLong(), query.text(1), query.text(2), query.text(3), readStoredTime(query.text(4))});
    return tags;
}

Result<void> TagLedger::markPushed(const std::vector<PendingTag> &pushed)
{
    return m_db.transaction([&]() -> Result<void> {
        Statement done(m_db, QStringLiteral("DELETE FROM sync_tag_changes WHERE folded = ? AND seq <= ?"));
        for (const PendingTag &tag : pushed) {
            if (auto deleted = done.exec({tag.folded, tag.seq}); !deleted)
                return deleted;
        }
        return {};
    });
}

Result<int> TagLedger::apply(const std::vector<TeamTag> &tags)
{
    int changed = 0;
    auto done = applyingSync(m_db, [&]() -> Result<void> {
        Statement waiting(m_db, QStringLiteral("SELECT 1 FROM sync_tag_changes WHERE folded = ?"));
        // Added, or changed where it differs; a tag already as the server has it is left (no change counted).
        Statement write(m_db, QStringLiteral("INSERT INTO tags (name, folded, color) VALUES (?, ?, ?)"
                                             " ON CONFLICT (folded) DO UPDATE SET name = excluded.name, color = excluded.color"
                                             " WHERE name IS NOT excluded.name OR color IS NOT excluded.color"));
        for (const TeamTag &tag : tags) {
            if (auto asked = waiting.exec({tag.folded}); !asked)
                return asked;
            if (waiting.next())
                continue; // changed here since: the next push decides
            if (auto written = write.exec({tag.name, tag.folded, tag.color}); !written)
                return written;
            changed += write.rowsAffected() > 0 ? 1 : 0;
        }
        return {};
    });
    if (!done)
        return fail(done.error());
    return changed;
}

Result<TagPushOutcome> pushTags(TeamConnection &server, const std::vector<PendingTag> &pending)
{
    TagPushOutcome outcome;
    if (pending.empty())
        return outcome;
    QJsonArray changes;
    for (const PendingTag &tag : pending)
        changes.append(QJsonObject{{QStringLiteral("folded"), tag.folded},
                                   {QStringLiteral("name"), tag.name},
                                   {QStringLiteral("color"), tag.color},
                                   {QStringLiteral("modified"), storedTime(tag.changed)}});
    TeamTransaction transaction(server);
    if (auto begun = transaction.begin(); !begun)
        return fail(begun.error());
    QSqlQuery call(server.connection());
    call.setForwardOnly(true);
    if (!call.prepare(QStringLiteral("SELECT r::text FROM marginalia.push_tags(?::jsonb) r")))
        return fail(teamServerError(server, call.lastError()));
    call.addBindValue(QString::fromUtf8(QJsonDocument(changes).toJson(QJsonDocument::Compact)));
    if (!call.exec())
        return fail(teamServerError(server, call.lastError()));
    std::vector<QJsonObject> answers;
    while (call.next())
        answers.push_back(QJsonDocument::fromJson(call.value(0).toString().toUtf8()).object());
    if (auto committed = transaction.commit(); !committed)
        return fail(committed.error());
    for (const QJsonObject &answer : answers) {
        if (answer.value(QStringLiteral("outcome")).toString() == QLatin1String("pushed"))
            ++outcome.pushed;
        else
            outcome.kept.push_back(tagFrom(answer.value(QStringLiteral("row")).toObject()));
    }
    return outcome;
}

Result<std::vector<TeamTag>> readTeamTags(TeamConnection &server, qint64 since, qint64 upTo)
{
    QSqlQuery query(server.connection());
    query.setForwardOnly(true);
    if (!query.prepare(QStringLiteral("SELECT to_jsonb(t)::text FROM marginalia.tags t"
                                      " WHERE t.version > ? AND t.version <= ? ORDER BY t.version")))
        return fail(teamServerError(server, query.lastError()));
    query.addBindValue(since);
    query.addBindValue(upTo);
    if (!query.exec())
        return fail(teamServerError(server, query.lastError()));
    std::vector<TeamTag> tags;
    while (query.next())
        tags.push_back(tagFrom(QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object()));
    return tags;
}

} // namespace marginalia

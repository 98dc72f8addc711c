// Team sync against a real PostgreSQL 15 server (the TeamServer fixture's throwaway cluster): members
// with passwords, row-level security, restarts and a server that goes away.

#include "store/annotationdatabase.h"
#include "store/annotationrows.h"
#include "store/annotationstore.h"
#include "store/statement.h"
#include "store/syncledger.h"
#include "store/teamconnection.h"
#include "store/teamschema.h"
#include "store/teamserver.h"
#include "store/teamsync.h"
#include "storetesting.h"
#include "support/teamcluster.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <thread>

namespace marginalia {
namespace {

using test::sampleAnnotation;
using test::TeamCluster;

const QString D317 = QStringLiteral("frus1961-63v09/d317");

std::string text(const Error &error)
{
    return error.toString().toStdString();
}

// One member's machine: an annotation database of its own and the member's role on the server.
struct Member {
    QString role;
    QString address;
    AnnotationDatabase local;

    AnnotationStore &store() { return *local.store; }

    Result<SyncReport> sync()
    {
        Result<std::unique_ptr<TeamConnection>> server = TeamConnection::open(address);
        if (!server)
            return fail(server.error());
        return syncWithTeam(*local.database, **server);
    }

    Annotation add(const QString &note, int start = 10)
    {
        Annotation a = sampleAnnotation(D317, start, QStringLiteral("sharpened and intensified"));
        a.note = note;
        a.author = role;
        a.created = a.modified = QDateTime::currentDateTimeUtc();
        const Result<void> done = store().add(a);
        EXPECT_TRUE(done) << text(done.error());
        return a;
    }

    void edit(Annotation a, const QString &note, const QDateTime &when = QDateTime::currentDateTimeUtc())
    {
        a.note = note;
        a.modified = when;
        const Result<void> done = store().update(a);
        EXPECT_TRUE(done) << text(done.error());
    }

    std::optional<Annotation> find(const QString &id)
    {
        auto found = store().find(id);
        EXPECT_TRUE(found) << text(found.error());
        return found ? *found : std::nullopt;
    }

    // id → (note, author, tags) of every annotation here.
    std::map<QString, QString> contents()
    {
        std::map<QString, QString> all;
        auto annotations = store().all();
        EXPECT_TRUE(annotations) << text(annotations.error());
        if (annotations) {
            for (const Annotation &a : *annotations)
                all[a.id] = a.note + QLatin1Char('|') + a.author + QLatin1Char('|') + a.tags.join(QLatin1Char(','))
                    + QLatin1Char('|') + a.color;
        }
        return all;
    }
};

class TeamSyncTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(cluster().isReady()) << cluster().problem().toStdString();
        const QString name = QString::fromLatin1(::testing::UnitTest::GetInstance()->current_test_info()->name())
                                 .toLower()
                                 .left(40);
        m_database = QStringLiteral("team_") + name;
        m_group = QStringLiteral("group_") + name;
        ASSERT_TRUE(cluster().freshDatabase(m_database));
        for (const char *role : {"alice", "bob", "carol"})
            ASSERT_TRUE(cluster().setPassword(QString::fromLatin1(role), QStringLiteral("pw-") + QLatin1String(role)));
        auto admin = adminConnection();
        ASSERT_TRUE(admin) << text(admin.error());
        auto team = initTeam(**admin, m_group);
        ASSERT_TRUE(team) << text(team.error());
        for (const char *role : {"alice", "bob"}) {
            auto added = addTeamMember(**admin, QString::fromLatin1(role), {});
            ASSERT_TRUE(added) << text(added.error());
        }
    }

    static TeamCluster &cluster() { return TeamCluster::instance(); }

    Result<std::unique_ptr<TeamConnection>> adminConnection()
    {
        return TeamConnection::open(cluster().adminAddress(m_database));
    }

    Member member(const QString &role, const QString &device = {})
    {
        Member m;
        m.role = role;
        m.address = cluster().address(role, m_database);
        auto local = AnnotationDatabase::open(m_dir.filePath(role + device + QStringLiteral(".sqlite")));
        EXPECT_TRUE(local) << text(local.error());
        if (local)
            m.local = std::move(*local);
        return m;
    }

    test::PsqlRun psql(const QString &role, const QString &sql) { return cluster().psql(role, m_database, sql); }

    static SyncReport synced(Member &m)
    {
        Result<SyncReport> report = m.sync();
        EXPECT_TRUE(report) << m.role.toStdString() << ": " << text(report.error());
        return report ? *report : SyncReport{};
    }

    QTemporaryDir m_dir;
    QString m_database;
    QString m_group;
};

TEST_F(TeamSyncTest, InitRunAgainChangesNothingAndKeepsTheTeamsGroup)
{
    auto admin = adminConnection();
    ASSERT_TRUE(admin);
    auto first = readTeamInfo(**admin);
    ASSERT_TRUE(first) << text(first.error());
    auto again = initTeam(**admin, {});
    ASSERT_TRUE(again) << text(again.error());
    EXPECT_EQ(again->teamId, first->teamId);
    EXPECT_EQ(again->group, m_group);
    auto other = initTeam(**admin, QStringLiteral("another_group"));
    ASSERT_FALSE(other);
    EXPECT_TRUE(other.error().message.contains(m_group)) << text(other.error());
}

TEST_F(TeamSyncTest, TwoMembersConvergeAfterConcurrentEdits)
{
    Member alice = member(QStringLiteral("alice"));
    Member bob = member(QStringLiteral("bob"));
    const Annotation a1 = alice.add(QStringLiteral("Alice's first"), 10);
    const Annotation a2 = alice.add(QStringLiteral("Alice's second"), 40);
    const Annotation b1 = bob.add(QStringLiteral("Bob's first"), 70);
    SyncReport report = synced(alice);
    EXPECT_EQ(report.pushed, 2);
    EXPECT_EQ(report.pulled, 0);
    report = synced(bob);
    EXPECT_EQ(report.pushed, 1);
    EXPECT_EQ(report.pulled, 2);
    EXPECT_EQ(synced(alice).pulled, 1);

    // Both edit and delete at once, each their own, before either syncs again.
    alice.edit(a1, QStringLiteral("Alice's first, revised"));
    ASSERT_TRUE(alice.store().remove(a2.id));
    bob.edit(b1, QStringLiteral("Bob's first, revised"));
    const Annotation b2 = bob.add(QStringLiteral("Bob's second"), 100);
    synced(bob);
    synced(alice);
    const SyncReport last = synced(bob);

    EXPECT_EQ(alice.contents(), bob.contents());
    EXPECT_EQ(alice.contents().size(), 3u);
    EXPECT_FALSE(bob.find(a2.id).has_value());
    ASSERT_TRUE(alice.find(b2.id).has_value());
    EXPECT_EQ(alice.find(b2.id)->author, QStringLiteral("bob"));
    EXPECT_EQ(bob.find(a1.id)->note, QStringLiteral("Alice's first, revised"));
    EXPECT_EQ(last.conflicts, 0);
    // The server holds the same: three live rows and one tombstone.
    EXPECT_EQ(psql({}, QStringLiteral("SELECT count(*) FILTER (WHERE NOT deleted) || ' ' || count(*) FILTER (WHERE deleted)"
                                      " FROM marginalia.annotations"))
                  .out,
              QStringLiteral("3 1"));
}

TEST_F(TeamSyncTest, OneMembersTwoMachinesNewerEditWinsAndTheLoserIsKept)
{
    Member desk = member(QStringLiteral("alice"), QStringLiteral("-desk"));
    Member laptop = member(QStringLiteral("alice"), QStringLiteral("-laptop"));
    const Annotation a = desk.add(QStringLiteral("first thoughts"));
    synced(desk);
    synced(laptop);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    desk.edit(a, QStringLiteral("the desk's older edit"), now.addSecs(-60));
    laptop.edit(a, QStringLiteral("the laptop's newer edit"), now);
    synced(laptop);
    const SyncReport report = synced(desk);
    EXPECT_EQ(report.conflicts, 1);
    EXPECT_EQ(desk.find(a.id)->note, QStringLiteral("the laptop's newer edit"));
    EXPECT_EQ(laptop.find(a.id)->note, QStringLiteral("the laptop's newer edit"));
    auto history = SyncLedger(*desk.local.database).history(a.id);
    ASSERT_TRUE(history) << text(history.error());
    ASSERT_EQ(history->size(), 1u);
    EXPECT_EQ(history->front().note, QStringLiteral("the desk's older edit"));

    // And the other way round: the newer edit pushed second replaces the server's, which is kept.
    laptop.edit(*laptop.find(a.id), QStringLiteral("laptop, older"), now.addSecs(10));
    desk.edit(*desk.find(a.id), QStringLiteral("desk, newer"), now.addSecs(20));
    synced(laptop);
    EXPECT_EQ(synced(desk).conflicts, 1);
    synced(laptop);
    EXPECT_EQ(laptop.find(a.id)->note, QStringLiteral("desk, newer"));
    history = SyncLedger(*desk.local.database).history(a.id);
    ASSERT_TRUE(history);
    ASSERT_EQ(history->size(), 2u);
    EXPECT_EQ(history->back().note, QStringLiteral("laptop, older"));
}

TEST_F(TeamSyncTest, AMemberCannotChangeOrDeleteAnothersAnnotationEvenWithSql)
{
    Member alice = member(QStringLiteral("alice"));
    const Annotation a = alice.add(QStringLiteral("Alice's own"));
    synced(alice);
    const QString where = QStringLiteral(" WHERE id = '%1'").arg(a.id);

    test::PsqlRun changed = psql(QStringLiteral("bob"), QStringLiteral("UPDATE marginalia.annotations SET note = 'defaced'") + where);
    EXPECT_EQ(changed.exitCode, 0) << changed.err.toStdString();
    test::PsqlRun taken = psql(QStringLiteral("bob"), QStringLiteral("UPDATE marginalia.annotations SET author = 'bob'") + where);
    EXPECT_EQ(taken.exitCode, 0) << taken.err.toStdString();
    test::PsqlRun deleted = psql(QStringLiteral("bob"), QStringLiteral("DELETE FROM marginalia.annotations") + where);
    EXPECT_NE(deleted.exitCode, 0);
    EXPECT_TRUE(deleted.err.contains(QLatin1String("permission denied"))) << deleted.err.toStdString();
    test::PsqlRun tombstone = psql(QStringLiteral("bob"), QStringLiteral("UPDATE marginalia.annotations SET deleted = true") + where);
    EXPECT_EQ(tombstone.exitCode, 0);

    EXPECT_EQ(psql({}, QStringLiteral("SELECT note || '|' || author || '|' || deleted FROM marginalia.annotations") + where).out,
              QStringLiteral("Alice's own|alice|false"));
    // Bob reads it all the same.
    EXPECT_EQ(psql(QStringLiteral("bob"), QStringLiteral("SELECT note FROM marginalia.annotations") + where).out,
              QStringLiteral("Alice's own"));

    // Through the sync, Bob's edit of Alice's annotation is refused and put back.
    Member bob = member(QStringLiteral("bob"));
    synced(bob);
    bob.edit(*bob.find(a.id), QStringLiteral("Bob's edit of Alice's note"));
    const SyncReport report = synced(bob);
    EXPECT_EQ(report.conflicts, 1);
    EXPECT_EQ(bob.find(a.id)->note, QStringLiteral("Alice's own"));
}

TEST_F(TeamSyncTest, AuthorsAreWhoTheServerSaysNotWhatTheClientSends)
{
    test::PsqlRun spoofed = psql(QStringLiteral("bob"),
                                 QStringLiteral("INSERT INTO marginalia.annotations (id, document, author, note, version)"
                                                " VALUES ('spoof', 'frus1961-63v09/d317', 'alice', 'as Alice', 0)"));
    EXPECT_EQ(spoofed.exitCode, 0) << spoofed.err.toStdString();
    EXPECT_EQ(psql({}, QStringLiteral("SELECT author FROM marginalia.annotations WHERE id = 'spoof'")).out,
              QStringLiteral("bob"));

    Member alice = member(QStringLiteral("alice"));
    Annotation a = alice.add(QStringLiteral("written as somebody"));
    a.author = QStringLiteral("somebody else");
    ASSERT_TRUE(alice.store().update(a));
    synced(alice);
    EXPECT_EQ(alice.find(a.id)->author, QStringLiteral("alice"));
    EXPECT_EQ(alice.find(QStringLiteral("spoof"))->author, QStringLiteral("bob"));
}

TEST_F(TeamSyncTest, ANonMemberReadsNothingAndIsToldWhy)
{
    Member alice = member(QStringLiteral("alice"));
    alice.add(QStringLiteral("for the team only"));
    synced(alice);

    test::PsqlRun read = psql(QStringLiteral("carol"), QStringLiteral("SELECT count(*) FROM marginalia.annotations"));
    EXPECT_NE(read.exitCode, 0);
    EXPECT_TRUE(read.err.contains(QLatin1String("permission denied"))) << read.err.toStdString();
    Member carol = member(QStringLiteral("carol"));
    Result<SyncReport> refused = carol.sync();
    ASSERT_FALSE(refused);
    EXPECT_TRUE(refused.error().message.contains(QLatin1String("carol is not a member"))) << text(refused.error());
    EXPECT_TRUE(carol.contents().empty());

    // A member taken out of the team reads nothing from then on.
    auto admin = adminConnection();
    ASSERT_TRUE(admin);
    ASSERT_TRUE(removeTeamMember(**admin, QStringLiteral("bob")));
    Member bob = member(QStringLiteral("bob"));
    EXPECT_FALSE(bob.sync());
    EXPECT_NE(psql(QStringLiteral("bob"), QStringLiteral("SELECT count(*) FROM marginalia.annotations")).exitCode, 0);
}

TEST_F(TeamSyncTest, MembersAreListedWithTheirAnnotationsAndFormerMembersKeepTheirs)
{
    Member alice = member(QStringLiteral("alice"));
    Member bob = member(QStringLiteral("bob"));
    alice.add(QStringLiteral("first"));
    const Annotation gone = alice.add(QStringLiteral("second"), 40);
    alice.add(QStringLiteral("third"), 70);
    ASSERT_TRUE(alice.store().remove(gone.id));
    bob.add(QStringLiteral("bob's"));
    synced(alice);
    synced(bob);

    // Carol is no member: she may not ask.
    auto carolServer = TeamConnection::open(cluster().address(QStringLiteral("carol"), m_database));
    ASSERT_TRUE(carolServer) << text(carolServer.error());
    Result<std::vector<TeamMember>> refused = readTeamMembers(**carolServer);
    ASSERT_FALSE(refused);
    EXPECT_TRUE(refused.error().message.contains(QLatin1String("carol is not a member"))) << text(refused.error());

    auto admin = adminConnection();
    ASSERT_TRUE(admin);
    ASSERT_TRUE(addTeamMember(**admin, QStringLiteral("carol"), {}));
    ASSERT_TRUE(removeTeamMember(**admin, QStringLiteral("bob")));

    auto server = TeamConnection::open(alice.address);
    ASSERT_TRUE(server) << text(server.error());
    Result<std::vector<TeamMember>> members = readTeamMembers(**server);
    ASSERT_TRUE(members) << text(members.error());
    ASSERT_EQ(members->size(), 3u);
    const TeamMember &a = members->at(0);
    const TeamMember &b = members->at(1);
    const TeamMember &c = members->at(2);
    EXPECT_EQ(a.role, QStringLiteral("alice"));
    EXPECT_TRUE(a.member);
    EXPECT_EQ(a.annotations, 2); // the deleted one is not counted
    EXPECT_TRUE(a.lastChange.isValid());
    EXPECT_LE(a.lastChange, QDateTime::currentDateTimeUtc().addSecs(60));
    EXPECT_EQ(b.role, QStringLiteral("bob"));
    EXPECT_FALSE(b.member); // taken out of the group, his annotation stays with his name
    EXPECT_EQ(b.annotations, 1);
    EXPECT_EQ(c.role, QStringLiteral("carol"));
    EXPECT_TRUE(c.member);
    EXPECT_EQ(c.annotations, 0);
    EXPECT_FALSE(c.lastChange.isValid());
}

// Tags carry server versions too: a colour a member chooses reaches the others, the newer choice wins,
// and a tag someone merely used (its colour picked from the palette) never overrides a chosen one.
TEST_F(TeamSyncTest, TagColoursReachEveryMemberAndAChosenColourIsNeverOverriddenByAPaletteOne)
{
    Member alice = member(QStringLiteral("alice"));
    Member bob = member(QStringLiteral("bob"));
    Annotation a = alice.add(QStringLiteral("tagged"));
    a.tags = {QStringLiteral("GATT")};
    ASSERT_TRUE(alice.store().update(a));
    ASSERT_TRUE(alice.store().setTagColor(QStringLiteral("gatt"), QStringLiteral("#C0392B")));
    // Bob tags a passage "GATT" too before he ever synced: his tag gets a palette colour.
    Annotation b = bob.add(QStringLiteral("his"), 40);
    b.tags = {QStringLiteral("GATT"), QStringLiteral("Kennedy Round")};
    ASSERT_TRUE(bob.store().update(b));
    ASSERT_NE(*bob.store().tagColor(QStringLiteral("GATT")), QStringLiteral("#C0392B"));

    const SyncReport first = synced(alice);
    EXPECT_EQ(first.tagsPushed, 1);
    const SyncReport second = synced(bob);
    EXPECT_EQ(second.tagsPushed, 1) << "Kennedy Round was new to the team; GATT already had a chosen colour";
    EXPECT_EQ(*bob.store().tagColor(QStringLiteral("GATT")), QStringLiteral("#C0392B"));
    EXPECT_GE(second.tagsPulled, 1);
    synced(alice);
    EXPECT_EQ(*alice.store().tagColor(QStringLiteral("GATT")), QStringLiteral("#C0392B"));
    EXPECT_EQ(*alice.store().tagColor(QStringLiteral("Kennedy Round")), *bob.store().tagColor(QStringLiteral("Kennedy Round")));

    // Bob chooses another colour later: it wins everywhere.
    ASSERT_TRUE(bob.store().setTagColor(QStringLiteral("GATT"), QStringLiteral("#2E86C1")));
    EXPECT_EQ(synced(bob).tagsPushed, 1);
    const SyncReport third = synced(alice);
    EXPECT_EQ(third.tagsPulled, 1);
    EXPECT_EQ(*alice.store().tagColor(QStringLiteral("GATT")), QStringLiteral("#2E86C1"));
    EXPECT_EQ(synced(alice).tagsPushed, 0) << "what a sync wrote is not pushed back";
    EXPECT_EQ(psql({}, QStringLiteral("SELECT color || ' ' || author::text FROM marginalia.tags WHERE folded = 'gatt'")).out,
              QStringLiteral("#2E86C1 bob"));
}

// A team made by the first version of the server schema keeps syncing its annotations; running team init
// again upgrades it in place, and its tags sync from then on.
TEST_F(TeamSyncTest, AnOlderTeamServerSyncsAnnotationsAndInitUpgradesItToKeepTags)
{
    test::PsqlRun downgraded = psql({}, QStringLiteral("DROP FUNCTION marginalia.push_tags(jsonb);"
                                                       " DROP TABLE marginalia.tags;"
                                                       " DROP FUNCTION marginalia.stamp_tag();"
                                                       " UPDATE marginalia.meta SET value = '1' WHERE key = 'schema_version'"));
    ASSERT_EQ(downgraded.exitCode, 0) << downgraded.err.toStdString();
    Member alice = member(QStringLiteral("alice"));
    Annotation a = alice.add(QStringLiteral("on a version-1 team"));
    a.tags = {QStringLiteral("Berlin")};
    ASSERT_TRUE(alice.store().update(a));
    const SyncReport old = synced(alice);
    EXPECT_EQ(old.pushed, 1);
    EXPECT_EQ(old.tagsPushed, 0);

    auto admin = adminConnection();
    ASSERT_TRUE(admin);
    auto upgraded = initTeam(**admin, {});
    ASSERT_TRUE(upgraded) << text(upgraded.error());
    EXPECT_EQ(upgraded->schemaVersion, currentTeamSchemaVersion());
    EXPECT_EQ(synced(alice).tagsPushed, 1) << "the tag waited here until the server could keep it";
    Member bob = member(QStringLiteral("bob"));
    synced(bob);
    EXPECT_EQ(*bob.store().tagColor(QStringLiteral("Berlin")), *alice.store().tagColor(QStringLiteral("Berlin")));
}

TEST_F(TeamSyncTest, AHostileNoteRoundTripsUnchanged)
{
    Member alice = member(QStringLiteral("alice"));
    QString note = QStringLiteral("He said \"no\" and 'never'; '); DROP TABLE marginalia.annotations; -- \\ \u00e9 "
                                  "\U0001F4DC\U0001F1FA\U0001F1F8 $$ $1 ? :name\n\ttabbed");
    while (note.size() < 100 * 1024)
        note += QStringLiteral(" Ambassador Dillon\u2019s telegram, \u201cquoted\u201d, 1961\u201363.");
    Annotation a = alice.add(note);
    a.tags = {QStringLiteral("Émigré"), QStringLiteral("'; DROP TABLE tags; --"), QStringLiteral("\U0001F4DA")};
    ASSERT_TRUE(alice.store().update(a));
    synced(alice);
    Member bob = member(QStringLiteral("bob"));
    EXPECT_EQ(synced(bob).pulled, 1);
    const std::optional<Annotation> there = bob.find(a.id);
    ASSERT_TRUE(there.has_value());
    EXPECT_EQ(there->note, note);
    EXPECT_EQ(there->tags, a.tags);
    EXPECT_EQ(there->selector, a.selector);
    EXPECT_EQ(there->created, a.created);
    EXPECT_EQ(psql({}, QStringLiteral("SELECT count(*) FROM marginalia.annotations")).out, QStringLiteral("1"));
}

// Issue 14: a pull reads typed columns (times as milliseconds since the epoch), no longer to_jsonb()
// text; each field must arrive as it was written, its NULLs and its empty texts apart.
TEST_F(TeamSyncTest, APulledRowKeepsEveryFieldItsNullsAndItsTimesToTheMillisecond)
{
    Member alice = member(QStringLiteral("alice"));
    Annotation a = sampleAnnotation(D317, 12, QStringLiteral("the \"sharpened\" and 'intensified'"));
    a.selector.footnote = QStringLiteral("d317fn3");
    a.selector.prefix = QString();          // NULL
    a.selector.suffix = QStringLiteral(""); // ''
    a.color = QString();
    a.note = QStringLiteral("Line one\nline \"two\", 'three'; \\ \U0001F4DC\U0001F1FA\U0001F1F8\ttabbed $$ ?");
    a.tags = {QStringLiteral("\u00c9migr\u00e9"), QStringLiteral("\"quoted\", [bracketed]"), QStringLiteral("\U0001F4DA")};
    a.interchange = QStringLiteral("{\"hypothesis\":{\"id\":\"h-1\",\"group\":\"__world__\"}}");
    a.author = QStringLiteral("alice");
    a.created = QDateTime::fromString(QStringLiteral("2024-03-01T10:00:00.125Z"), Qt::ISODateWithMs);
    a.modified = QDateTime::fromString(QStringLiteral("2025-06-30T14:05:59.999Z"), Qt::ISODateWithMs);
    ASSERT_TRUE(alice.store().add(a));
    synced(alice);

    Member bob = member(QStringLiteral("bob"));
    EXPECT_EQ(synced(bob).pulled, 1);
    std::optional<Annotation> there = bob.find(a.id);
    ASSERT_TRUE(there.has_value());
    EXPECT_EQ(*there, a);
    EXPECT_EQ(storedTime(there->modified), QStringLiteral("2025-06-30T14:05:59.999Z"));
    Result<QVariant> kinds = Statement::scalar(*bob.local.database,
                                               QStringLiteral("SELECT (prefix IS NULL) || (suffix = '') || (color IS NULL)"
                                                              " FROM annotations WHERE id = ?"),
                                               {a.id});
    ASSERT_TRUE(kinds) << text(kinds.error());
    EXPECT_EQ(kinds->toString(), QStringLiteral("111"));

    // NULLs the server holds (written there by hand) and a time finer than a millisecond read as the
    // JSON pull read them: no text, position 0, the time rounded to the nearest millisecond.
    const test::PsqlRun edited = psql({}, QStringLiteral("UPDATE marginalia.annotations SET exact = NULL, note = NULL,"
                                                         " start = NULL, \"end\" = NULL,"
                                                         " modified = '2025-06-30 14:05:59.9996+00' WHERE id = '%1'")
                                                  .arg(a.id));
    ASSERT_EQ(edited.exitCode, 0) << edited.err.toStdString();
    EXPECT_EQ(synced(bob).pulled, 1);
    there = bob.find(a.id);
    ASSERT_TRUE(there.has_value());
    EXPECT_EQ(storedTime(there->modified), QStringLiteral("2025-06-30T14:06:00.000Z"));
    EXPECT_EQ(there->selector.start, 0);
    EXPECT_EQ(there->selector.end, 0);
    EXPECT_EQ(there->tags, a.tags);
    EXPECT_EQ(there->created, a.created);
    kinds = Statement::scalar(*bob.local.database,
                              QStringLiteral("SELECT (exact IS NULL) || (note IS NULL) || start || \"end\""
                                             " FROM annotations WHERE id = ?"),
                              {a.id});
    ASSERT_TRUE(kinds) << text(kinds.error());
    EXPECT_EQ(kinds->toString(), QStringLiteral("1100"));

    // A deletion arrives as a tombstone: gone here too, and gone from the search.
    ASSERT_TRUE(alice.store().remove(a.id));
    synced(alice);
    EXPECT_EQ(synced(bob).pulled, 1);
    EXPECT_FALSE(bob.find(a.id).has_value());
    EXPECT_EQ(Statement::scalar(*bob.local.database, QStringLiteral("SELECT count(*) FROM annotations_fts"))->toInt(), 0);
}

TEST_F(TeamSyncTest, EditsMadeWhileTheServerIsGoneReachItWhenItIsBack)
{
    Member alice = member(QStringLiteral("alice"));
    const Annotation a = alice.add(QStringLiteral("before the outage"));
    synced(alice);
    ASSERT_TRUE(cluster().control(QStringLiteral("kill")));
    alice.edit(a, QStringLiteral("edited offline"));
    const Annotation b = alice.add(QStringLiteral("added offline"));
    Result<SyncReport> offline = alice.sync();
    ASSERT_FALSE(offline);
    EXPECT_TRUE(offline.error().message.contains(QLatin1String("cannot reach the team server"))) << text(offline.error());
    ASSERT_TRUE(cluster().control(QStringLiteral("resume")));

    EXPECT_EQ(synced(alice).pushed, 2);
    Member bob = member(QStringLiteral("bob"));
    synced(bob);
    EXPECT_EQ(bob.find(a.id)->note, QStringLiteral("edited offline"));
    EXPECT_EQ(bob.find(b.id)->note, QStringLiteral("added offline"));
}

TEST_F(TeamSyncTest, AServerRestartedDuringASyncLosesAndDuplicatesNothing)
{
    Member alice = member(QStringLiteral("alice"));
    std::vector<Annotation> many;
    for (int i = 0; i < 6000; ++i) {
        Annotation a = sampleAnnotation(D317, i, QStringLiteral("passage"));
        a.note = QStringLiteral("note %1").arg(i);
        a.author = QStringLiteral("alice");
        many.push_back(a);
    }
    ASSERT_TRUE(alice.store().merge(many));

    // The sync runs on a thread of its own (with its own connections) while the server restarts.
    const QString path = alice.local.database->path();
    const QString address = alice.address;
    Result<SyncReport> during = fail(Error{});
    std::thread syncing([&] {
        auto local = AnnotationDatabase::open(path);
        auto server = TeamConnection::open(address);
        during = local && server ? syncWithTeam(*local->database, **server)
                                 : Result<SyncReport>(fail(local ? server.error() : local.error()));
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    ASSERT_TRUE(cluster().control(QStringLiteral("restart")));
    syncing.join();

    // Cut off before its push committed, the first sync left everything to push; else nothing.
    const SyncReport after = synced(alice);
    EXPECT_TRUE(after.pushed == 0 || after.pushed == 6000) << after.pushed << (during ? " (finished)" : " (cut off)");
    auto left = SyncLedger(*alice.local.database).pending();
    ASSERT_TRUE(left);
    EXPECT_TRUE(left->empty());
    EXPECT_EQ(psql({}, QStringLiteral("SELECT count(*) || ' ' || count(DISTINCT note) FROM marginalia.annotations")).out,
              QStringLiteral("6000 6000"));
    Member bob = member(QStringLiteral("bob"));
    EXPECT_EQ(synced(bob).pulled, 6000);
    EXPECT_EQ(bob.contents(), alice.contents());
}

TEST_F(TeamSyncTest, ASchemaNewerThanTheClientIsRefusedAndNothingChanges)
{
    Member alice = member(QStringLiteral("alice"));
    const Annotation a = alice.add(QStringLiteral("waiting"));
    ASSERT_EQ(psql({}, QStringLiteral("UPDATE marginalia.meta SET value = '99' WHERE key = 'schema_version'")).exitCode, 0);
    Result<SyncReport> refused = alice.sync();
    ASSERT_FALSE(refused);
    EXPECT_TRUE(refused.error().message.contains(QLatin1String("version 99, newer than this Marginalia")))
        << text(refused.error());
    auto left = SyncLedger(*alice.local.database).pending();
    ASSERT_TRUE(left);
    EXPECT_EQ(left->size(), 1u);
    EXPECT_EQ(psql({}, QStringLiteral("SELECT count(*) FROM marginalia.annotations")).out, QStringLiteral("0"));
}

TEST_F(TeamSyncTest, ADatabaseThatIsNoTeamSaysHowToMakeOne)
{
    ASSERT_TRUE(cluster().freshDatabase(m_database + QStringLiteral("_plain")));
    auto server = TeamConnection::open(cluster().address(QStringLiteral("alice"), m_database + QStringLiteral("_plain")));
    ASSERT_TRUE(server) << text(server.error());
    Member alice = member(QStringLiteral("alice"));
    Result<SyncReport> refused = syncWithTeam(*alice.local.database, **server);
    ASSERT_FALSE(refused);
    EXPECT_TRUE(refused.error().message.contains(QLatin1String("marginalia-cli team init"))) << text(refused.error());
}

TEST(TeamConnection, AnAddressWithAPasswordIsRefused)
{
    auto options = teamConnectOptions(QStringLiteral("postgresql://alice:secret@db.example.edu/seminar"));
    ASSERT_FALSE(options);
    EXPECT_TRUE(options.error().message.contains(QLatin1String("~/.pgpass"))) << text(options.error());
    EXPECT_FALSE(teamConnectOptions(QStringLiteral("postgresql://%zz")));
    auto service = teamConnectOptions(QStringLiteral("service=seminar"));
    ASSERT_TRUE(service);
    EXPECT_EQ(*service, QStringLiteral("service='seminar'"));
}

} // namespace
} // namespace marginalia

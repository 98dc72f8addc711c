// The window's team session against the real server of the TeamServer fixture: another member's new
// note reaches an open session by the server's announcement (LISTEN/NOTIFY), not by waiting a minute.

#include "model/annotation.h"
#include "store/annotationdatabase.h"
#include "store/annotationstore.h"
#include "store/teamconnection.h"
#include "store/teamserver.h"
#include "support/teamcluster.h"
#include "team/teamsession.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

using test::TeamCluster;

std::string text(const Error &error)
{
    return error.toString().toStdString();
}

class TeamSessionTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        TeamCluster &cluster = TeamCluster::instance();
        ASSERT_TRUE(cluster.isReady()) << cluster.problem().toStdString();
        ASSERT_TRUE(cluster.freshDatabase(m_database));
        for (const char *role : {"alice", "bob"})
            ASSERT_TRUE(cluster.setPassword(QString::fromLatin1(role), QStringLiteral("pw-") + QLatin1String(role)));
        auto admin = TeamConnection::open(cluster.adminAddress(m_database));
        ASSERT_TRUE(admin) << text(admin.error());
        ASSERT_TRUE(initTeam(**admin, QStringLiteral("session_team")));
        ASSERT_TRUE(addTeamMember(**admin, QStringLiteral("alice"), {}));
        ASSERT_TRUE(addTeamMember(**admin, QStringLiteral("bob"), {}));
    }

    QString address(const QString &role) const { return TeamCluster::instance().address(role, m_database); }
    QString db(const QString &role) const { return m_dir.filePath(role + QStringLiteral(".sqlite")); }

    // Connects a session and waits for its first sync.
    static void connected(TeamSession &session, const QString &address)
    {
        QSignalSpy changed(&session, &TeamSession::stateChanged);
        session.connectTo(address);
        for (int i = 0; i < 50 && session.state() != TeamSession::State::Synced; ++i)
            changed.wait(200);
        ASSERT_EQ(session.state(), TeamSession::State::Synced) << text(session.problem());
    }

    QTemporaryDir m_dir;
    QString m_database = QStringLiteral("team_session");
};

TEST_F(TeamSessionTest, AnotherMembersNewNoteArrivesWhenTheServerAnnouncesIt)
{
    TeamSession::Timing timing;
    timing.everyMs = 10 * 60 * 1000; // nothing but the announcement can bring it in time
    TeamSession alice(db(QStringLiteral("alice")), timing);
    TeamSession bob(db(QStringLiteral("bob")), timing);
    connected(alice, address(QStringLiteral("alice")));
    connected(bob, address(QStringLiteral("bob")));
    QTest::qWait(500); // bob's listener connects on its own thread

    auto local = AnnotationDatabase::open(db(QStringLiteral("alice")));
    ASSERT_TRUE(local) << text(local.error());
    Annotation a;
    a.id = newAnnotationId();
    a.document = QStringLiteral("frus1961-63v09/d317");
    a.selector = TextSelector{QString(), QStringLiteral("code of fair practices"), {}, {}, 10, 32};
    a.note = QStringLiteral("Seen by Bob within the second");
    a.author = QStringLiteral("alice");
    a.created = a.modified = QDateTime::currentDateTimeUtc();
    ASSERT_TRUE(local->store->add(a));

    QSignalSpy arrived(&bob, &TeamSession::annotationsArrived);
    QElapsedTimer clock;
    clock.start();
    alice.localChanged();
    ASSERT_TRUE(arrived.wait(5000)) << "bob heard nothing";
    std::cout << "alice's note reached bob's session in " << clock.elapsed() << " ms (alice waits "
              << timing.afterEditMs << " ms for more edits first)\n";
    EXPECT_EQ(arrived.first().first().toStringList(), QStringList{QStringLiteral("frus1961-63v09/d317")});
    auto theirs = AnnotationDatabase::open(db(QStringLiteral("bob")));
    ASSERT_TRUE(theirs);
    auto found = theirs->store->find(a.id);
    ASSERT_TRUE(found && found->has_value());
    EXPECT_EQ((*found)->note, a.note);
    EXPECT_EQ((*found)->author, QStringLiteral("alice"));
}

TEST_F(TeamSessionTest, AnUnreachableTeamLeavesTheSessionOffWithTheReason)
{
    TeamSession session(db(QStringLiteral("carol")));
    QSignalSpy changed(&session, &TeamSession::stateChanged);
    session.connectTo(QStringLiteral("postgresql://carol@/team?host=%2Fnonexistent&port=1"));
    ASSERT_TRUE(changed.wait(10000));
    EXPECT_EQ(session.state(), TeamSession::State::Off);
    EXPECT_TRUE(session.problem().message.contains(QLatin1String("cannot reach"))) << text(session.problem());
    EXPECT_TRUE(session.address().isEmpty());
}

} // namespace
} // namespace marginalia

// marginalia-cli team … and sync, run as the team's admin and its members would, against the TeamServer
// fixture's real PostgreSQL server.

#include "clirun.h"
#include "store/annotationdatabase.h"
#include "store/annotationstore.h"
#include "support/teamcluster.h"
#include "support/testdata.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

using test::CliRun;
using test::TeamCluster;

const QString copy = test::dataPath(QStringLiteral("frus1961-63v09-d317.txt"));

class CliTeam : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(cluster().isReady()) << cluster().problem().toStdString();
        ASSERT_TRUE(cluster().freshDatabase(m_database));
        ASSERT_TRUE(cluster().setPassword(QStringLiteral("alice"), QStringLiteral("pw-alice")));
        ASSERT_TRUE(cluster().setPassword(QStringLiteral("dave"), QStringLiteral("pw-dave")));
    }

    static TeamCluster &cluster() { return TeamCluster::instance(); }
    static CliRun cli(const QStringList &arguments)
    {
        // The password file the cluster wrote is in this process's environment (PGPASSFILE).
        return test::runCli(arguments, test::environmentWithout(QStringLiteral("MARGINALIA_DB")));
    }
    QString db(const QString &name) const { return m_dir.filePath(name); }
    QString admin() const { return cluster().adminAddress(m_database); }
    QString as(const QString &role) const { return cluster().address(role, m_database); }

    QTemporaryDir m_dir;
    QString m_database = QStringLiteral("team_cli");
};

TEST_F(CliTeam, InitAddMemberAndSyncPrintTheReportAndTheTeamIsRemembered)
{
    CliRun init = cli({QStringLiteral("team"), QStringLiteral("init"), admin(), QStringLiteral("--group"),
                       QStringLiteral("seminar_cli"), QStringLiteral("--json")});
    ASSERT_EQ(init.exitCode, 0) << init.err.toStdString();
    EXPECT_EQ(test::printedJson(init).object().value(QStringLiteral("group")).toString(), QStringLiteral("seminar_cli"));
    CliRun again = cli({QStringLiteral("team"), QStringLiteral("init"), admin()});
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    CliRun added = cli({QStringLiteral("team"), QStringLiteral("add-member"), admin(), QStringLiteral("alice")});
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();

    const QString file = db(QStringLiteral("alice.sqlite"));
    CliRun annotated = cli({QStringLiteral("annotate"), copy, QStringLiteral("--quote"),
                            QStringLiteral("code of fair practices"), QStringLiteral("--note"),
                            QStringLiteral("shared with the seminar"), QStringLiteral("--db"), file});
    ASSERT_EQ(annotated.exitCode, 0) << annotated.err.toStdString();

    CliRun synced = cli({QStringLiteral("sync"), QStringLiteral("--db"), file, QStringLiteral("--team"), as(QStringLiteral("alice")),
                         QStringLiteral("--json")});
    ASSERT_EQ(synced.exitCode, 0) << synced.err.toStdString();
    const QJsonObject report = test::printedJson(synced).object();
    for (const char *key : {"pushed", "pulled", "conflicts", "serverVersion"})
        EXPECT_TRUE(report.value(QLatin1String(key)).isDouble()) << key;
    EXPECT_EQ(report.value(QStringLiteral("pushed")).toInt(), 1);
    EXPECT_EQ(report.value(QStringLiteral("pulled")).toInt(), 0);
    EXPECT_EQ(report.value(QStringLiteral("conflicts")).toInt(), 0);
    EXPECT_GE(report.value(QStringLiteral("serverVersion")).toInt(), 1);

    // Remembered: `sync --db FILE` alone reaches the same team.
    CliRun remembered = cli({QStringLiteral("sync"), QStringLiteral("--db"), file, QStringLiteral("--json")});
    ASSERT_EQ(remembered.exitCode, 0) << remembered.err.toStdString();
    EXPECT_EQ(test::printedJson(remembered).object().value(QStringLiteral("pushed")).toInt(), 0);

    CliRun listed = cli({QStringLiteral("annotations"), QStringLiteral("--db"), file, QStringLiteral("--json")});
    ASSERT_EQ(listed.exitCode, 0) << listed.err.toStdString();
    const QJsonArray annotations = test::printedJson(listed).array();
    ASSERT_EQ(annotations.size(), 1);
    EXPECT_EQ(annotations.first().toObject().value(QStringLiteral("author")).toString(), QStringLiteral("alice"));

    // A second member's first sync brings the note.
    ASSERT_EQ(cli({QStringLiteral("team"), QStringLiteral("add-member"), admin(), QStringLiteral("dave"),
                   QStringLiteral("--group"), QStringLiteral("seminar_cli")})
                  .exitCode,
              0);
    const QString daves = db(QStringLiteral("dave.sqlite"));
    CliRun dave = cli({QStringLiteral("sync"), QStringLiteral("--db"), daves, QStringLiteral("--team"),
                       as(QStringLiteral("dave")), QStringLiteral("--json")});
    ASSERT_EQ(dave.exitCode, 0) << dave.err.toStdString();
    EXPECT_EQ(test::printedJson(dave).object().value(QStringLiteral("pulled")).toInt(), 1);

    CliRun removed = cli({QStringLiteral("team"), QStringLiteral("remove-member"), admin(), QStringLiteral("dave")});
    ASSERT_EQ(removed.exitCode, 0) << removed.err.toStdString();
    CliRun refused = cli({QStringLiteral("sync"), QStringLiteral("--db"), daves});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(refused.err.contains(QLatin1String("dave is not a member of the team seminar_cli"))) << refused.err.toStdString();
}

// The text that lost a conflict (an older edit on another machine of the same member) is shown by
// `annotations`: --json lists it under "history", the text output says it is there.
TEST_F(CliTeam, AnnotationsListTheEarlierVersionsATeamSyncKept)
{
    ASSERT_EQ(cli({QStringLiteral("team"), QStringLiteral("init"), admin()}).exitCode, 0);
    ASSERT_EQ(cli({QStringLiteral("team"), QStringLiteral("add-member"), admin(), QStringLiteral("alice")}).exitCode, 0);
    const QString desk = db(QStringLiteral("desk.sqlite"));
    const QString laptop = db(QStringLiteral("laptop.sqlite"));
    ASSERT_EQ(cli({QStringLiteral("annotate"), copy, QStringLiteral("--quote"), QStringLiteral("code of fair practices"),
                   QStringLiteral("--note"), QStringLiteral("first thoughts"), QStringLiteral("--db"), desk})
                  .exitCode,
              0);
    for (const QString &file : {desk, laptop})
        ASSERT_EQ(cli({QStringLiteral("sync"), QStringLiteral("--db"), file, QStringLiteral("--team"), as(QStringLiteral("alice"))})
                      .exitCode,
                  0);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto editNote = [](const QString &file, const QString &note, const QDateTime &when) {
        auto local = AnnotationDatabase::open(file);
        ASSERT_TRUE(local) << local.error().toString().toStdString();
        auto all = local->store->all();
        ASSERT_TRUE(all && all->size() == 1u);
        Annotation a = all->front();
        a.note = note;
        a.modified = when;
        ASSERT_TRUE(local->store->update(a));
    };
    editNote(laptop, QStringLiteral("the laptop's newer edit"), now);
    ASSERT_EQ(cli({QStringLiteral("sync"), QStringLiteral("--db"), laptop}).exitCode, 0);
    editNote(desk, QStringLiteral("the desk's older edit"), now.addSecs(-60));
    CliRun synced = cli({QStringLiteral("sync"), QStringLiteral("--db"), desk, QStringLiteral("--json")});
    ASSERT_EQ(synced.exitCode, 0) << synced.err.toStdString();
    EXPECT_EQ(test::printedJson(synced).object().value(QStringLiteral("conflicts")).toInt(), 1);

    CliRun listed = cli({QStringLiteral("annotations"), QStringLiteral("--db"), desk, QStringLiteral("--json")});
    ASSERT_EQ(listed.exitCode, 0) << listed.err.toStdString();
    const QJsonArray annotations = test::printedJson(listed).array();
    ASSERT_EQ(annotations.size(), 1);
    const QJsonObject a = annotations.first().toObject();
    EXPECT_EQ(a.value(QStringLiteral("note")).toString(), QStringLiteral("the laptop's newer edit"));
    const QJsonArray history = a.value(QStringLiteral("history")).toArray();
    ASSERT_EQ(history.size(), 1);
    const QJsonObject lost = history.first().toObject();
    EXPECT_EQ(lost.value(QStringLiteral("note")).toString(), QStringLiteral("the desk's older edit"));
    EXPECT_EQ(lost.value(QStringLiteral("author")).toString(), QStringLiteral("alice"));
    EXPECT_FALSE(lost.value(QStringLiteral("reason")).toString().isEmpty());
    EXPECT_FALSE(lost.value(QStringLiteral("replaced")).toString().isEmpty());
    CliRun text = cli({QStringLiteral("annotations"), QStringLiteral("--db"), desk});
    EXPECT_TRUE(text.out.contains(QLatin1String("1 earlier version(s) kept from team syncs"))) << text.out.toStdString();
    CliRun laptops = cli({QStringLiteral("annotations"), QStringLiteral("--db"), laptop, QStringLiteral("--json")});
    EXPECT_FALSE(test::printedJson(laptops).array().first().toObject().contains(QStringLiteral("history")))
        << "the laptop's edit won: nothing was replaced there";
}

TEST_F(CliTeam, AnUnreachableServerExitsOneAndSaysSo)
{
    CliRun run = cli({QStringLiteral("sync"), QStringLiteral("--db"), db(QStringLiteral("x.sqlite")), QStringLiteral("--team"),
                      QStringLiteral("postgresql://alice@/team?host=%2Fnonexistent%2Fsocket&port=1")});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.err.contains(QLatin1String("cannot reach the team server"))) << run.err.toStdString();
}

TEST_F(CliTeam, SyncWithoutATeamAndAnAddressWithAPasswordAreRefused)
{
    CliRun none = cli({QStringLiteral("sync"), QStringLiteral("--db"), db(QStringLiteral("y.sqlite"))});
    EXPECT_EQ(none.exitCode, 2);
    EXPECT_TRUE(none.err.contains(QLatin1String("--team"))) << none.err.toStdString();
    CliRun secret = cli({QStringLiteral("sync"), QStringLiteral("--db"), db(QStringLiteral("y.sqlite")),
                         QStringLiteral("--team"), QStringLiteral("postgresql://alice:pw@localhost/team")});
    EXPECT_EQ(secret.exitCode, 1);
    EXPECT_TRUE(secret.err.contains(QLatin1String("~/.pgpass"))) << secret.err.toStdString();
}

} // namespace
} // namespace marginalia

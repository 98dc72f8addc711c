// The window in a team, against the TeamServer fixture's real PostgreSQL server: Team › Connect to Team…,
// the status bar, and another member's note appearing on the open document without a click.

#include "annotationspane.h"
#include "documentview.h"
#include "mainwindow.h"
#include "teamcontroller.h"
#include "volumeopener.h"

#include "annotation/annotationservice.h"
#include "library/openlibrary.h"
#include "models/annotationsmodel.h"
#include "models/librarymodel.h"
#include "models/searchresultsmodel.h"
#include "navigation/navigator.h"
#include "store/annotationdatabase.h"
#include "store/annotationstore.h"
#include "store/teamconnection.h"
#include "store/teamserver.h"
#include "store/teamsync.h"
#include "support/teamcluster.h"
#include "support/testdata.h"
#include "team/teamsession.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

using test::TeamCluster;

std::string text(const Error &error)
{
    return error.toString().toStdString();
}

bool waitFor(const std::function<bool()> &done, int ms = 10000)
{
    for (int waited = 0; waited < ms; waited += 50) {
        if (done())
            return true;
        QTest::qWait(50);
    }
    return done();
}

TEST(TeamWindow, ConnectingShowsTheTeamAndAnotherMembersNoteAppearsOnTheOpenDocument)
{
    TeamCluster &cluster = TeamCluster::instance();
    ASSERT_TRUE(cluster.isReady()) << cluster.problem().toStdString();
    const QString database = QStringLiteral("team_window");
    ASSERT_TRUE(cluster.freshDatabase(database));
    for (const char *role : {"alice", "bob"})
        ASSERT_TRUE(cluster.setPassword(QString::fromLatin1(role), QStringLiteral("pw-") + QLatin1String(role)));
    {
        auto admin = TeamConnection::open(cluster.adminAddress(database));
        ASSERT_TRUE(admin) << text(admin.error());
        ASSERT_TRUE(initTeam(**admin, QStringLiteral("window_team")));
        ASSERT_TRUE(addTeamMember(**admin, QStringLiteral("alice"), {}));
        ASSERT_TRUE(addTeamMember(**admin, QStringLiteral("bob"), {}));
    }

    // Bob reads Document 317 in the window.
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    OpenLibrary library;
    Navigator navigator(&library);
    LibraryModel model(&library);
    AnnotationService annotations;
    ASSERT_TRUE(annotations.open(dir.filePath(QStringLiteral("bob.sqlite"))));
    SearchResultsModel search(&library);
    QUndoStack undo;
    TeamSession team(annotations.path());
    MainWindow window({&library, &navigator, &model, &search, &settings, &annotations, &undo, nullptr, nullptr, nullptr,
                       {}, {}, &team});
    window.opener()->setInteractive(false);
    window.resize(1200, 800);
    window.show();
    QSignalSpy opened(window.opener(), &VolumeOpener::finished);
    window.opener()->open({test::dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d317"));
    ASSERT_TRUE(opened.wait(30000));
    team.start(); // no team remembered yet: nothing to reach
    ASSERT_NE(window.teamController(), nullptr);
    QLabel *status = window.teamController()->statusLabel();

    window.teamController()->setAddressAsker([&](const QString &) { return cluster.address(QStringLiteral("bob"), database); });
    window.teamController()->connectAction()->trigger();
    ASSERT_TRUE(waitFor([&] { return status->text().contains(QLatin1String("synced")); })) << status->text().toStdString();
    EXPECT_TRUE(status->text().contains(QLatin1String("window_team"))) << status->text().toStdString();
    EXPECT_TRUE(status->text().contains(QLatin1String("bob"))) << status->text().toStdString();
    EXPECT_TRUE(window.teamController()->syncAction()->isEnabled());
    QTest::qWait(500); // the session's listener connects on its own thread

    // Alice, elsewhere, notes a passage of the same letter and syncs.
    auto alice = AnnotationDatabase::open(dir.filePath(QStringLiteral("alice.sqlite")));
    ASSERT_TRUE(alice) << text(alice.error());
    const QString quote = QStringLiteral("code of fair practices");
    const QString body = window.documentView()->toPlainText();
    const int at = int(body.indexOf(quote));
    ASSERT_GE(at, 0);
    Annotation a;
    a.id = newAnnotationId();
    a.document = QStringLiteral("frus1961-63v09/d317");
    a.selector = TextSelector{QString(), quote, body.mid(at - 20, 20), body.mid(at + quote.size(), 20), at,
                              at + int(quote.size())};
    a.color = QStringLiteral("#9BD39B");
    a.note = QStringLiteral("Alice: compare the Kennedy Round brief");
    a.created = a.modified = QDateTime::currentDateTimeUtc();
    ASSERT_TRUE(alice->store->add(a));
    auto server = TeamConnection::open(cluster.address(QStringLiteral("alice"), database));
    ASSERT_TRUE(server) << text(server.error());
    auto pushed = syncWithTeam(*alice->database, **server);
    ASSERT_TRUE(pushed) << text(pushed.error());
    ASSERT_EQ(pushed->pushed, 1);

    // Bob does nothing: the note comes to his open document.
    AnnotationsModel *shown = window.documentAnnotations();
    ASSERT_TRUE(waitFor([&] { return shown->rowCount() == 1; }, 5000)) << "the note did not arrive";
    const QModelIndex row = shown->index(0);
    EXPECT_EQ(row.data(AnnotationsModel::NoteRole).toString(), a.note);
    EXPECT_EQ(row.data(AnnotationsModel::AuthorRole).toString(), QStringLiteral("alice"));
    EXPECT_FALSE(row.data(AnnotationsModel::OrphanRole).toBool());
    EXPECT_TRUE(row.data(Qt::DisplayRole).toString().contains(QLatin1String("by alice")));

    const QString artifacts = QStringLiteral(MARGINALIA_TEST_ARTIFACTS);
    QDir().mkpath(artifacts);
    EXPECT_TRUE(window.grab().save(artifacts + QStringLiteral("/team-window.png")));
}

} // namespace
} // namespace marginalia

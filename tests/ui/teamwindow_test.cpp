// The window in a team, against the TeamServer fixture's real PostgreSQL server: Team › Connect to Team…,
// the status bar, and another member's note appearing on the open document without a click.

#include "annotationcontroller.h"
#include "annotationhistorydialog.h"
#include "annotationspane.h"
#include "documentview.h"
#include "mainwindow.h"
#include "teamcontroller.h"
#include "teammembersdialog.h"
#include "volumeopener.h"

#include "annotation/annotationservice.h"
#include "library/openlibrary.h"
#include "models/annotationsmodel.h"
#include "models/librarymodel.h"
#include "models/teammembersmodel.h"
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
#include <QApplication>
#include <QDir>
#include <QHelpEvent>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QToolTip>
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

// Bob's window on Document 317, with a team on the TeamServer fixture's cluster that has alice and bob as
// members; he is not connected to it yet.
class TeamWindow : public ::testing::Test {
protected:
    void openBobsWindow(const QString &database, const QString &group)
    {
        ASSERT_TRUE(cluster().isReady()) << cluster().problem().toStdString();
        ASSERT_TRUE(cluster().freshDatabase(database));
        for (const char *role : {"alice", "bob"})
            ASSERT_TRUE(cluster().setPassword(QString::fromLatin1(role), QStringLiteral("pw-") + QLatin1String(role)));
        {
            auto admin = TeamConnection::open(cluster().adminAddress(database));
            ASSERT_TRUE(admin) << text(admin.error());
            ASSERT_TRUE(initTeam(**admin, group));
            ASSERT_TRUE(addTeamMember(**admin, QStringLiteral("alice"), {}));
            ASSERT_TRUE(addTeamMember(**admin, QStringLiteral("bob"), {}));
        }
        settings = std::make_unique<QSettings>(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        ASSERT_TRUE(annotations.open(dir.filePath(QStringLiteral("bob.sqlite"))));
        team = std::make_unique<TeamSession>(annotations.path());
        window = std::make_unique<MainWindow>(MainWindow::Services{&library, &navigator, &model, &search, settings.get(),
                                                                   &annotations, &undo, nullptr, nullptr, nullptr, {},
                                                                   {}, team.get()});
        window->opener()->setInteractive(false);
        window->resize(1200, 800);
        window->show();
        QSignalSpy opened(window->opener(), &VolumeOpener::finished);
        window->opener()->open({test::dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d317"));
        ASSERT_TRUE(opened.wait(30000));
    }

    // Alice, elsewhere, notes "code of fair practices" in the letter and syncs; quoteAt is where the
    // quote stands in the window's text.
    Annotation syncAlicesNote(const QString &database, const QString &note)
    {
        Annotation a;
        const QString quote = QStringLiteral("code of fair practices");
        const QString body = window->documentView()->toPlainText();
        quoteAt = int(body.indexOf(quote));
        EXPECT_GE(quoteAt, 0);
        auto alice = AnnotationDatabase::open(dir.filePath(QStringLiteral("alice.sqlite")));
        EXPECT_TRUE(alice) << text(alice.error());
        if (quoteAt < 0 || !alice)
            return a;
        a.id = newAnnotationId();
        a.document = QStringLiteral("frus1961-63v09/d317");
        a.selector = TextSelector{QString(), quote, body.mid(quoteAt - 20, 20), body.mid(quoteAt + quote.size(), 20),
                                  quoteAt, quoteAt + int(quote.size())};
        a.color = QStringLiteral("#9BD39B");
        a.note = note;
        a.created = a.modified = QDateTime::currentDateTimeUtc();
        EXPECT_TRUE(alice->store->add(a));
        auto server = TeamConnection::open(cluster().address(QStringLiteral("alice"), database));
        EXPECT_TRUE(server) << text(server.error());
        if (!server)
            return a;
        auto pushed = syncWithTeam(*alice->database, **server);
        EXPECT_TRUE(pushed) << text(pushed.error());
        if (pushed) {
            EXPECT_EQ(pushed->pushed, 1);
        }
        return a;
    }

    static TeamCluster &cluster() { return TeamCluster::instance(); }

    int quoteAt = -1;

    QTemporaryDir dir;
    std::unique_ptr<QSettings> settings;
    OpenLibrary library;
    Navigator navigator{&library};
    LibraryModel model{&library};
    AnnotationService annotations;
    SearchResultsModel search{&library};
    QUndoStack undo;
    std::unique_ptr<TeamSession> team;
    std::unique_ptr<MainWindow> window;
};

TEST_F(TeamWindow, ConnectingShowsTheTeamAndAnotherMembersNoteAppearsOnTheOpenDocument)
{
    const QString database = QStringLiteral("team_window");
    openBobsWindow(database, QStringLiteral("window_team"));
    if (HasFatalFailure())
        return;
    TeamCluster &cluster = TeamWindow::cluster();
    team->start(); // no team remembered yet: nothing to reach
    ASSERT_NE(window->teamController(), nullptr);
    QLabel *status = window->teamController()->statusLabel();

    window->teamController()->setAddressAsker([&](const QString &) { return cluster.address(QStringLiteral("bob"), database); });
    window->teamController()->connectAction()->trigger();
    ASSERT_TRUE(waitFor([&] { return status->text().contains(QLatin1String("synced")); })) << status->text().toStdString();
    EXPECT_TRUE(status->text().contains(QLatin1String("window_team"))) << status->text().toStdString();
    EXPECT_TRUE(status->text().contains(QLatin1String("bob"))) << status->text().toStdString();
    EXPECT_TRUE(window->teamController()->syncAction()->isEnabled());
    QTest::qWait(500); // the session's listener connects on its own thread

    // Alice, elsewhere, notes a passage of the same letter and syncs.
    const Annotation a = syncAlicesNote(database, QStringLiteral("Alice: compare the Kennedy Round brief"));
    if (HasFatalFailure())
        return;

    // Bob does nothing: the note comes to his open document.
    AnnotationsModel *shown = window->documentAnnotations();
    ASSERT_TRUE(waitFor([&] { return shown->rowCount() == 1; }, 5000)) << "the note did not arrive";
    const QModelIndex row = shown->index(0);
    EXPECT_EQ(row.data(AnnotationsModel::NoteRole).toString(), a.note);
    EXPECT_EQ(row.data(AnnotationsModel::AuthorRole).toString(), QStringLiteral("alice"));
    EXPECT_FALSE(row.data(AnnotationsModel::OrphanRole).toBool());
    EXPECT_TRUE(row.data(Qt::DisplayRole).toString().contains(QLatin1String("by alice")));

    const QString artifacts = QStringLiteral(MARGINALIA_TEST_ARTIFACTS);
    QDir().mkpath(artifacts);
    EXPECT_TRUE(window->grab().save(artifacts + QStringLiteral("/team-window.png")));
}

// The window of one member among others: Team › Members lists the team as the server has it, Show
// Annotations Of shows everyone's, the user's own or one member's, hovering a highlight names its author,
// and highlighting inside another member's passage makes an annotation of one's own (the server would
// refuse an edit of theirs).
TEST_F(TeamWindow, MembersWhoseAnnotationsAreShownAndTheAuthorOfEachHighlight)
{
    const QString database = QStringLiteral("team_window_members");
    openBobsWindow(database, QStringLiteral("members_team"));
    if (HasFatalFailure())
        return;
    TeamCluster &cluster = TeamWindow::cluster();
    TeamController *controller = window->teamController();
    ASSERT_NE(controller, nullptr);
    EXPECT_FALSE(controller->membersAction()->isEnabled()) << "no team yet";

    // Alice has noted a passage of the letter and synced.
    const Annotation a = syncAlicesNote(database, QStringLiteral("Alice: see the Kennedy Round brief"));
    if (HasFatalFailure())
        return;
    const int at = quoteAt;

    controller->setAddressAsker([&](const QString &) { return cluster.address(QStringLiteral("bob"), database); });
    controller->connectAction()->trigger();
    AnnotationsModel *shown = window->documentAnnotations();
    ASSERT_TRUE(waitFor([&] { return shown->rowCount() == 1; })) << "alice's note did not arrive";
    EXPECT_TRUE(controller->membersAction()->isEnabled());

    // Bob selects words inside Alice's passage and highlights them: a highlight of his own, hers unchanged.
    const int reading = window->documentView()->rendered().offsetOfPosition(at).readingOffset;
    const int inside = reading + int(QStringLiteral("code of ").size());
    window->documentView()->selectReadingRange(inside, inside + 4); // "fair"
    ASSERT_EQ(window->documentView()->textCursor().selectedText(), QStringLiteral("fair"));
    window->annotationController()->highlightSelection(QStringLiteral("#8FB8E8"));
    ASSERT_EQ(shown->rowCount(), 2);
    int bobsRow = -1;
    for (int row = 0; row < shown->rowCount(); ++row) {
        if (shown->index(row).data(AnnotationsModel::NoteRole).toString() != a.note)
            bobsRow = row;
    }
    ASSERT_GE(bobsRow, 0);
    EXPECT_EQ(annotations.find(a.id)->color, a.color) << "alice's annotation was not touched";
    const QString bobsId = shown->at(bobsRow).annotation.id;
    ASSERT_TRUE(waitFor([&] {
        const std::optional<Annotation> found = annotations.find(bobsId);
        return found && found->author == QStringLiteral("bob");
    })) << "bob's highlight is pushed and comes back with the server's author";

    // Hovering Alice's passage (outside Bob's word) names her and shows her note.
    const QRect place = window->documentView()->cursorRect([&] {
        QTextCursor c(window->documentView()->document());
        c.setPosition(at + 2);
        return c;
    }());
    QHelpEvent hover(QEvent::ToolTip, place.center(), window->documentView()->viewport()->mapToGlobal(place.center()));
    QApplication::sendEvent(window->documentView()->viewport(), &hover);
    EXPECT_TRUE(QToolTip::text().contains(QLatin1String("Note by alice"))) << QToolTip::text().toStdString();
    EXPECT_TRUE(QToolTip::text().contains(a.note)) << QToolTip::text().toStdString();
    QToolTip::hideText();

    // Show Annotations Of › Mine, › alice, › Everyone.
    QMenu *show = controller->showMenu();
    QMetaObject::invokeMethod(show, "aboutToShow");
    const auto entry = [&](const QString &text) -> QAction * {
        for (QAction *action : show->actions()) {
            if (action->text().remove(u'&') == text)
                return action;
        }
        return nullptr;
    };
    ASSERT_NE(entry(QStringLiteral("alice")), nullptr) << "members who wrote here are offered";
    EXPECT_EQ(entry(QStringLiteral("bob")), nullptr) << "bob is Mine, not listed twice";
    entry(QStringLiteral("Mine"))->trigger();
    ASSERT_EQ(shown->rowCount(), 1);
    EXPECT_EQ(shown->index(0).data(AnnotationsModel::AuthorRole).toString(), QStringLiteral("bob"));
    QMetaObject::invokeMethod(show, "aboutToShow");
    entry(QStringLiteral("alice"))->trigger();
    ASSERT_EQ(shown->rowCount(), 1);
    EXPECT_EQ(shown->index(0).data(AnnotationsModel::NoteRole).toString(), a.note);
    QMetaObject::invokeMethod(show, "aboutToShow");
    EXPECT_TRUE(entry(QStringLiteral("alice"))->isChecked());
    entry(QStringLiteral("Everyone"))->trigger();
    EXPECT_EQ(shown->rowCount(), 2);

    // Team › Members: both, with what each wrote; choosing Alice there shows only hers.
    QWidget *opened_ = nullptr;
    QObject::connect(controller, &TeamController::membersShown, [&](QWidget *d) { opened_ = d; });
    controller->membersAction()->trigger();
    auto *dialog = qobject_cast<TeamMembersDialog *>(opened_);
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(waitFor([&] { return dialog->model()->rowCount() == 2; })) << dialog->statusLabel()->text().toStdString();
    TeamMembersModel *members = dialog->model();
    EXPECT_EQ(members->index(0, TeamMembersModel::MemberColumn).data().toString(), QStringLiteral("alice"));
    EXPECT_EQ(members->index(0, TeamMembersModel::AnnotationsColumn).data().toString(), QStringLiteral("1"));
    EXPECT_EQ(members->index(1, TeamMembersModel::MemberColumn).data().toString(), QStringLiteral("bob (you)"));
    EXPECT_EQ(members->index(1, TeamMembersModel::AnnotationsColumn).data().toString(), QStringLiteral("1"));
    const QString artifacts = QStringLiteral(MARGINALIA_TEST_ARTIFACTS);
    QDir().mkpath(artifacts);
    EXPECT_TRUE(dialog->grab().save(artifacts + QStringLiteral("/team-members.png")));
    const QModelIndex aliceRow = members->index(0, 0);
    QTest::mouseClick(dialog->table()->viewport(), Qt::LeftButton, {}, dialog->table()->visualRect(aliceRow).center());
    auto *showTheirs = dialog->findChild<QPushButton *>(QStringLiteral("showMemberButton"));
    ASSERT_NE(showTheirs, nullptr);
    QTest::mouseClick(showTheirs, Qt::LeftButton);
    ASSERT_EQ(shown->rowCount(), 1);
    EXPECT_EQ(shown->index(0).data(AnnotationsModel::NoteRole).toString(), a.note);
    EXPECT_EQ(controller->authorFilter().member, QStringLiteral("alice"));
    EXPECT_TRUE(controller->statusLabel()->text().endsWith(QLatin1String("showing only alice's")))
        << controller->statusLabel()->text().toStdString();
    EXPECT_TRUE(window->grab().save(artifacts + QStringLiteral("/team-window-alice-only.png")));
}

// What a team sync kept of an annotation (an older edit on another machine of Bob's lost to a newer one)
// is shown from the annotations list, and Restore This Version takes it back as an edit that undoes.
TEST_F(TeamWindow, EarlierVersionsAreShownAndOneCanBeRestoredAndUndone)
{
    const QString database = QStringLiteral("team_window_history");
    openBobsWindow(database, QStringLiteral("history_team"));
    if (HasFatalFailure())
        return;
    // Bob's desk (this window's database, through a connection of its own) and his laptop.
    auto desk = AnnotationDatabase::open(annotations.path());
    ASSERT_TRUE(desk) << text(desk.error());
    auto laptop = AnnotationDatabase::open(dir.filePath(QStringLiteral("bob-laptop.sqlite")));
    ASSERT_TRUE(laptop) << text(laptop.error());
    const auto sync = [&](AnnotationDatabase &machine) {
        auto server = TeamConnection::open(cluster().address(QStringLiteral("bob"), database));
        EXPECT_TRUE(server) << text(server.error());
        if (!server)
            return SyncReport{};
        auto report = syncWithTeam(*machine.database, **server);
        EXPECT_TRUE(report) << text(report.error());
        return report ? *report : SyncReport{};
    };
    const QString quote = QStringLiteral("code of fair practices");
    const QString body = window->documentView()->toPlainText();
    const int at = int(body.indexOf(quote));
    ASSERT_GE(at, 0);
    Annotation a;
    a.id = newAnnotationId();
    a.document = QStringLiteral("frus1961-63v09/d317");
    a.selector = TextSelector{QString(), quote, body.mid(at - 20, 20), body.mid(at + quote.size(), 20), at,
                              at + int(quote.size())};
    a.color = QStringLiteral("#9BD39B");
    a.note = QStringLiteral("first thoughts");
    a.created = a.modified = QDateTime::currentDateTimeUtc().addSecs(-120);
    ASSERT_TRUE(desk->store->add(a));
    sync(*desk);
    sync(*laptop);
    a.author = QStringLiteral("bob"); // as the sync wrote it back
    a.note = QStringLiteral("the laptop's newer edit");
    a.modified = QDateTime::currentDateTimeUtc();
    ASSERT_TRUE(laptop->store->update(a));
    sync(*laptop);
    a.note = QStringLiteral("the desk's older edit");
    a.modified = QDateTime::currentDateTimeUtc().addSecs(-60);
    ASSERT_TRUE(desk->store->update(a));
    EXPECT_EQ(sync(*desk).conflicts, 1);
    annotations.announceChangedElsewhere({a.document});

    AnnotationsModel *shown = window->documentAnnotations();
    ASSERT_EQ(shown->rowCount(), 1);
    EXPECT_EQ(shown->index(0).data(AnnotationsModel::NoteRole).toString(), QStringLiteral("the laptop's newer edit"));
    QListView *list = window->annotationsPane()->list();
    list->setCurrentIndex(shown->index(0));
    QWidget *opened = nullptr;
    QObject::connect(window->annotationController(), &AnnotationController::historyShown,
                     [&](QWidget *d) { opened = d; });
    auto *earlier = list->findChild<QAction *>(QStringLiteral("annotationHistoryAction"));
    ASSERT_NE(earlier, nullptr);
    ASSERT_TRUE(list->actions().contains(earlier)) << "in the list's context menu";
    earlier->trigger();
    auto *dialog = qobject_cast<AnnotationHistoryDialog *>(opened);
    ASSERT_NE(dialog, nullptr);
    ASSERT_EQ(dialog->list()->count(), 1);
    const QString version = dialog->list()->item(0)->text();
    EXPECT_TRUE(version.contains(QLatin1String("the desk's older edit"))) << version.toStdString();
    EXPECT_TRUE(version.contains(QLatin1String("By bob"))) << version.toStdString();
    const QString artifacts = QStringLiteral(MARGINALIA_TEST_ARTIFACTS);
    QDir().mkpath(artifacts);
    EXPECT_TRUE(dialog->grab().save(artifacts + QStringLiteral("/team-earlier-versions.png")));
    QTest::mouseClick(dialog->restoreButton(), Qt::LeftButton);
    EXPECT_EQ(annotations.find(a.id)->note, QStringLiteral("the desk's older edit"));
    EXPECT_EQ(shown->index(0).data(AnnotationsModel::NoteRole).toString(), QStringLiteral("the desk's older edit"));
    undo.undo();
    EXPECT_EQ(annotations.find(a.id)->note, QStringLiteral("the laptop's newer edit"));
}

} // namespace
} // namespace marginalia

#pragma once

#include "annotation/authorfilter.h"

#include <QObject>
#include <QString>

#include <functional>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QStatusBar;
class QWidget;

namespace marginalia {

class AnnotationService;
class TeamSession;

// The window's Team menu and its status: Connect to Team… (an address as libpq reads it; the password
// stays in ~/.pgpass), Sync Now, and in the status bar who we are on which team, when it last synced, or
// that it is offline and why. It hands the service's writes to the session and the session's arrivals to
// the service, which repaints them. Members… lists the team as the server has it; Show Annotations Of
// chooses whose annotations the window shows (everyone's, the user's, one member's).
class TeamController : public QObject {
    Q_OBJECT

public:
    struct Parts {
        TeamSession *session = nullptr;
        AnnotationService *annotations = nullptr;
        QMenu *menu = nullptr;         // filled here
        QStatusBar *statusBar = nullptr;
        QWidget *window = nullptr;
    };

    TeamController(const Parts &parts, QObject *parent = nullptr);

    QLabel *statusLabel() const { return m_status; }
    QAction *connectAction() const { return m_connect; }
    QAction *syncAction() const { return m_sync; }
    QAction *membersAction() const { return m_members; }
    QMenu *showMenu() const { return m_showMenu; }
    const AuthorFilter &authorFilter() const { return m_filter; }
    // Whose annotations to show; the names that are the user's are the controller's to fill in.
    void showAnnotationsOf(AuthorFilter::Kind kind, const QString &member = {});
    // What Connect to Team… asks for; tests answer without a dialog (an empty answer cancels).
    using AddressAsker = std::function<QString(const QString &current)>;
    void setAddressAsker(AddressAsker asker) { m_asker = std::move(asker); }

Q_SIGNALS:
    void authorFilterChanged(const marginalia::AuthorFilter &filter);
    // The Members window opened (tests reach it through this).
    void membersShown(QWidget *dialog);

private:
    void askToConnect();
    void showState();
    void showMembers();
    void fillShowMenu();
    // The names the user writes under: the local one, and once synced the team's role.
    QStringList myNames() const;


    Parts m_parts;
    QLabel *m_status;
    QAction *m_connect;
    QAction *m_sync;
    QAction *m_members;
    QMenu *m_showMenu;
    QActionGroup *m_showGroup;
    AuthorFilter m_filter;
    AddressAsker m_asker;
    bool m_connecting = false;
};

} // namespace marginalia

#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QAction;
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
// the service, which repaints them.
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
    // What Connect to Team… asks for; tests answer without a dialog (an empty answer cancels).
    using AddressAsker = std::function<QString(const QString &current)>;
    void setAddressAsker(AddressAsker asker) { m_asker = std::move(asker); }

private:
    void askToConnect();
    void showState();

    Parts m_parts;
    QLabel *m_status;
    QAction *m_connect;
    QAction *m_sync;
    AddressAsker m_asker;
    bool m_connecting = false;
};

} // namespace marginalia

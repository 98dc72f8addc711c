#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QMainWindow;
class QMenu;

namespace marginalia {

class HelpWindow;
class ShortcutsDialog;

// The Help menu's Marginalia Help (the bundled guide) and Keyboard Shortcuts (read from the window's
// actions each time it opens). Each opens once and comes to the front when asked again.
class HelpController : public QObject {
    Q_OBJECT

public:
    HelpController(QMenu *menu, QMainWindow *window, QObject *parent = nullptr);

    QAction *helpAction() const { return m_helpAction; }
    QAction *shortcutsAction() const { return m_shortcutsAction; }
    // Null until first shown.
    HelpWindow *helpWindow() const;
    ShortcutsDialog *shortcutsDialog() const;

public Q_SLOTS:
    void showHelp();
    void showShortcuts();

private:
    QMainWindow *m_window;
    QAction *m_helpAction;
    QAction *m_shortcutsAction;
    QPointer<HelpWindow> m_help;
    QPointer<ShortcutsDialog> m_shortcuts;
};

} // namespace marginalia

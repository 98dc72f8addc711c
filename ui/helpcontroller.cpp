#include "helpcontroller.h"

#include "helpwindow.h"
#include "shortcutsdialog.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>

namespace marginalia {

namespace {

void bringUp(QWidget *window)
{
    window->show();
    window->raise();
    window->activateWindow();
}

} // namespace

HelpController::HelpController(QMenu *menu, QMainWindow *window, QObject *parent) : QObject(parent), m_window(window)
{
    m_helpAction = menu->addAction(tr("Marginalia &Help"));
    m_helpAction->setObjectName(QStringLiteral("helpAction"));
    m_helpAction->setShortcut(QKeySequence::HelpContents);
    m_shortcutsAction = menu->addAction(tr("&Keyboard Shortcuts"));
    m_shortcutsAction->setObjectName(QStringLiteral("shortcutsAction"));
    m_shortcutsAction->setShortcut(QKeySequence(tr("Ctrl+/")));
    window->addActions({m_helpAction, m_shortcutsAction});
    connect(m_helpAction, &QAction::triggered, this, &HelpController::showHelp);
    connect(m_shortcutsAction, &QAction::triggered, this, &HelpController::showShortcuts);
}

HelpWindow *HelpController::helpWindow() const
{
    return m_help;
}

ShortcutsDialog *HelpController::shortcutsDialog() const
{
    return m_shortcuts;
}

void HelpController::showHelp()
{
    if (!m_help)
        m_help = new HelpWindow(m_window);
    bringUp(m_help);
}

void HelpController::showShortcuts()
{
    if (!m_shortcuts)
        m_shortcuts = new ShortcutsDialog(m_window);
    m_shortcuts->refresh();
    bringUp(m_shortcuts);
}

} // namespace marginalia

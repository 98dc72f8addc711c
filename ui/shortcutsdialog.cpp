#include "shortcutsdialog.h"

#include <QAction>
#include <QDockWidget>
#include <QHeaderView>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace marginalia {

namespace {

QStringList keysOf(const QAction *action)
{
    QStringList keys;
    for (const QKeySequence &sequence : action->shortcuts())
        keys << sequence.toString(QKeySequence::NativeText);
    return keys;
}

void addMenu(const QMenu *menu, const QString &path, std::vector<ShortcutEntry> &entries, QSet<const QAction *> &seen)
{
    for (const QAction *action : menu->actions()) {
        if (action->isSeparator())
            continue;
        seen.insert(action);
        const QString text = withoutMnemonic(action->text());
        if (action->menu())
            addMenu(action->menu(), path + QStringLiteral(" › ") + text, entries, seen);
        else
            entries.push_back({path, text, keysOf(action)});
    }
}

// Where an action outside the menus answers: the pane (dock) holding its widget, else the window.
QString paneOf(const QAction *action)
{
    for (const QObject *o = action->parent(); o; o = o->parent()) {
        if (const auto *dock = qobject_cast<const QDockWidget *>(o))
            return dock->windowTitle();
    }
    return ShortcutsDialog::tr("Window");
}

} // namespace

std::vector<ShortcutEntry> shortcutEntries(const QMainWindow *window)
{
    std::vector<ShortcutEntry> entries;
    QSet<const QAction *> seen;
    for (const QAction *top : window->menuBar()->actions()) {
        if (top->menu())
            addMenu(top->menu(), withoutMnemonic(top->text()), entries, seen);
    }
    for (const QAction *action : window->findChildren<QAction *>()) {
        if (!seen.contains(action) && !action->shortcuts().isEmpty() && !action->text().isEmpty())
            entries.push_back({paneOf(action), withoutMnemonic(action->text()), keysOf(action)});
    }
    return entries;
}

ShortcutsDialog::ShortcutsDialog(QMainWindow *window)
    : QDialog(window), m_window(window), m_model(new ShortcutsModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_table(new QTableView(this)), m_filter(new QLineEdit(this))
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1); // the command, its keys or its menu
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setPlaceholderText(tr("Find a command or a key"));
    m_filter->setClearButtonEnabled(true);
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(ShortcutsModel::CommandColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ShortcutsModel::KeysColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ShortcutsModel::MenuColumn, QHeaderView::Stretch);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_table);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    resize(560, 520);
}

void ShortcutsDialog::refresh()
{
    m_model->setEntries(shortcutEntries(m_window));
}

} // namespace marginalia

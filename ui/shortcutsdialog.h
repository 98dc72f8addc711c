#pragma once

#include "models/shortcutsmodel.h"

#include <QDialog>

#include <vector>

class QLineEdit;
class QMainWindow;
class QSortFilterProxyModel;
class QTableView;

namespace marginalia {

// Every command of `window` that has a key: its menus' actions in their order (submenus as
// "Annotate › Highlight in Colour"), then its other actions, read from the actions as they are now.
std::vector<ShortcutEntry> shortcutEntries(const QMainWindow *window);

// Help › Keyboard Shortcuts: the table of the window's commands and keys, with a field that filters it.
// refresh() reads the actions again (each time the list is shown).
class ShortcutsDialog : public QDialog {
    Q_OBJECT

public:
    explicit ShortcutsDialog(QMainWindow *window);

    void refresh();
    ShortcutsModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *filter() const { return m_filter; }

private:
    QMainWindow *m_window;
    ShortcutsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLineEdit *m_filter;
};

} // namespace marginalia

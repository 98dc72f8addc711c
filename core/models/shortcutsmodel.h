#pragma once

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace marginalia {

// A command of the window and the keys that run it, as Help › Keyboard Shortcuts lists it.
struct ShortcutEntry {
    QString menu;     // where it is: "Edit", "Annotate › Highlight in Colour"
    QString command;  // its text without mnemonics: "Copy with Citation"
    QStringList keys; // each key as the platform writes it: "Ctrl+Shift+C"
};

// The shortcuts table: one row per command that has a key, in the order given (the menus' order), with
// columns Command, Keys (all of them, ", " apart) and Menu. The window fills it from its actions each time
// the list is shown, so it lists what the keys do now.
class ShortcutsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { CommandColumn, KeysColumn, MenuColumn, ColumnCount };

    explicit ShortcutsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Keeps the entries that have keys, each command once (an action in two menus is listed where it
    // comes first).
    void setEntries(const std::vector<ShortcutEntry> &entries);
    const std::vector<ShortcutEntry> &entries() const { return m_entries; }

private:
    std::vector<ShortcutEntry> m_entries;
};

// A menu text as a user reads it: "&Copy" → "Copy", "Save && Quit" → "Save & Quit", "Find…" kept.
QString withoutMnemonic(const QString &menuText);

} // namespace marginalia

// Issue 12 (18): the table of Help › Keyboard Shortcuts.
#include "models/shortcutsmodel.h"

#include "modeltestwarnings.h"

#include <QAbstractItemModelTester>

#include <gtest/gtest.h>

using namespace marginalia;

TEST(ShortcutsModel, ListsCommandsWithKeysOnceInTheOrderGiven)
{
    ShortcutsModel model;
    test::ModelTestWarnings warnings;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setEntries({
        {QStringLiteral("File"), QStringLiteral("Open…"), {QStringLiteral("Ctrl+O")}},
        {QStringLiteral("File"), QStringLiteral("Export Annotations…"), {}}, // no key: not listed
        {QStringLiteral("Edit"), QStringLiteral("Redo"), {QStringLiteral("Ctrl+Shift+Z"), QStringLiteral("Ctrl+Y")}},
        {QStringLiteral("Toolbar"), QStringLiteral("Open…"), {QStringLiteral("Ctrl+O")}}, // the same action again
    });
    EXPECT_TRUE(warnings.messages().isEmpty()) << warnings.messages().join(u'\n').toStdString();
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.columnCount(), 3);
    EXPECT_EQ(model.index(0, ShortcutsModel::CommandColumn).data().toString(), QStringLiteral("Open…"));
    EXPECT_EQ(model.index(0, ShortcutsModel::MenuColumn).data().toString(), QStringLiteral("File"));
    EXPECT_EQ(model.index(1, ShortcutsModel::KeysColumn).data().toString(), QStringLiteral("Ctrl+Shift+Z, Ctrl+Y"));
    EXPECT_EQ(model.headerData(ShortcutsModel::KeysColumn, Qt::Horizontal).toString(), QStringLiteral("Keys"));
    model.setEntries({});
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(ShortcutsModel, MenuTextsLoseTheirMnemonicsOnly)
{
    EXPECT_EQ(withoutMnemonic(QStringLiteral("Copy with &Citation")), QStringLiteral("Copy with Citation"));
    EXPECT_EQ(withoutMnemonic(QStringLiteral("Save && &Quit")), QStringLiteral("Save & Quit"));
    EXPECT_EQ(withoutMnemonic(QStringLiteral("&Find in Document…")), QStringLiteral("Find in Document…"));
    EXPECT_EQ(withoutMnemonic(QStringLiteral("Trailing &")), QStringLiteral("Trailing &"));
}

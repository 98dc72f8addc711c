// Issue 12 (17): the Persons and Terms panes' model.
#include "models/glossarymodel.h"

#include "parse/volumeloader.h"
#include "support/testdata.h"
#include "modeltestwarnings.h"

#include <QAbstractItemModelTester>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

TEST(GlossaryModel, Issue12EntriesHoldTheirMentionsAndTheSearchFoldsAccents)
{
    Result<Volume> volume = loadVolume(test::dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml")));
    ASSERT_TRUE(volume);
    GlossaryModel model(EntityRef::Person);
    test::ModelTestWarnings warnings;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setVolume(0, &*volume);
    ASSERT_GT(model.rowCount(), 3);
    const QModelIndex rusk = model.indexOfEntry(QStringLiteral("p_RD3"));
    ASSERT_TRUE(rusk.isValid());
    EXPECT_EQ(rusk.data().toString(), QStringLiteral("Rusk"));
    EXPECT_EQ(model.index(rusk.row(), GlossaryModel::MentionsColumn).data().toInt(), 9); // nine persName corresp="#p_RD3"
    ASSERT_EQ(model.rowCount(rusk), 9);
    const QModelIndex first = model.index(0, 0, rusk);
    EXPECT_EQ(first.parent(), rusk);
    EXPECT_TRUE(first.data().toString().startsWith(QStringLiteral("Doc. 31"))) << first.data().toString().toStdString();
    EXPECT_TRUE(first.data().toString().contains(QStringLiteral("Rusk")));
    EXPECT_GE(first.data(GlossaryModel::DocumentRole).toInt(), 0);
    EXPECT_EQ(rusk.data(GlossaryModel::DocumentRole).toInt(), -1);

    model.setFilter(QStringLiteral("RÜSK"));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.index(0, 0).data(GlossaryModel::IdRole).toString(), QStringLiteral("p_RD3"));
    model.setFilter(QString());
    EXPECT_GT(model.rowCount(), 3);
    model.setVolume(-1, nullptr);
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_TRUE(warnings.messages().isEmpty()) << warnings.messages().join(u'\n').toStdString();
}

} // namespace
} // namespace marginalia

// Issue 14: the Team › Members table, through Qt's model tester.

#include "models/teammembersmodel.h"

#include <QAbstractItemModelTester>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

TEST(TeamMembersModel, ListsMembersYouAndFormerMembersAndPassesTheModelTester)
{
    TeamMembersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(model.rowCount(), 0);
    const QDateTime when(QDate(2026, 12, 1), QTime(9, 30), Qt::UTC);
    model.setMembers({{QStringLiteral("alice"), true, 1200, when},
                      {QStringLiteral("bob"), true, 0, {}},
                      {QStringLiteral("<b>eve</b>"), false, 3, when}},
                     QStringLiteral("bob"));
    ASSERT_EQ(model.rowCount(), 3);
    ASSERT_EQ(model.columnCount(), 3);
    EXPECT_EQ(model.index(0, TeamMembersModel::MemberColumn).data().toString(), QStringLiteral("alice"));
    EXPECT_EQ(model.index(0, TeamMembersModel::AnnotationsColumn).data().toString(), QLocale().toString(1200));
    EXPECT_EQ(model.index(1, TeamMembersModel::MemberColumn).data().toString(), QStringLiteral("bob (you)"));
    EXPECT_EQ(model.index(1, TeamMembersModel::LastChangeColumn).data().toString(), QStringLiteral("never"));
    EXPECT_EQ(model.index(2, TeamMembersModel::MemberColumn).data().toString(),
              QStringLiteral("<b>eve</b> (former member)"));
    EXPECT_EQ(model.index(2, 0).data(TeamMembersModel::RoleNameRole).toString(), QStringLiteral("<b>eve</b>"));
    EXPECT_FALSE(model.index(2, 0).data(TeamMembersModel::IsMemberRole).toBool());
    EXPECT_TRUE(model.index(2, 0).data(Qt::ToolTipRole).toString().contains(QLatin1String("&lt;b&gt;")))
        << "a role name is never markup";
    EXPECT_EQ(model.headerData(TeamMembersModel::AnnotationsColumn, Qt::Horizontal).toString(),
              QStringLiteral("Annotations"));

    model.setMembers({}, {});
    EXPECT_EQ(model.rowCount(), 0);
}

} // namespace
} // namespace marginalia

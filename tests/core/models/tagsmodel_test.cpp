#include "models/tagsmodel.h"

#include "annotationmodels_fixture.h"

#include <QAbstractItemModelTester>

namespace marginalia {
namespace {

using TagsModelTest = test::AnnotationModelsFixture;

// Issue 9: the tag list passes through Qt's model tester (Fatal: a broken invariant aborts the test)
// while real annotations gain, share and lose tags.
TEST_F(TagsModelTest, Issue9PassesTheModelTesterAsTagsComeAndGo)
{
    TagsModel model(&m_service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(model.rowCount(), 0);

    const QString first = annotate(QStringLiteral("unanimity"), {QStringLiteral("UN"), QStringLiteral("Congo")});
    ASSERT_FALSE(first.isEmpty());
    const QString second = annotate(QStringLiteral("Rusk"), {QStringLiteral("Congo")});
    ASSERT_FALSE(second.isEmpty());
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.names().size(), 2);
    EXPECT_TRUE(model.names().contains(QStringLiteral("Congo")));
    const int congo = int(model.names().indexOf(QStringLiteral("Congo")));
    EXPECT_EQ(model.index(congo).data(TagsModel::CountRole).toInt(), 2);
    EXPECT_EQ(model.index(congo).data(TagsModel::NameRole).toString(), QStringLiteral("Congo"));

    // A tag outlives its last passage (it keeps its colour); its count says it carries none.
    ASSERT_TRUE(m_service.remove(first));
    ASSERT_EQ(model.rowCount(), 2);
    const auto countOf = [&](const QString &name) {
        return model.index(int(model.names().indexOf(name))).data(TagsModel::CountRole).toInt();
    };
    EXPECT_EQ(countOf(QStringLiteral("Congo")), 1);
    EXPECT_EQ(countOf(QStringLiteral("UN")), 0);
    ASSERT_TRUE(m_service.remove(second));
    EXPECT_EQ(countOf(QStringLiteral("Congo")), 0);
}

} // namespace
} // namespace marginalia

#include "models/annotationsmodel.h"

#include "annotationmodels_fixture.h"

#include <QAbstractItemModelTester>

namespace marginalia {
namespace {

using AnnotationsModelTest = test::AnnotationModelsFixture;

// Issue 9: the annotation list passes through Qt's model tester (Fatal: a broken invariant aborts the
// test) while it shows a real document's annotations, an orphan among them, then a tag's, then none.
TEST_F(AnnotationsModelTest, Issue9PassesTheModelTesterWithAnchoredAndOrphanedRows)
{
    AnnotationsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_FALSE(annotate(QStringLiteral("unanimity"), {QStringLiteral("UN")}).isEmpty());
    ASSERT_FALSE(annotate(QStringLiteral("Rusk"), {}).isEmpty());
    std::vector<Annotation> stored = m_service.forDocument(D317);
    ASSERT_EQ(stored.size(), 2u);
    Annotation orphan = stored.front();
    orphan.id = QStringLiteral("orphan");
    orphan.selector.exact = QStringLiteral("words the document never had");
    orphan.selector.prefix.clear();
    orphan.selector.suffix.clear();
    stored.push_back(orphan);

    model.setAnnotations(anchorAnnotations(*m_doc, stored));
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.orphanCount(), 1);
    const int orphanRow = model.rowOf(QStringLiteral("orphan"));
    ASSERT_GE(orphanRow, 0);
    EXPECT_TRUE(model.index(orphanRow).data(AnnotationsModel::OrphanRole).toBool());
    EXPECT_EQ(model.index(orphanRow).data(AnnotationsModel::StartRole).toInt(), -1);
    for (int row = 0; row < model.rowCount(); ++row) {
        if (row != orphanRow) {
            EXPECT_GE(model.index(row).data(AnnotationsModel::StartRole).toInt(), 0);
        }
        EXPECT_EQ(model.index(row).data(AnnotationsModel::DocumentRole).toString(), D317);
    }

    model.setAnnotations(anchorAnnotations(*m_doc, m_service.withTag(QStringLiteral("UN"))));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.index(0).data(AnnotationsModel::TagsRole).toStringList(), QStringList{QStringLiteral("UN")});
    model.setAnnotations({});
    EXPECT_EQ(model.rowCount(), 0);
}

} // namespace
} // namespace marginalia

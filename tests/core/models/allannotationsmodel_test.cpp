// Issue 12 (15): the library-wide annotations list and its filters, on real annotations of FRUS 1961–63
// vol. IX, Documents 316–318.
#include "models/allannotationsfilter.h"
#include "models/allannotationsmodel.h"

#include "annotationmodels_fixture.h"
#include "modeltestwarnings.h"

#include "library/openlibrary.h"
#include "store/annotationstore.h"

#include <QAbstractItemModelTester>
#include <QThread>

#include <memory>

namespace marginalia {
namespace {

const QString kD316 = QStringLiteral("frus1961-63v09/d316");
const QString kGreen = QStringLiteral("#b5e3a1");

class AllAnnotationsModelTest : public test::AnnotationModelsFixture {
protected:
    // Annotates `quote` in document `docId` of the volume, with a note, tags and colour.
    QString annotateIn(const QString &docId, const QString &quote, const QString &note, const QStringList &tags,
                       const QString &color = {})
    {
        QThread::msleep(3); // each one modified later than the one before (the Modified column sorts by it)
        const Document *doc = m_volume.document(docId);
        EXPECT_TRUE(doc) << docId.toStdString();
        if (!doc)
            return {};
        const auto match = AnnotationService::draftOnQuote(*doc, QStringLiteral("frus1961-63v09/") + docId, quote, 1);
        EXPECT_TRUE(match.draft) << quote.toStdString();
        if (!match.draft)
            return {};
        Annotation a = *match.draft;
        a.note = note;
        a.tags = tags;
        if (!color.isEmpty())
            a.color = color;
        const Result<Annotation> added = m_service.add(a);
        EXPECT_TRUE(added) << added.error().toString().toStdString();
        return added ? added->id : QString();
    }
    QString cell(const QAbstractItemModel &model, int row, int column)
    {
        return model.index(row, column).data().toString();
    }
    QStringList idsShown(const QAbstractItemModel &model)
    {
        QStringList ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids << model.index(row, 0).data(AllAnnotationsModel::IdRole).toString();
        return ids;
    }

    OpenLibrary m_library;
};

TEST_F(AllAnnotationsModelTest, Issue12ListsEveryDocumentsAnnotationsAndFollowsTheirChanges)
{
    test::ModelTestWarnings warnings;
    AllAnnotationsModel model(&m_service, &m_library);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    model.load();
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_EQ(model.columnCount(), 6);

    const QString inD317 = annotate(QStringLiteral("unanimity"), {QStringLiteral("UN")});
    const QString inD316 = annotateIn(QStringLiteral("d316"), QStringLiteral("multilateral export controls"),
                                      QStringLiteral("Compare the NSC record"), {QStringLiteral("COCOM")}, kGreen);
    ASSERT_EQ(model.rowCount(), 2);
    const int row316 = model.rowOf(inD316);
    ASSERT_GE(row316, 0);
    // No volume open: the document is named by its key.
    EXPECT_EQ(cell(model, row316, AllAnnotationsModel::DocumentColumn), kD316);
    EXPECT_EQ(cell(model, row316, AllAnnotationsModel::QuoteColumn), QStringLiteral("multilateral export controls"));
    EXPECT_EQ(cell(model, row316, AllAnnotationsModel::NoteColumn), QStringLiteral("Compare the NSC record"));
    EXPECT_EQ(cell(model, row316, AllAnnotationsModel::TagsColumn), QStringLiteral("COCOM"));
    EXPECT_EQ(cell(model, row316, AllAnnotationsModel::AuthorColumn), defaultAuthor());
    EXPECT_FALSE(cell(model, row316, AllAnnotationsModel::ModifiedColumn).isEmpty());
    EXPECT_EQ(model.index(row316, 0).data(AllAnnotationsModel::VolumeRole).toString(), QStringLiteral("frus1961-63v09"));
    // Painted as the reader paints it: in its first tag's colour.
    EXPECT_EQ(model.index(row316, 0).data(AllAnnotationsModel::ColorRole).toString(),
              m_service.paintColor(*m_service.find(inD316)).toLower());
    EXPECT_EQ(model.headerData(AllAnnotationsModel::ModifiedColumn, Qt::Horizontal).toString(), QStringLiteral("Modified"));

    // The volume opens: its documents are cited as the reader cites them.
    m_library.add(std::make_shared<const Volume>(m_volume));
    EXPECT_EQ(cell(model, model.rowOf(inD316), AllAnnotationsModel::DocumentColumn),
              QStringLiteral("FRUS 1961\u201363, vol. IX, Doc. 316"));
    EXPECT_EQ(cell(model, model.rowOf(inD317), AllAnnotationsModel::DocumentColumn),
              QStringLiteral("FRUS 1961\u201363, vol. IX, Doc. 317"));

    // An edit changes its row in place; a deletion takes the row away, an undo brings it back.
    Annotation edited = *m_service.find(inD316);
    edited.note = QStringLiteral("Hodges wanted more");
    ASSERT_TRUE(m_service.update(edited));
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(cell(model, model.rowOf(inD316), AllAnnotationsModel::NoteColumn), QStringLiteral("Hodges wanted more"));
    const Annotation removed = *m_service.find(inD317);
    ASSERT_TRUE(m_service.remove(inD317));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.rowOf(inD317), -1);
    ASSERT_TRUE(m_service.add(removed));
    EXPECT_EQ(model.rowCount(), 2);
    // A tag recoloured repaints its passages.
    ASSERT_TRUE(m_service.store()->setTagColor(QStringLiteral("COCOM"), QStringLiteral("#A8D1F0")));
    m_service.announceChangedElsewhere({}, true); // as a team sync announces a colour it brought
    EXPECT_EQ(model.index(model.rowOf(inD316), 0).data(AllAnnotationsModel::ColorRole).toString(), QStringLiteral("#a8d1f0"));
    EXPECT_TRUE(warnings.messages().isEmpty()) << warnings.messages().join(u'\n').toStdString();
}

TEST_F(AllAnnotationsModelTest, Issue12FiltersByTagColourVolumeAndAccentFreeText)
{
    m_library.add(std::make_shared<const Volume>(m_volume));
    const QString unanimity = annotate(QStringLiteral("unanimity"), {QStringLiteral("UN")});
    const QString controls = annotateIn(QStringLiteral("d316"), QStringLiteral("multilateral export controls"),
                                        QStringLiteral("The attaché in Paris agrees"), {}, kGreen);
    const QString fair = annotateIn(QStringLiteral("d318"), QStringLiteral("code of fair practices"), {},
                                    {QStringLiteral("cocom"), QStringLiteral("Trade")});
    // An annotation of a volume that is not open (imported from a colleague, say).
    Annotation elsewhere = *m_service.find(fair);
    elsewhere.id = newAnnotationId();
    elsewhere.document = QStringLiteral("frus1934v05/d10");
    elsewhere.modified = {};
    elsewhere.tags = {};
    ASSERT_TRUE(m_service.add(elsewhere));

    test::ModelTestWarnings warnings;
    AllAnnotationsModel model(&m_service, &m_library);
    // Nothing is read before the list is wanted; then everything is.
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_FALSE(model.isLoaded());
    model.load();
    AllAnnotationsFilter filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::Warning);
    ASSERT_EQ(filter.rowCount(), 4);
    EXPECT_EQ(model.volumes(), (QStringList{QStringLiteral("frus1934v05"), QStringLiteral("frus1961-63v09")}));
    EXPECT_EQ(model.tags(), (QStringList{QStringLiteral("cocom"), QStringLiteral("Trade"), QStringLiteral("UN")}));
    EXPECT_TRUE(model.colors().contains(kGreen));

    filter.setText(QStringLiteral("ATTACHE paris")); // accents and case folded, every word
    EXPECT_EQ(idsShown(filter), QStringList{controls});
    filter.setText(QStringLiteral("Doc. 318"));       // the citation is searched too
    EXPECT_EQ(idsShown(filter), QStringList{fair});
    filter.setText({});
    filter.setTag(QStringLiteral("COCOM")); // case-insensitively, as tags are stored
    EXPECT_EQ(idsShown(filter), QStringList{fair});
    filter.setTag({});
    filter.setColor(kGreen.toUpper());
    EXPECT_EQ(idsShown(filter), QStringList{controls});
    filter.setColor(m_service.paintColor(*m_service.find(fair))); // its tag's colour
    EXPECT_EQ(idsShown(filter), QStringList{fair});
    filter.setColor({});
    filter.setVolume(QStringLiteral("frus1934v05"));
    EXPECT_EQ(idsShown(filter), QStringList{elsewhere.id});
    EXPECT_EQ(filter.index(0, AllAnnotationsModel::DocumentColumn).data().toString(), QStringLiteral("frus1934v05/d10"));
    filter.setVolume(QStringLiteral("frus1961-63v09"));
    EXPECT_EQ(filter.rowCount(), 3);

    // Sorted by document as people read numbers, then by time.
    filter.sort(AllAnnotationsModel::DocumentColumn, Qt::AscendingOrder);
    EXPECT_EQ(idsShown(filter), (QStringList{controls, unanimity, fair}));
    filter.sort(AllAnnotationsModel::ModifiedColumn, Qt::DescendingOrder);
    EXPECT_EQ(idsShown(filter), (QStringList{fair, controls, unanimity}));
    EXPECT_TRUE(warnings.messages().isEmpty()) << warnings.messages().join(u'\n').toStdString();
}

} // namespace
} // namespace marginalia

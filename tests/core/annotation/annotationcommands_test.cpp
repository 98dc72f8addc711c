#include "annotation/annotationcommands.h"

#include "annotation/annotationservice.h"
#include "export/annotationimport.h"
#include "export/w3cannotations.h"
#include "store/annotationstore.h"
#include "core/store/storetesting.h"

#include <QFile>
#include <QTemporaryDir>
#include <QUndoStack>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

const QString D317 = QStringLiteral("frus1961-63v09/d317");

// The window's parts for annotations: the service on a fresh database and the one undo stack.
class AnnotationCommandsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        const Result<bool> opened = m_service.open(m_dir.filePath(QStringLiteral("annotations.sqlite")));
        ASSERT_TRUE(opened) << opened.error().toString().toStdString();
        m_original = test::sampleAnnotation(D317, 10);
        m_stack.push(new AddAnnotationCommand(&m_service, m_original, QStringLiteral("Note")));
        ASSERT_TRUE(m_service.find(m_original.id).has_value());
    }

    Annotation stored() const { return m_service.find(m_original.id).value_or(Annotation{}); }

    // Edits the note the way the window does: the stored annotation, changed, stamped now.
    void editNote(const QString &note)
    {
        const Annotation before = stored();
        Annotation after = before;
        after.note = note;
        after.modified = QDateTime::currentDateTimeUtc();
        m_stack.push(new EditAnnotationCommand(&m_service, before, after, QStringLiteral("Edit note")));
    }

    // What `marginalia-cli export-annotations` would write now.
    QString exportNow(const QString &name) const
    {
        const QString path = m_dir.filePath(name);
        EXPECT_TRUE(test::writeFile(path, exportW3cAnnotations(*m_service.store()->all())));
        return path;
    }

    // What `marginalia-cli import-annotations` does: merge by uuid, the newer modification wins.
    ImportSummary import(const QString &path)
    {
        Result<ImportSummary> summary = importAnnotationsFile(path, *m_service.store());
        EXPECT_TRUE(summary) << summary.error().toString().toStdString();
        return summary ? *summary : ImportSummary{};
    }

    QTemporaryDir m_dir;
    AnnotationService m_service;
    QUndoStack m_stack;
    Annotation m_original;
};

TEST_F(AnnotationCommandsTest, Issue9UndoneEditSurvivesImportOfAnExportTakenBeforeTheUndo)
{
    editNote(QStringLiteral("A second thought"));
    const QString exported = exportNow(QStringLiteral("edited.json"));
    m_stack.undo();
    ASSERT_EQ(stored().note, m_original.note);

    const ImportSummary summary = import(exported);

    EXPECT_EQ(summary.updated, 0);
    EXPECT_EQ(stored().note, m_original.note) << "the edit the user undid came back through the import";
}

TEST_F(AnnotationCommandsTest, Issue9UndoOfAnEditStampsALaterModificationThanTheEdit)
{
    editNote(QStringLiteral("A second thought"));
    const QDateTime edited = stored().modified;
    m_stack.undo();
    const Annotation undone = stored();
    EXPECT_EQ(undone.note, m_original.note);
    EXPECT_GT(undone.modified, edited);
    EXPECT_EQ(undone.created, m_original.created);
}

TEST_F(AnnotationCommandsTest, Issue9RedoOfAnEditStampsALaterModificationThanTheUndo)
{
    editNote(QStringLiteral("A second thought"));
    m_stack.undo();
    const QDateTime undone = stored().modified;
    const QString exported = exportNow(QStringLiteral("undone.json"));
    m_stack.redo();
    EXPECT_EQ(stored().note, QStringLiteral("A second thought"));
    EXPECT_GT(stored().modified, undone);
    EXPECT_EQ(import(exported).updated, 0);
    EXPECT_EQ(stored().note, QStringLiteral("A second thought"));
}

TEST_F(AnnotationCommandsTest, Issue9EditsInTheSameMillisecondStillStampLaterTimes)
{
    QDateTime last = stored().modified;
    for (int i = 0; i < 20; ++i) {
        editNote(QStringLiteral("Thought %1").arg(i));
        const QDateTime now = stored().modified;
        EXPECT_GT(now, last) << "edit " << i;
        last = now;
        m_stack.undo();
        EXPECT_GT(stored().modified, last) << "undo " << i;
        last = stored().modified;
    }
}

TEST_F(AnnotationCommandsTest, Issue9UndoOfADeleteRecreatesTheAnnotationWithALaterModification)
{
    const QString exported = exportNow(QStringLiteral("before-delete.json"));
    const Annotation before = stored();
    m_stack.push(new RemoveAnnotationCommand(&m_service, before, QStringLiteral("Delete annotation")));
    ASSERT_FALSE(m_service.find(m_original.id).has_value());

    m_stack.undo();

    const Annotation recreated = stored();
    EXPECT_EQ(recreated.id, before.id);
    EXPECT_EQ(recreated.note, before.note);
    EXPECT_EQ(recreated.created, before.created);
    EXPECT_GT(recreated.modified, before.modified);
    // The re-created annotation is the newer one: an export from before the delete does not replace it.
    EXPECT_EQ(import(exported).updated, 0);
}

TEST_F(AnnotationCommandsTest, Issue9RedoOfAnUndoneAddStampsALaterModification)
{
    const QDateTime added = stored().modified;
    m_stack.undo();
    ASSERT_FALSE(m_service.find(m_original.id).has_value());
    m_stack.redo();
    EXPECT_GT(stored().modified, added);
}

// Issue 12 (16): the window's import merges through the service (what a sync and the panes hear) as one
// undo step: undo deletes what it added and puts back what it replaced; redo imports it again.
TEST_F(AnnotationCommandsTest, Issue12ImportThroughTheServiceIsOneUndoStep)
{
    Annotation newer = stored();
    newer.note = QStringLiteral("Imported second thought");
    newer.modified = newer.modified.addSecs(60);
    const Annotation added = test::sampleAnnotation(QStringLiteral("frus1961-63v09/d316"), 4);
    Annotation older = stored();
    older.modified = older.modified.addSecs(-60); // never replaces the newer one here
    int written = 0;
    QStringList documents;
    QObject::connect(&m_service, &AnnotationService::written, [&] { ++written; });
    QObject::connect(&m_service, &AnnotationService::annotationsChanged, [&](const QString &key) { documents << key; });

    Result<std::vector<AnnotationService::MergedChange>> merged = m_service.merge({older, newer, added, added});
    ASSERT_TRUE(merged) << merged.error().toString().toStdString();
    ASSERT_EQ(merged->size(), 2u);
    EXPECT_TRUE((*merged)[0].before.has_value());
    EXPECT_FALSE((*merged)[1].before.has_value());
    EXPECT_EQ(written, 1);
    EXPECT_EQ(documents, (QStringList{D317, QStringLiteral("frus1961-63v09/d316")}));
    EXPECT_EQ(stored().note, QStringLiteral("Imported second thought"));
    EXPECT_EQ(stored().modified, newer.modified); // the file's time is kept, as the CLI keeps it
    m_stack.push(new ImportAnnotationsCommand(&m_service, std::move(merged).value(), QStringLiteral("Import")));
    EXPECT_EQ(stored().note, QStringLiteral("Imported second thought")); // pushing did not write again

    m_stack.undo();
    EXPECT_EQ(stored().note, m_original.note);
    EXPECT_GT(stored().modified, newer.modified); // undone as a newer version
    EXPECT_FALSE(m_service.find(added.id).has_value());
    m_stack.redo();
    EXPECT_EQ(stored().note, QStringLiteral("Imported second thought"));
    EXPECT_TRUE(m_service.find(added.id).has_value());

    // Nothing newer: nothing changes, nothing is announced.
    written = 0;
    Result<std::vector<AnnotationService::MergedChange>> again = m_service.merge({older});
    ASSERT_TRUE(again);
    EXPECT_TRUE(again->empty());
    EXPECT_EQ(written, 0);
}

} // namespace
} // namespace marginalia

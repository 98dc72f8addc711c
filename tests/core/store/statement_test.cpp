#include "store/annotationschema.h"
#include "store/database.h"
#include "store/statement.h"
#include "storetesting.h"

#include <QFileInfo>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

class StatementTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto opened = Database::open(test::noteSchema(), m_dir.filePath(QStringLiteral("notes.sqlite")));
        ASSERT_TRUE(opened) << opened.error().toString().toStdString();
        m_db = std::move(opened).value();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
};

TEST_F(StatementTest, NullStringBoundAsTextFillsANotNullColumnWithEmptyText)
{
    Statement insert(*m_db, QStringLiteral("INSERT INTO notes (title, body) VALUES (?, ?)"));
    insert.bindText(QString()).bind(QStringLiteral("body"));
    const Result<void> done = insert.exec();
    ASSERT_TRUE(done) << done.error().toString().toStdString();
    Result<QVariant> title = Statement::scalar(*m_db, QStringLiteral("SELECT title FROM notes WHERE title = ''"));
    ASSERT_TRUE(title);
    ASSERT_TRUE(title->isValid()) << "the row reads back with '' as its title";
    EXPECT_TRUE(title->toString().isEmpty());
    // In a value list, Statement::notNull() does the same.
    EXPECT_TRUE(Statement::run(*m_db, QStringLiteral("INSERT INTO notes (title) VALUES (?)"),
                               {Statement::notNull(QString())}));
}

TEST_F(StatementTest, NullStringBoundAsAValueIsSqlNullAsBefore)
{
    // The nullable columns keep storing NULL for a null QString, as they always have...
    ASSERT_TRUE(Statement::run(*m_db, QStringLiteral("INSERT INTO notes (title, body) VALUES (?, ?)"),
                               {QStringLiteral("t"), QString()}));
    Result<QVariant> nulls = Statement::scalar(*m_db, QStringLiteral("SELECT count(*) FROM notes WHERE body IS NULL"));
    ASSERT_TRUE(nulls);
    EXPECT_EQ(nulls->toInt(), 1);
    // ...and a NOT NULL column refuses one, with an error naming the file.
    Statement insert(*m_db, QStringLiteral("INSERT INTO notes (title) VALUES (?)"));
    insert.bind(QString());
    const Result<void> refused = insert.exec();
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().file, m_db->path());
}

TEST_F(StatementTest, AnotherSchemaGetsItsOwnApplicationIdAndVersion)
{
    EXPECT_EQ(Statement::scalar(*m_db, QStringLiteral("PRAGMA application_id"))->toInt(), 0x54455354);
    EXPECT_EQ(Statement::scalar(*m_db, QStringLiteral("PRAGMA user_version"))->toInt(), 1);
    EXPECT_EQ(m_db->schema().name, QStringLiteral("test database"));
}

TEST_F(StatementTest, EachSchemaRefusesTheOtherOnesFileInItsOwnWords)
{
    const QString notes = m_db->path();
    m_db.reset();
    auto asAnnotations = Database::open(annotationSchema(), notes);
    ASSERT_FALSE(asAnnotations);
    EXPECT_TRUE(asAnnotations.error().message.startsWith(QStringLiteral("is not a Marginalia annotation database")))
        << asAnnotations.error().toString().toStdString();

    const QString annotations = m_dir.filePath(QStringLiteral("annotations.sqlite"));
    ASSERT_TRUE(Database::open(annotationSchema(), annotations));
    auto asNotes = Database::openForReading(test::noteSchema(), annotations);
    ASSERT_FALSE(asNotes);
    EXPECT_TRUE(asNotes.error().message.startsWith(QStringLiteral("is not a Marginalia test database")))
        << asNotes.error().toString().toStdString();
    auto missing = Database::openForReading(test::noteSchema(), m_dir.filePath(QStringLiteral("none.sqlite")));
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().message, QStringLiteral("no such test database"));
}

} // namespace
} // namespace marginalia

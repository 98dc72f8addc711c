// NativeStatement: SQLite's C API on a Database's connection, for the per-row writes of large batches.
// It must bind and fail as Statement does, so that the rows it writes read back the same.

#include "store/database.h"
#include "store/nativestatement.h"
#include "store/statement.h"
#include "storetesting.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

class NativeStatementTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto opened = Database::open(test::noteSchema(), m_dir.filePath(QStringLiteral("notes.sqlite")));
        ASSERT_TRUE(opened) << opened.error().toString().toStdString();
        m_db = std::move(opened).value();
    }

    QString bodyOf(qint64 id)
    {
        Result<QVariant> body = Statement::scalar(*m_db, QStringLiteral("SELECT coalesce(body, '<null>') FROM notes"
                                                                        " WHERE id = ?"),
                                                  {id});
        return body ? body->toString() : QStringLiteral("<failed>");
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
};

TEST_F(NativeStatementTest, TextReadsBackAsStatementWroteItNullsIncluded)
{
    const QString text = QStringLiteral("He said \"no\"; '); DROP TABLE notes; --\n\t\u00e9\U0001F4DC end");
    NativeStatement insert(*m_db, "INSERT INTO notes (title, body) VALUES (?1, ?2)");
    ASSERT_TRUE(insert.bind(1, QStringLiteral("t")).bind(2, text).run());
    const qint64 withText = insert.lastInsertRowid();
    ASSERT_TRUE(insert.bind(1, QStringLiteral("t")).bind(2, QString()).run());
    const qint64 withNull = insert.lastInsertRowid();
    ASSERT_TRUE(insert.bind(1, QStringLiteral("t")).bind(2, QStringLiteral("")).run());
    const qint64 withEmpty = insert.lastInsertRowid();
    EXPECT_EQ(bodyOf(withText), text);
    EXPECT_EQ(bodyOf(withNull), QStringLiteral("<null>"));
    EXPECT_EQ(bodyOf(withEmpty), QString());
    EXPECT_EQ(Statement::scalar(*m_db, QStringLiteral("SELECT count(*) FROM notes WHERE body = ''"))->toInt(), 1);
}

TEST_F(NativeStatementTest, ANotNullColumnRefusesANullStringUnlessBoundAsText)
{
    NativeStatement insert(*m_db, "INSERT INTO notes (title) VALUES (?1)");
    const Result<void> refused = insert.bind(1, QString()).run();
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().file, m_db->path());
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("NOT NULL"))) << refused.error().toString().toStdString();
    // The same statement runs again after a failure, and bindText() binds '' as Statement::bindText does.
    ASSERT_TRUE(insert.bindText(1, QString()).run());
    EXPECT_EQ(insert.changes(), 1);
    EXPECT_EQ(Statement::scalar(*m_db, QStringLiteral("SELECT count(*) FROM notes WHERE title = ''"))->toInt(), 1);
}

TEST_F(NativeStatementTest, SqlThatDoesNotPrepareFailsWhenRunNamingTheFile)
{
    NativeStatement broken(*m_db, "INSERT INTO no_such_table VALUES (?1)");
    const Result<void> refused = broken.bind(1, qint64(1)).run();
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().file, m_db->path());
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("no_such_table"))) << refused.error().toString().toStdString();
}

TEST_F(NativeStatementTest, AStatementGivenBackKeepsNoValueAndTwoOfOneSqlLiveAtOnce)
{
    const char *sql = "INSERT INTO notes (title, body) VALUES (?1, ?2)";
    {
        NativeStatement first(*m_db, sql);
        ASSERT_TRUE(first.bind(1, QStringLiteral("first")).bind(2, QStringLiteral("kept body")).run());
        // The cached statement is lent to `first`: a second of the same SQL prepares its own.
        NativeStatement second(*m_db, sql);
        ASSERT_TRUE(second.bind(1, QStringLiteral("second")).bind(2, QStringLiteral("its own")).run());
        EXPECT_EQ(bodyOf(second.lastInsertRowid()), QStringLiteral("its own"));
    }
    // Lent again: the body bound by `first` is gone, so it is NULL.
    NativeStatement again(*m_db, sql);
    ASSERT_TRUE(again.bind(1, QStringLiteral("third")).run());
    EXPECT_EQ(bodyOf(again.lastInsertRowid()), QStringLiteral("<null>"));
}

TEST_F(NativeStatementTest, ARowIsReadAndTheReadEndsWhenGivenBack)
{
    ASSERT_TRUE(Statement::run(*m_db, QStringLiteral("INSERT INTO notes (id, title) VALUES (7, 'seven')")));
    {
        NativeStatement find(*m_db, "SELECT id FROM notes WHERE title = ?1");
        Result<bool> found = find.bind(1, QStringLiteral("seven")).next();
        ASSERT_TRUE(found);
        ASSERT_TRUE(*found);
        EXPECT_EQ(find.integer(0), 7);
        find.reset();
        Result<bool> none = find.bind(1, QStringLiteral("eight")).next();
        ASSERT_TRUE(none) << none.error().toString().toStdString();
        EXPECT_FALSE(*none);
        // Values bound while a read is under way are refused, and the next step says so.
        find.reset();
        ASSERT_TRUE(*find.bind(1, QStringLiteral("seven")).next());
        EXPECT_FALSE(find.bind(1, QStringLiteral("eight")).next());
        find.reset();
        ASSERT_TRUE(find.next()) << "a failure is reported once";
    }
    // No read left open: a transaction that writes still begins and commits.
    EXPECT_TRUE(m_db->transaction([&] {
        return Statement::run(*m_db, QStringLiteral("DELETE FROM notes WHERE id = 7"));
    }));
}

} // namespace
} // namespace marginalia

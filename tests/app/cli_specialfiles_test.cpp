// Issue 8: a FIFO, /dev/zero or a folder given as FILE is refused at once, with the file's name; a test
// that regresses fails on its short timeout instead of hanging the suite.

#include "app/clirun.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <sys/stat.h>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

// Runs marginalia-cli with a 10 s limit: these commands must answer at once.
test::CliRun runPromptly(const QStringList &arguments)
{
    QProcess process;
    process.setProcessEnvironment(test::environmentWithout(QStringLiteral("MARGINALIA_DB")));
    process.start(QStringLiteral(MARGINALIA_CLI), arguments);
    if (!process.waitForFinished(10000)) {
        process.kill();
        process.waitForFinished();
        ADD_FAILURE() << "marginalia-cli " << arguments.join(QLatin1Char(' ')).toStdString() << " did not return within 10 s";
        return {};
    }
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

class Issue8SpecialFiles : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        ASSERT_EQ(::mkfifo(QFile::encodeName(m_fifo).constData(), 0600), 0);
    }
    // Each command on each special file: exit 1, the file named with what it is.
    void expectRefused(const QStringList &command, bool withDb = false) const
    {
        const std::pair<QString, QString> cases[] = {
            {m_fifo, QStringLiteral("not a regular file (a FIFO)")},
            {QStringLiteral("/dev/zero"), QStringLiteral("not a regular file (a character device)")},
            {m_dir.path(), QStringLiteral("not a regular file (a folder)")},
        };
        for (const auto &[file, what] : cases) {
            QStringList arguments = QStringList(command) << file;
            if (withDb)
                arguments << QStringLiteral("--db") << m_db;
            const test::CliRun r = runPromptly(arguments);
            EXPECT_EQ(r.exitCode, 1) << command.join(QLatin1Char(' ')).toStdString() << ' ' << file.toStdString();
            EXPECT_TRUE(r.err.contains(file + QStringLiteral(": ") + what)) << r.err.toStdString();
        }
    }

    QTemporaryDir m_dir;
    QString m_fifo = m_dir.filePath(QStringLiteral("volume.xml"));
    QString m_db = m_dir.filePath(QStringLiteral("annotations.sqlite"));
};

TEST_F(Issue8SpecialFiles, InfoRefusesThemByName) { expectRefused({QStringLiteral("info")}); }
TEST_F(Issue8SpecialFiles, ShowRefusesThemByName) { expectRefused({QStringLiteral("show")}); }
TEST_F(Issue8SpecialFiles, AnnotationsRefusesThemByName) { expectRefused({QStringLiteral("annotations")}, true); }
TEST_F(Issue8SpecialFiles, ImportAnnotationsRefusesThemByName) { expectRefused({QStringLiteral("import-annotations")}, true); }

} // namespace
} // namespace marginalia

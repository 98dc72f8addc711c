// Issue 11: the command line on text copies of old-volume pages.
#include "clirun.h"

#include "support/testdata.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

using test::CliRun;
using test::printedJson;

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &data)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(data);
    return path;
}

TEST(CliTextCopy, Issue11DocumentThatOpensWithWarningsExitsZero)
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("kirk.txt"),
                                   "783.003/144\nThe Secretary of State to the Minister in Egypt (Kirk)\n[Extract]\n\n"
                                   "The Egyptian Government has asked.\n");
    const CliRun run = test::runCli({QStringLiteral("show"), path});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral("The Secretary of State to the Minister in Egypt (Kirk)")));
    EXPECT_TRUE(run.out.contains(QStringLiteral("The Egyptian Government has asked.")));
    EXPECT_TRUE(run.err.contains(QStringLiteral("no footnote list"))) << run.err.toStdString();
}

TEST(CliTextCopy, Issue11NothingToShowExitsOne)
{
    QTemporaryDir dir;
    const CliRun run = test::runCli({QStringLiteral("show"), writeFile(dir, QStringLiteral("n.txt"), "12\n\n3.\n")});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.out.isEmpty());
}

TEST(CliTextCopy, Issue11CopyWithoutNumberIsShownAsItsVolumesDocument)
{
    QTemporaryDir dir;
    const QString copy = writeFile(dir, QStringLiteral("pasted.txt"),
                                   test::readData(QStringLiteral("textcopies/frus1934v05-d122.txt")));
    const CliRun run = test::runCli({QStringLiteral("show"), copy, test::dataPath(QStringLiteral("frus1934v05.xml")),
                                     QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.err.isEmpty()) << run.err.toStdString();
    const QJsonObject doc = printedJson(run).object();
    EXPECT_EQ(doc.value(QStringLiteral("volume")).toString(), QStringLiteral("frus1934v05"));
    EXPECT_EQ(doc.value(QStringLiteral("id")).toString(), QStringLiteral("d122"));
    const QJsonArray notes = doc.value(QStringLiteral("footnotes")).toArray();
    ASSERT_EQ(notes.size(), 5);
    const char *const labels[] = {"38", "39", "38", "38", "40"};
    for (int k = 0; k < 5; ++k) {
        const QJsonObject note = notes.at(k).toObject();
        EXPECT_EQ(note.value(QStringLiteral("id")).toString(), QStringLiteral("d122fn") + QString::number(k + 1));
        EXPECT_EQ(note.value(QStringLiteral("label")).toString(), QLatin1String(labels[k]));
        EXPECT_GE(note.value(QStringLiteral("offset")).toInt(-1), 0);
    }
}

} // namespace
} // namespace marginalia

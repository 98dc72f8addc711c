// marginalia-cli library …: the library index driven as a user drives it, on the real volumes of tests/data.
#include "app/clirun.h"
#include "support/testdata.h"

#include <QDir>
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

class CliLibrary : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        ASSERT_TRUE(QDir(m_dir.path()).mkpath(QStringLiteral("volumes")));
        for (const char *name : {"frus1934v05.xml", "frus1894Nicaragua.xml", "frus1961-63v09-d316-d318.xml"}) {
            const QString file = QString::fromLatin1(name);
            ASSERT_TRUE(QFile::copy(test::dataPath(file), volume(file)));
        }
    }

    QString volume(const QString &name) const { return m_dir.filePath(QStringLiteral("volumes/") + name); }
    QString folder() const { return m_dir.filePath(QStringLiteral("volumes")); }
    CliRun library(const QStringList &arguments) const
    {
        return test::runCli(QStringList{QStringLiteral("library")} + arguments
                            + QStringList{QStringLiteral("--library"), m_library});
    }
    QJsonObject status() const
    {
        const CliRun r = library({QStringLiteral("status"), QStringLiteral("--json")});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return printedJson(r).object();
    }
    QJsonObject infoOf(const QString &file) const
    {
        const CliRun r = test::runCli({QStringLiteral("info"), file, QStringLiteral("--json")});
        return printedJson(r).object()[QStringLiteral("volumes")].toArray().at(0).toObject();
    }

    QTemporaryDir m_dir;
    QString m_library = m_dir.filePath(QStringLiteral("catalog.sqlite"));
};

TEST_F(CliLibrary, AddingAFolderIndexesEveryVolumeWithTheCountsInfoGives)
{
    const CliRun added = library({QStringLiteral("add"), folder(), QStringLiteral("--json")});
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    EXPECT_EQ(printedJson(added).object()[QStringLiteral("indexed")].toInt(), 3);
    EXPECT_TRUE(added.err.contains(QStringLiteral("Indexing: "))) << "progress on the terminal: " << added.err.toStdString();
    int documents = 0, footnotes = 0;
    for (const char *name : {"frus1934v05.xml", "frus1894Nicaragua.xml", "frus1961-63v09-d316-d318.xml"}) {
        const QJsonObject info = infoOf(volume(QString::fromLatin1(name)));
        documents += info[QStringLiteral("documents")].toInt();
        footnotes += info[QStringLiteral("footnotes")].toInt();
    }
    const QJsonObject s = status();
    EXPECT_EQ(s.keys(), (QStringList{QStringLiteral("documents"), QStringLiteral("failed"), QStringLiteral("footnotes"),
                                     QStringLiteral("indexing"), QStringLiteral("missing"), QStringLiteral("volumes")}));
    EXPECT_EQ(s[QStringLiteral("volumes")].toInt(), 3);
    EXPECT_EQ(s[QStringLiteral("documents")].toInt(), documents);
    EXPECT_EQ(s[QStringLiteral("footnotes")].toInt(), footnotes);
    EXPECT_EQ(s[QStringLiteral("missing")].toInt(), 0);
    EXPECT_EQ(s[QStringLiteral("failed")].toInt(), 0);
    EXPECT_EQ(s[QStringLiteral("indexing")], QJsonValue(false));

    const CliRun listed = library({QStringLiteral("list"), QStringLiteral("--json")});
    ASSERT_EQ(listed.exitCode, 0) << listed.err.toStdString();
    QStringList ids;
    for (const QJsonValue &v : printedJson(listed).object()[QStringLiteral("volumes")].toArray())
        ids << v[QStringLiteral("id")].toString();
    ids.sort();
    EXPECT_EQ(ids, (QStringList{QStringLiteral("frus1894Nicaragua"), QStringLiteral("frus1934v05"),
                                QStringLiteral("frus1961-63v09")}));
}

TEST_F(CliLibrary, AddingAgainReadsNothingThatDidNotChange)
{
    ASSERT_EQ(library({QStringLiteral("add"), folder()}).exitCode, 0);
    const CliRun again = library({QStringLiteral("add"), folder(), QStringLiteral("--json")});
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_EQ(printedJson(again).object()[QStringLiteral("indexed")].toInt(), 0);
    EXPECT_EQ(printedJson(again).object()[QStringLiteral("unchanged")].toInt(), 3);
    const CliRun reindexed = library({QStringLiteral("reindex"), QStringLiteral("--json")});
    ASSERT_EQ(reindexed.exitCode, 0) << reindexed.err.toStdString();
    EXPECT_EQ(printedJson(reindexed).object()[QStringLiteral("indexed")].toInt(), 3) << "reindex reads every file";
}

// `library show` prints exactly what `show` prints for the document, reading only its part of the file.
TEST_F(CliLibrary, ShowPrintsWhatShowPrintsForTheFile)
{
    ASSERT_EQ(library({QStringLiteral("add"), folder()}).exitCode, 0);
    const QString file = volume(QStringLiteral("frus1934v05.xml"));
    for (const char *id : {"d1", "d2", "d150", "d400", "d639"}) {
        for (const char *format : {"text", "json"}) {
            const QStringList options{QStringLiteral("--format"), QString::fromLatin1(format)};
            const CliRun direct = test::runCli(QStringList{QStringLiteral("show"), file, QStringLiteral("--doc"),
                                                           QString::fromLatin1(id)} + options);
            const CliRun lazy = library(QStringList{QStringLiteral("show"), QStringLiteral("frus1934v05/") + QLatin1String(id)}
                                        + options);
            ASSERT_EQ(lazy.exitCode, direct.exitCode) << id << lazy.err.toStdString();
            EXPECT_EQ(lazy.out, direct.out) << id << " " << format;
            EXPECT_EQ(lazy.err, direct.err) << id << " " << format;
        }
    }
    const CliRun letter = library({QStringLiteral("show"), QStringLiteral("frus1961-63v09/d317")});
    ASSERT_EQ(letter.exitCode, 0) << letter.err.toStdString();
    EXPECT_EQ(letter.out, test::runCli({QStringLiteral("show"), volume(QStringLiteral("frus1961-63v09-d316-d318.xml")),
                                        QStringLiteral("--doc"), QStringLiteral("d317")})
                              .out);
    const CliRun unknown = library({QStringLiteral("show"), QStringLiteral("frus1934v05/d9999")});
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("no document with id \"d9999\""))) << unknown.err.toStdString();
    EXPECT_EQ(library({QStringLiteral("show"), QStringLiteral("d2")}).exitCode, 2) << "VOLUME/ID is required";
}

TEST_F(CliLibrary, SearchPrintsTheTotalAndEachResultInTheContractShape)
{
    ASSERT_EQ(library({QStringLiteral("add"), folder()}).exitCode, 0);
    const CliRun found = library({QStringLiteral("search"), QStringLiteral("Hodges"), QStringLiteral("--json")});
    ASSERT_EQ(found.exitCode, 0) << found.err.toStdString();
    const QJsonObject json = printedJson(found).object();
    ASSERT_GE(json[QStringLiteral("total")].toInt(), 1);
    const QJsonArray results = json[QStringLiteral("results")].toArray();
    ASSERT_EQ(results.size(), json[QStringLiteral("total")].toInt());
    for (const QJsonValue &r : results) {
        for (const char *key : {"volume", "id", "number", "title", "date", "score", "snippet"})
            EXPECT_TRUE(r.toObject().contains(QLatin1String(key))) << key;
    }
    EXPECT_EQ(results.at(0)[QStringLiteral("volume")].toString(), QStringLiteral("frus1961-63v09"));
    EXPECT_TRUE(results.at(0)[QStringLiteral("snippet")].toString().contains(QStringLiteral("«Hodges»")));

    const CliRun limited = library({QStringLiteral("search"), QStringLiteral("the"), QStringLiteral("--limit"),
                                    QStringLiteral("5"), QStringLiteral("--json")});
    ASSERT_EQ(limited.exitCode, 0) << limited.err.toStdString();
    EXPECT_EQ(printedJson(limited).object()[QStringLiteral("results")].toArray().size(), 5);
    EXPECT_GT(printedJson(limited).object()[QStringLiteral("total")].toInt(), 500) << "the total counts every match, not the page";

    const CliRun dated = library({QStringLiteral("search"), QStringLiteral("the"), QStringLiteral("--from"),
                                  QStringLiteral("1962-09-01"), QStringLiteral("--to"), QStringLiteral("1962-09-30"),
                                  QStringLiteral("--json")});
    ASSERT_EQ(dated.exitCode, 0) << dated.err.toStdString();
    QStringList ids;
    for (const QJsonValue &r : printedJson(dated).object()[QStringLiteral("results")].toArray())
        ids << r[QStringLiteral("id")].toString();
    ids.sort();
    EXPECT_EQ(ids, (QStringList{QStringLiteral("d317"), QStringLiteral("d318")}));

    const CliRun bad = library({QStringLiteral("search"), QStringLiteral("\"soviet")});
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("unbalanced quote"))) << bad.err.toStdString();
    EXPECT_FALSE(bad.err.contains(QStringLiteral("fts5"), Qt::CaseInsensitive)) << bad.err.toStdString();
    EXPECT_EQ(library({QStringLiteral("search"), QStringLiteral("x"), QStringLiteral("--from"), QStringLiteral("June")}).exitCode, 2);
}

// "Has my annotations" / tag: the annotation database (--db) says which documents, the index searches them.
TEST_F(CliLibrary, SearchKeepsToTheAnnotatedOrTaggedDocumentsWhenAsked)
{
    ASSERT_EQ(library({QStringLiteral("add"), folder()}).exitCode, 0);
    const QString db = m_dir.filePath(QStringLiteral("annotations.sqlite"));
    const CliRun annotated = test::runCli({QStringLiteral("annotate"), volume(QStringLiteral("frus1961-63v09-d316-d318.xml")),
                                           QStringLiteral("--doc"), QStringLiteral("d317"), QStringLiteral("--quote"),
                                           QStringLiteral("code of fair practices"), QStringLiteral("--tag"),
                                           QStringLiteral("Trade"), QStringLiteral("--db"), db, QStringLiteral("--library"),
                                           m_dir.filePath(QStringLiteral("other-index.sqlite"))});
    ASSERT_EQ(annotated.exitCode, 0) << annotated.err.toStdString();
    const auto ids = [&](const QStringList &extra) {
        const CliRun r = library(QStringList{QStringLiteral("search"), QStringLiteral("the"), QStringLiteral("--json"),
                                             QStringLiteral("--db"), db} + extra);
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        QStringList found;
        for (const QJsonValue &hit : printedJson(r).object()[QStringLiteral("results")].toArray())
            found << hit[QStringLiteral("volume")].toString() + QLatin1Char('/') + hit[QStringLiteral("id")].toString();
        return found;
    };
    EXPECT_GT(ids({}).size(), 1);
    EXPECT_EQ(ids({QStringLiteral("--annotated")}), QStringList{QStringLiteral("frus1961-63v09/d317")});
    EXPECT_EQ(ids({QStringLiteral("--tag"), QStringLiteral("trade")}), QStringList{QStringLiteral("frus1961-63v09/d317")})
        << "tags match without regard to case";
    EXPECT_TRUE(ids({QStringLiteral("--tag"), QStringLiteral("Cuba")}).isEmpty());
}

TEST_F(CliLibrary, AVanishedFileIsMissingABrokenOneFailedAndTheOthersIndexed)
{
    {
        QFile broken(volume(QStringLiteral("broken.xml")));
        ASSERT_TRUE(broken.open(QIODevice::WriteOnly));
        broken.write("<?xml version=\"1.0\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n<text><body><div>\n</body></TEI>\n");
    }
    const CliRun added = library({QStringLiteral("add"), folder(), QStringLiteral("--json")});
    EXPECT_EQ(added.exitCode, 1) << "a file that does not parse is bad input";
    EXPECT_EQ(printedJson(added).object()[QStringLiteral("indexed")].toInt(), 3);
    EXPECT_EQ(printedJson(added).object()[QStringLiteral("failed")].toInt(), 1);
    EXPECT_TRUE(added.err.contains(volume(QStringLiteral("broken.xml")) + QStringLiteral(":4:"))) << added.err.toStdString();
    ASSERT_TRUE(QFile::remove(volume(QStringLiteral("frus1894Nicaragua.xml"))));
    library({QStringLiteral("reindex")});
    const QJsonObject s = status();
    EXPECT_EQ(s[QStringLiteral("missing")].toInt(), 1);
    EXPECT_EQ(s[QStringLiteral("failed")].toInt(), 1);
    const CliRun removed = library({QStringLiteral("remove"), QStringLiteral("frus1894Nicaragua")});
    EXPECT_EQ(removed.exitCode, 0) << removed.err.toStdString();
    EXPECT_EQ(status()[QStringLiteral("missing")].toInt(), 0);
    EXPECT_EQ(library({QStringLiteral("remove"), QStringLiteral("frus1900")}).exitCode, 1);
}

TEST_F(CliLibrary, ReadingCommandsOnAMissingIndexSaySoAndCreateNothing)
{
    for (const char *command : {"status", "list", "search"}) {
        QStringList arguments{QString::fromLatin1(command)};
        if (arguments.first() == QLatin1String("search"))
            arguments << QStringLiteral("x");
        const CliRun r = library(arguments);
        EXPECT_EQ(r.exitCode, 1) << command;
        EXPECT_TRUE(r.err.contains(QStringLiteral("no such library index"))) << command << r.err.toStdString();
    }
    EXPECT_FALSE(QFile::exists(m_library));
    EXPECT_EQ(library({}).exitCode, 2);
    EXPECT_EQ(library({QStringLiteral("frobnicate")}).exitCode, 2);
}

} // namespace
} // namespace marginalia

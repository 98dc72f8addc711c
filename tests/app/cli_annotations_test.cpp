// marginalia-cli's annotation commands, run as a user would: the real binary on the real FRUS files.

#include "app/clirun.h"
#include "support/testdata.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace marginalia {
namespace {

using test::CliRun;
using test::printedJson;
using test::environmentWithout;

CliRun finish(QProcess &process)
{
    return test::finishCli(process);
}

CliRun cli(const QStringList &arguments, const QProcessEnvironment &env = environmentWithout(QStringLiteral("MARGINALIA_DB")))
{
    return test::runCli(arguments, env);
}

const QString tei = test::dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"));
const QString copy = test::dataPath(QStringLiteral("frus1961-63v09-d317.txt"));
const QString quote = QStringLiteral("code of fair practices");

class CliAnnotations : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QStringList withDb(QStringList arguments, const QString &db = {}) const
    {
        return arguments << QStringLiteral("--db") << (db.isEmpty() ? m_db : db);
    }
    CliRun run(const QStringList &arguments, const QString &db = {}) const { return cli(withDb(arguments, db)); }

    // Annotates the text copy; returns the new id (empty on failure).
    QString annotate(const QStringList &extra, const QString &db = {}) const
    {
        const CliRun r = run(QStringList{QStringLiteral("annotate"), copy} + extra, db);
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        EXPECT_FALSE(QUuid(r.lastLine()).isNull()) << r.out.toStdString();
        return r.exitCode == 0 ? r.lastLine() : QString();
    }
    QJsonArray listed(const QStringList &arguments, const QString &db = {}) const
    {
        const CliRun r = run(QStringList{QStringLiteral("annotations")} + arguments + QStringList{QStringLiteral("--json")}, db);
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return printedJson(r).array();
    }
    static QString readingText(const QString &file, const QString &doc)
    {
        const CliRun r = cli({QStringLiteral("show"), file, QStringLiteral("--doc"), doc, QStringLiteral("--format"),
                              QStringLiteral("json")});
        return printedJson(r).object().value(QStringLiteral("text")).toString();
    }

    QTemporaryDir m_dir;
    QString m_db = m_dir.filePath(QStringLiteral("annotations.sqlite"));
};

QString passage(const QString &text, const QJsonObject &a)
{
    const int start = a.value(QStringLiteral("start")).toInt();
    return text.mid(start, a.value(QStringLiteral("end")).toInt() - start);
}

TEST_F(CliAnnotations, NoteOnTheTextCopyIsFoundOnTheTeiAtTheSameWords)
{
    const QString id = annotate({QStringLiteral("--quote"), quote, QStringLiteral("--tag"), QStringLiteral("Trade"),
                                 QStringLiteral("--note"), QStringLiteral("Compare the draft code.")});
    ASSERT_FALSE(id.isEmpty());
    const QJsonArray onTei = listed({tei, QStringLiteral("--doc"), QStringLiteral("d317")});
    ASSERT_EQ(onTei.size(), 1);
    const QJsonObject a = onTei.at(0).toObject();
    EXPECT_EQ(a[QStringLiteral("id")].toString(), id);
    EXPECT_EQ(a[QStringLiteral("document")].toString(), QStringLiteral("frus1961-63v09/d317"));
    EXPECT_EQ(a[QStringLiteral("orphan")], QJsonValue(false));
    EXPECT_EQ(a[QStringLiteral("exact")].toString(), quote);
    EXPECT_EQ(a[QStringLiteral("note")].toString(), QStringLiteral("Compare the draft code."));
    EXPECT_EQ(a[QStringLiteral("tags")].toArray(), QJsonArray{QStringLiteral("Trade")});
    EXPECT_TRUE(a[QStringLiteral("color")].toString().startsWith(QLatin1Char('#')));
    EXPECT_EQ(passage(readingText(tei, QStringLiteral("d317")), a), quote);
    // Other documents of the file have none.
    EXPECT_TRUE(listed({tei, QStringLiteral("--doc"), QStringLiteral("d316")}).isEmpty());
    // Without files: as stored, never an orphan.
    const QJsonArray stored = listed({});
    ASSERT_EQ(stored.size(), 1);
    EXPECT_EQ(stored.at(0)[QStringLiteral("orphan")], QJsonValue(false));
    EXPECT_EQ(passage(readingText(copy, QStringLiteral("d317")), stored.at(0).toObject()), quote);
    EXPECT_EQ(listed({QStringLiteral("--doc"), QStringLiteral("frus1961-63v09/d317")}).size(), 1);
    EXPECT_TRUE(listed({QStringLiteral("--doc"), QStringLiteral("frus1961-63v09/d316")}).isEmpty());
    EXPECT_TRUE(listed({QStringLiteral("--tag"), QStringLiteral("Other")}).isEmpty());
    EXPECT_EQ(listed({QStringLiteral("--tag"), QStringLiteral("trade")}).size(), 1);
    const CliRun text = run({QStringLiteral("annotations")});
    EXPECT_TRUE(text.out.contains(id) && text.out.contains(quote)) << text.out.toStdString();
}

TEST_F(CliAnnotations, OccurrenceCountsTheBodyThenTheNotes)
{
    annotate({QStringLiteral("--quote"), QStringLiteral("trade"), QStringLiteral("--occurrence"), QStringLiteral("2")});
    annotate({QStringLiteral("--quote"), QStringLiteral("Hodges"), QStringLiteral("--occurrence"), QStringLiteral("2")});
    const QJsonArray all = listed({tei});
    ASSERT_EQ(all.size(), 2);
    const QString body = readingText(tei, QStringLiteral("d317"));
    QJsonObject trade;
    QJsonObject hodges;
    for (const QJsonValue &v : all)
        (v[QStringLiteral("exact")].toString() == QLatin1String("trade") ? trade : hodges) = v.toObject();
    EXPECT_EQ(trade[QStringLiteral("start")].toInt(), body.indexOf(QStringLiteral("trade"), body.indexOf(QStringLiteral("trade")) + 1));
    EXPECT_TRUE(trade[QStringLiteral("footnote")].isNull());
    // "Hodges" is once in the body: the second one is in the first note after the source note.
    EXPECT_EQ(hodges[QStringLiteral("footnote")].toString(), QStringLiteral("d317fn1"));
    EXPECT_EQ(hodges[QStringLiteral("orphan")], QJsonValue(false));
}

TEST_F(CliAnnotations, QuoteNotFoundExitsOneAndWritesNothing)
{
    const CliRun r = run({QStringLiteral("annotate"), copy, QStringLiteral("--quote"), QStringLiteral("not in this letter")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.startsWith(copy + QStringLiteral(": the quote \"not in this letter\" is not in d317")))
        << r.err.toStdString();
    EXPECT_TRUE(r.out.isEmpty());
    const CliRun third = run({QStringLiteral("annotate"), copy, QStringLiteral("--quote"), quote,
                              QStringLiteral("--occurrence"), QStringLiteral("3")});
    EXPECT_EQ(third.exitCode, 1);
    EXPECT_FALSE(QFile::exists(m_db)) << "a failed annotate must not even create the database";
}

TEST_F(CliAnnotations, WrongUsageExitsTwo)
{
    const auto code = [&](const QStringList &arguments) { return run(arguments).exitCode; };
    EXPECT_EQ(code({QStringLiteral("annotate"), copy}), 2); // no --quote
    EXPECT_EQ(code({QStringLiteral("annotate"), QStringLiteral("--quote"), quote}), 2); // no FILE
    EXPECT_EQ(code({QStringLiteral("annotate"), copy, QStringLiteral("--quote"), quote, QStringLiteral("--occurrence"),
                    QStringLiteral("0")}), 2);
    EXPECT_EQ(code({QStringLiteral("annotate"), copy, QStringLiteral("--quote"), quote, QStringLiteral("--color"),
                    QStringLiteral("yellow")}), 2);
    EXPECT_EQ(code({QStringLiteral("annotations"), QStringLiteral("--bogus")}), 2);
    EXPECT_EQ(code({QStringLiteral("search")}), 2);
    EXPECT_EQ(code({QStringLiteral("tags"), QStringLiteral("extra")}), 2);
    EXPECT_EQ(code({QStringLiteral("export-annotations"), QStringLiteral("--format"), QStringLiteral("pdf")}), 2);
    EXPECT_EQ(code({QStringLiteral("import-annotations")}), 2);
    EXPECT_EQ(cli({QStringLiteral("annotate"), copy, QStringLiteral("--quote"), quote, QStringLiteral("--db")}).exitCode, 2);
    EXPECT_FALSE(QFile::exists(m_db)); // nothing was opened
}

TEST_F(CliAnnotations, TagsListNameCountAndColour)
{
    annotate({QStringLiteral("--quote"), quote, QStringLiteral("--tag"), QStringLiteral("Trade")});
    annotate({QStringLiteral("--quote"), QStringLiteral("trade"), QStringLiteral("--tag"), QStringLiteral("Trade"),
              QStringLiteral("--tag"), QStringLiteral("NATO"), QStringLiteral("--color"), QStringLiteral("#a0c4ff")});
    const CliRun r = run({QStringLiteral("tags")});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("Trade\t2\t#"))) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("NATO\t1\t#"))) << r.out.toStdString();
}

TEST_F(CliAnnotations, ExportW3cThenImportIntoAFreshDatabaseNeverDuplicates)
{
    annotate({QStringLiteral("--quote"), quote, QStringLiteral("--tag"), QStringLiteral("Trade"), QStringLiteral("--note"),
              QStringLiteral("Line one\nline two")});
    annotate({QStringLiteral("--quote"), QStringLiteral("Hodges"), QStringLiteral("--occurrence"), QStringLiteral("2")});
    const QString file = path(QStringLiteral("export.jsonld"));
    const CliRun exported = run({QStringLiteral("export-annotations"), QStringLiteral("--format"), QStringLiteral("w3c"),
                                 QStringLiteral("-o"), file});
    ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    EXPECT_TRUE(exported.out.isEmpty());
    const QString fresh = path(QStringLiteral("fresh.sqlite"));
    const CliRun imported = run({QStringLiteral("import-annotations"), file}, fresh);
    EXPECT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    EXPECT_TRUE(imported.out.contains(QStringLiteral("2 added"))) << imported.out.toStdString();
    const CliRun again = run({QStringLiteral("import-annotations"), file}, fresh);
    EXPECT_TRUE(again.out.contains(QStringLiteral("0 added, 0 updated"))) << again.out.toStdString();
    EXPECT_EQ(listed({}, fresh), listed({}));
    EXPECT_EQ(listed({tei}, fresh), listed({tei}));
    // To standard output without -o: the same collection.
    const CliRun stdoutExport = run({QStringLiteral("export-annotations"), QStringLiteral("--format"), QStringLiteral("w3c")});
    QFile written(file);
    ASSERT_TRUE(written.open(QIODevice::ReadOnly));
    EXPECT_EQ(printedJson(stdoutExport).object(), QJsonDocument::fromJson(written.readAll()).object());
    // Issue 13 (8): the annotations stand in the collection's first page.
    EXPECT_EQ(printedJson(stdoutExport).object()[QStringLiteral("first")][QStringLiteral("items")].toArray().size(), 2);
}

// Issue 13 (11): a note made on the text copy is exported with its position in the TEI reading text
// (what `show` prints for the TEI file) when the TEI file is given.
TEST_F(CliAnnotations, Issue13ExportCountsPositionsInTheTeiReadingTextOfTheTeiGiven)
{
    annotate({QStringLiteral("--quote"), quote});
    const CliRun exported = run({QStringLiteral("export-annotations"), tei, copy});
    ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    const QJsonObject collection = printedJson(exported).object();
    EXPECT_EQ(collection[QStringLiteral("marginalia:textPositions")].toString(), QStringLiteral("tei-reading-text"));
    const QJsonObject target = collection[QStringLiteral("first")][QStringLiteral("items")][0][QStringLiteral("target")].toObject();
    const QJsonArray selectors = target[QStringLiteral("selector")].toArray();
    ASSERT_EQ(selectors.size(), 2);
    const QString teiText = readingText(tei, QStringLiteral("d317"));
    EXPECT_EQ(selectors[1][QStringLiteral("start")].toInt(), teiText.indexOf(quote));
    EXPECT_EQ(passage(teiText, selectors[1].toObject()), quote);
    EXPECT_NE(teiText.indexOf(quote), readingText(copy, QStringLiteral("d317")).indexOf(quote));
    // Without the TEI: no position is claimed, the stored one is a hint.
    const QJsonObject bare = printedJson(run({QStringLiteral("export-annotations")})).object();
    const QJsonObject bareTarget = bare[QStringLiteral("first")][QStringLiteral("items")][0][QStringLiteral("target")].toObject();
    EXPECT_EQ(bareTarget[QStringLiteral("selector")].toArray().size(), 1);
    EXPECT_EQ(bareTarget[QStringLiteral("marginalia:storedPosition")][QStringLiteral("start")].toInt(),
              readingText(copy, QStringLiteral("d317")).indexOf(quote));
}

// Issue 13 (13, 14): a Hypothesis search response imports; its page note and its reply are named on
// stderr with FILE:LINE:COLUMN and why, and the import exits 0.
TEST_F(CliAnnotations, Issue13HypothesisSearchResponseImportsAllButThePageNoteAndTheReply)
{
    const QString file = test::dataPath(QStringLiteral("hypothesis/search-frus1961-63v09.json"));
    const CliRun imported = run({QStringLiteral("import-annotations"), file});
    EXPECT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    EXPECT_EQ(imported.out.trimmed(), QStringLiteral("3 added, 0 updated, 0 unchanged, 2 skipped")) << imported.out.toStdString();
    const QStringList errors = imported.err.trimmed().split(QLatin1Char('\n'));
    ASSERT_EQ(errors.size(), 2) << imported.err.toStdString();
    static const QRegularExpression where(QStringLiteral("^skipped: (.+):(\\d+):(\\d+): annotation (\\d) \\(id ([A-Za-z0-9_-]+)\\): (.+)$"));
    const QRegularExpressionMatch pageNote = where.match(errors[0]);
    ASSERT_TRUE(pageNote.hasMatch()) << errors[0].toStdString();
    EXPECT_EQ(pageNote.captured(1), file);
    EXPECT_EQ(pageNote.captured(4), QStringLiteral("2"));
    EXPECT_TRUE(pageNote.captured(6).startsWith(QStringLiteral("a page note")));
    // The line named holds that annotation's id.
    const QList<QByteArray> lines = test::readData(QStringLiteral("hypothesis/search-frus1961-63v09.json")).split('\n');
    EXPECT_TRUE(lines.value(pageNote.captured(2).toInt() - 1).contains(pageNote.captured(5).toUtf8()));
    const QRegularExpressionMatch reply = where.match(errors[1]);
    ASSERT_TRUE(reply.hasMatch()) << errors[1].toStdString();
    EXPECT_TRUE(reply.captured(6).startsWith(QStringLiteral("a reply")));

    const QJsonArray all = listed({tei});
    ASSERT_EQ(all.size(), 3);
    QStringList documents;
    for (const QJsonValue &a : all) {
        documents << a[QStringLiteral("document")].toString();
        EXPECT_EQ(a[QStringLiteral("orphan")], QJsonValue(false)) << a[QStringLiteral("exact")].toString().toStdString();
    }
    documents.sort();
    EXPECT_EQ(documents, (QStringList{QStringLiteral("frus1961-63v09/d316"), QStringLiteral("frus1961-63v09/d317"),
                                      QStringLiteral("frus1961-63v09/d318")}));
    EXPECT_EQ(run({QStringLiteral("import-annotations"), file}).out.trimmed(),
              QStringLiteral("0 added, 0 updated, 3 unchanged, 2 skipped"));
}

// Issue 13 (14): a page note (no quote) among others is skipped, named with FILE:LINE:COLUMN; exit 0.
TEST_F(CliAnnotations, Issue13APageNoteIsSkippedNamedAndTheRestImports)
{
    const QString file = path(QStringLiteral("mixed.jsonld"));
    QFile out(file);
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    out.write("[{\"type\": \"Annotation\", \"target\": {\"source\": \"https://history.state.gov/historicaldocuments/frus1961-63v09/d317\",\n"
              "   \"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": \"fair practices\"}}},\n"
              "  {\"type\": \"Annotation\", \"bodyValue\": \"On the whole page\",\n"
              "   \"target\": \"https://history.state.gov/historicaldocuments/frus1961-63v09/d317\"}]\n");
    out.close();
    const CliRun r = run({QStringLiteral("import-annotations"), file});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.out.trimmed(), QStringLiteral("1 added, 0 updated, 0 unchanged, 1 skipped"));
    EXPECT_TRUE(r.err.startsWith(QStringLiteral("skipped: ") + file + QStringLiteral(":3:3: annotation 2: it has no TextQuoteSelector")))
        << r.err.toStdString();
    EXPECT_EQ(listed({}).size(), 1);
}

TEST_F(CliAnnotations, ImportOfBadJsonExitsOneWithLineAndColumn)
{
    const QString file = path(QStringLiteral("bad.jsonld"));
    QFile out(file);
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    out.write("{\n  \"items\": [\n    {,}\n");
    out.close();
    const CliRun r = run({QStringLiteral("import-annotations"), file});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.startsWith(file + QStringLiteral(":3:"))) << r.err.toStdString();
}

TEST_F(CliAnnotations, MarkdownCitesDocumentAndPage)
{
    annotate({QStringLiteral("--quote"), quote, QStringLiteral("--tag"), QStringLiteral("Trade"), QStringLiteral("--note"),
              QStringLiteral("Compare the draft code.")});
    const CliRun md = run({QStringLiteral("export-annotations"), QStringLiteral("--format"), QStringLiteral("markdown"),
                           QStringLiteral("--tag"), QStringLiteral("Trade"), tei});
    EXPECT_EQ(md.exitCode, 0) << md.err.toStdString();
    EXPECT_TRUE(md.out.contains(QStringLiteral("FRUS 1961\u201363, vol. IX, Doc. 317, p. 704"))) << md.out.toStdString();
    EXPECT_TRUE(md.out.contains(QStringLiteral("> code of fair practices")));
    EXPECT_TRUE(md.out.contains(QStringLiteral("#Trade")));
    // Without the document open: cited by its key.
    const QString file = path(QStringLiteral("notes.md"));
    EXPECT_EQ(run({QStringLiteral("export-annotations"), QStringLiteral("--format"), QStringLiteral("markdown"),
                   QStringLiteral("-o"), file}).exitCode, 0);
    QFile written(file);
    ASSERT_TRUE(written.open(QIODevice::ReadOnly));
    EXPECT_TRUE(QString::fromUtf8(written.readAll()).contains(QStringLiteral("frus1961-63v09/d317")));
}

TEST_F(CliAnnotations, SearchFindsTagsAndNotes)
{
    const QString id = annotate({QStringLiteral("--quote"), quote, QStringLiteral("--tag"), QStringLiteral("Trade"),
                                 QStringLiteral("--note"), QStringLiteral("Compare the draft code.")});
    const CliRun byTag = run({QStringLiteral("search"), QStringLiteral("Trade")});
    EXPECT_EQ(byTag.exitCode, 0) << byTag.err.toStdString();
    EXPECT_TRUE(byTag.out.contains(id)) << byTag.out.toStdString();
    const CliRun byNote = run({QStringLiteral("search"), QStringLiteral("compare"), QStringLiteral("--json")});
    const QJsonArray hits = printedJson(byNote).array();
    const auto annotationHit = std::find_if(hits.begin(), hits.end(), [](const QJsonValue &hit) {
        return hit[QStringLiteral("kind")].toString() == QLatin1String("annotation");
    });
    ASSERT_NE(annotationHit, hits.end()) << byNote.out.toStdString();
    EXPECT_EQ((*annotationHit)[QStringLiteral("id")].toString(), id);
    EXPECT_EQ((*annotationHit)[QStringLiteral("document")].toString(), QStringLiteral("frus1961-63v09/d317"));
    // The annotated document's own text is searchable too (a word of its source note).
    const QJsonArray inText = printedJson(run({QStringLiteral("search"), QStringLiteral("Breaux"), QStringLiteral("--json")})).array();
    ASSERT_EQ(inText.size(), 1) << QJsonDocument(inText).toJson().toStdString();
    EXPECT_EQ(inText.at(0)[QStringLiteral("kind")].toString(), QStringLiteral("document"));
}

// Issue 9: the document's text goes to the library index named by --library, never into the annotation
// database; `search` finds it there, and without that index finds the annotation alone.
TEST_F(CliAnnotations, Issue9TheAnnotatedDocumentsTextGoesToTheLibraryIndex)
{
    const QString library = path(QStringLiteral("catalog.sqlite"));
    const QString id = annotate({QStringLiteral("--quote"), quote, QStringLiteral("--note"), QStringLiteral("Breaux too"),
                                 QStringLiteral("--library"), library});
    ASSERT_FALSE(id.isEmpty());
    ASSERT_TRUE(QFileInfo::exists(library));
    const auto kinds = [&](const QString &index) {
        const CliRun r = run({QStringLiteral("search"), QStringLiteral("Breaux"), QStringLiteral("--json"),
                              QStringLiteral("--library"), index});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        QStringList found;
        for (const QJsonValue &hit : printedJson(r).array())
            found << hit[QStringLiteral("kind")].toString();
        found.sort();
        return found;
    };
    EXPECT_EQ(kinds(library), (QStringList{QStringLiteral("annotation"), QStringLiteral("document")}));
    EXPECT_EQ(kinds(path(QStringLiteral("no-such-index.sqlite"))), QStringList{QStringLiteral("annotation")});
    EXPECT_FALSE(QFileInfo::exists(path(QStringLiteral("no-such-index.sqlite")))) << "search never creates an index";
    QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("issue9-raw"));
    raw.setDatabaseName(m_db);
    ASSERT_TRUE(raw.open());
    QSqlQuery tables(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name LIKE '%documents%'"), raw);
    ASSERT_TRUE(tables.next());
    EXPECT_EQ(tables.value(0).toInt(), 0) << "no document table in the annotation database";
    tables = QSqlQuery();
    raw.close();
    raw = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("issue9-raw"));
}

TEST_F(CliAnnotations, FourAnnotateProcessesAtOnceAllSucceed)
{
    const QStringList quotes{quote, QStringLiteral("trade"), QStringLiteral("NATO"), QStringLiteral("Hodges")};
    std::vector<std::unique_ptr<QProcess>> processes;
    for (const QString &q : quotes) {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(environmentWithout(QStringLiteral("MARGINALIA_DB")));
        p->start(QStringLiteral(MARGINALIA_CLI), withDb({QStringLiteral("annotate"), copy, QStringLiteral("--quote"), q,
                                                         QStringLiteral("--tag"), QStringLiteral("Busy")}));
        processes.push_back(std::move(p));
    }
    QStringList ids;
    for (auto &p : processes) {
        const CliRun r = finish(*p);
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        ids.append(r.lastLine());
    }
    const QJsonArray all = listed({});
    ASSERT_EQ(all.size(), 4);
    for (const QString &id : ids) {
        EXPECT_TRUE(std::any_of(all.begin(), all.end(), [&](const QJsonValue &v) { return v[QStringLiteral("id")] == id; }))
            << id.toStdString();
    }
    EXPECT_TRUE(run({QStringLiteral("tags")}).out.contains(QStringLiteral("Busy\t4\t")));
}

TEST_F(CliAnnotations, MarginaliaDbEnvironmentVariableChoosesTheDatabase)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MARGINALIA_DB"), m_db);
    const CliRun r = cli({QStringLiteral("annotate"), copy, QStringLiteral("--quote"), quote}, env);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(QFile::exists(m_db));
    ASSERT_EQ(listed({}).size(), 1); // the same file through --db
    EXPECT_EQ(printedJson(cli({QStringLiteral("annotations"), QStringLiteral("--json")}, env)).array().size(), 1);
    // --db wins over the variable.
    const QString other = path(QStringLiteral("other.sqlite"));
    const CliRun fromOther = cli(withDb({QStringLiteral("annotations"), QStringLiteral("--json")}, other), env);
    EXPECT_EQ(fromOther.exitCode, 1);
    EXPECT_EQ(fromOther.err.trimmed(), other + QStringLiteral(": no such annotation database"));
    EXPECT_FALSE(QFile::exists(other));
}

TEST_F(CliAnnotations, PassageGoneFromTheTextIsListedAsOrphan)
{
    annotate({QStringLiteral("--quote"), quote});
    // The same document (same file name, so the same key) with the passage rewritten.
    QTemporaryDir changedDir;
    const QString changed = changedDir.filePath(QStringLiteral("frus1961-63v09-d317.txt"));
    QFile out(changed);
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    out.write(test::readData(QStringLiteral("frus1961-63v09-d317.txt"))
                  .replace("code of fair practices", "scheme of mutual forbearance between allies"));
    out.close();
    const QJsonArray anchored = listed({changed});
    ASSERT_EQ(anchored.size(), 1);
    EXPECT_EQ(anchored.at(0)[QStringLiteral("orphan")], QJsonValue(true));
    EXPECT_EQ(anchored.at(0)[QStringLiteral("exact")].toString(), quote); // kept, never dropped
}

TEST_F(CliAnnotations, DatabaseThatCannotBeOpenedExitsOneAndIsLeftAlone)
{
    const QString notSqlite = path(QStringLiteral("notes.sqlite"));
    QFile out(notSqlite);
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    const QByteArray content(4096, 'x');
    out.write(content);
    out.close();
    const CliRun r = run({QStringLiteral("annotate"), copy, QStringLiteral("--quote"), quote}, notSqlite);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(notSqlite)) << r.err.toStdString();
    EXPECT_TRUE(r.out.isEmpty());
    QFile in(notSqlite);
    ASSERT_TRUE(in.open(QIODevice::ReadOnly));
    EXPECT_EQ(in.readAll(), content);
    EXPECT_EQ(run({QStringLiteral("tags")}, notSqlite).exitCode, 1);
}

// Issue 8: an imported W3C file whose quote, note and tags hold terminal sequences (a title OSC ended
// by BEL, a clear-screen CSI, an 8-bit CSI, a right-to-left override): listed, searched and counted,
// they are printed visibly; as JSON they keep their value, escaped.
TEST_F(CliAnnotations, Issue8ImportedControlCharactersArePrintedVisibly)
{
    const QString osc = QStringLiteral("\x1b]0;pwned\x07");
    const QString clear = QStringLiteral("\x1b[2J");
    const QString csi8 = QString(QChar(0x9B)) + QStringLiteral("31m");
    const QString rlo = QString(QChar(0x202E));
    const QString note = QStringLiteral("pwned ") + osc + csi8 + rlo;
    const QString tag = QStringLiteral("Trade") + clear + QStringLiteral("\tx");
    const QString exact = QStringLiteral("code of ") + clear + QStringLiteral("fair practices");
    const QJsonObject item{
        {QStringLiteral("id"), QStringLiteral("urn:uuid:0b0d5f3e-6a43-4a55-9f8a-5b8f2c1d9e01")},
        {QStringLiteral("type"), QStringLiteral("Annotation")},
        {QStringLiteral("body"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("TextualBody")},
                                                        {QStringLiteral("purpose"), QStringLiteral("commenting")},
                                                        {QStringLiteral("value"), note}},
                                            QJsonObject{{QStringLiteral("type"), QStringLiteral("TextualBody")},
                                                        {QStringLiteral("purpose"), QStringLiteral("tagging")},
                                                        {QStringLiteral("value"), tag}}}},
        {QStringLiteral("target"),
         QJsonObject{{QStringLiteral("marginalia:document"), QStringLiteral("frus1961-63v09/d317")},
                     {QStringLiteral("selector"),
                      QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("TextQuoteSelector")},
                                             {QStringLiteral("exact"), exact}}}}}},
    };
    const QString file = path(QStringLiteral("hostile.jsonld"));
    QFile out(file);
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("AnnotationCollection")},
                                        {QStringLiteral("items"), QJsonArray{item}}})
                  .toJson());
    out.close();
    const CliRun imported = run({QStringLiteral("import-annotations"), file});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();

    const auto expectNothingLive = [](const QString &printed) {
        for (const QChar c : {QChar(0x1B), QChar(0x07), QChar(0x9B), QChar(0x202E)})
            EXPECT_FALSE(printed.contains(c)) << printed.toStdString();
    };
    const CliRun listedRun = run({QStringLiteral("annotations")});
    ASSERT_EQ(listedRun.exitCode, 0) << listedRun.err.toStdString();
    expectNothingLive(listedRun.out);
    EXPECT_TRUE(listedRun.out.contains(QStringLiteral("pwned \u241B]0;pwned\u2407<U+009B>31m<U+202E>"))) << listedRun.out.toStdString();
    EXPECT_TRUE(listedRun.out.contains(QStringLiteral("code of \u241B[2Jfair practices")));

    const CliRun tagsRun = run({QStringLiteral("tags")});
    ASSERT_EQ(tagsRun.exitCode, 0) << tagsRun.err.toStdString();
    expectNothingLive(tagsRun.out);
    // A tab inside the name would start a column of its own: shown, not kept.
    EXPECT_TRUE(tagsRun.out.startsWith(QStringLiteral("Trade\u241B[2J\u2409x\t1\t"))) << tagsRun.out.toStdString();

    const CliRun searchRun = run({QStringLiteral("search"), QStringLiteral("pwned")});
    ASSERT_EQ(searchRun.exitCode, 0) << searchRun.err.toStdString();
    expectNothingLive(searchRun.out);
    EXPECT_TRUE(searchRun.out.contains(QStringLiteral("\u241B]0;")) && searchRun.out.contains(QStringLiteral("\u2407"))) << searchRun.out.toStdString();

    const CliRun jsonRun = run({QStringLiteral("annotations"), QStringLiteral("--json")});
    expectNothingLive(jsonRun.out);
    const QJsonObject a = printedJson(jsonRun).array().at(0).toObject();
    EXPECT_EQ(a.value(QStringLiteral("note")).toString(), note);
    EXPECT_EQ(a.value(QStringLiteral("exact")).toString(), exact);
    expectNothingLive(run({QStringLiteral("tags"), QStringLiteral("--json")}).out);
}

// Issue 8: export-annotations never replaces what is not a plain file; "-" is standard output.
mode_t fileType(const QString &path)
{
    struct stat st {};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode & S_IFMT : 0;
}

QStringList exportW3cTo(const QString &output)
{
    return {QStringLiteral("export-annotations"), QStringLiteral("--format"), QStringLiteral("w3c"), QStringLiteral("-o"),
            output};
}

TEST_F(CliAnnotations, Issue8ExportToDevicesWritesThemAndNeverReplacesThem)
{
    annotate({QStringLiteral("--quote"), quote});
    const CliRun null = run(exportW3cTo(QStringLiteral("/dev/null")));
    EXPECT_EQ(null.exitCode, 0) << null.err.toStdString();
    EXPECT_EQ(fileType(QStringLiteral("/dev/null")), mode_t(S_IFCHR));
    const CliRun full = run(exportW3cTo(QStringLiteral("/dev/full")));
    EXPECT_EQ(full.exitCode, 1);
    EXPECT_TRUE(full.err.contains(QStringLiteral("/dev/full: cannot write the file: No space left on device")))
        << full.err.toStdString();
    EXPECT_EQ(fileType(QStringLiteral("/dev/full")), mode_t(S_IFCHR));
}

TEST_F(CliAnnotations, Issue8DashIsStandardOutputAndAFifoGetsTheCollection)
{
    annotate({QStringLiteral("--quote"), quote});
    const CliRun dash = run(exportW3cTo(QStringLiteral("-")));
    EXPECT_EQ(dash.exitCode, 0) << dash.err.toStdString();
    EXPECT_EQ(printedJson(dash).object()[QStringLiteral("type")].toString(), QStringLiteral("AnnotationCollection"));
    // Issue 13 (8): the annotations stand in the collection's first page.
    EXPECT_EQ(printedJson(dash).object()[QStringLiteral("first")][QStringLiteral("items")].toArray().size(), 1);

    const QString fifo = path(QStringLiteral("export.pipe"));
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    test::FifoReader reader(fifo);
    const CliRun piped = run(exportW3cTo(fifo));
    EXPECT_EQ(piped.exitCode, 0) << piped.err.toStdString();
    EXPECT_EQ(QJsonDocument::fromJson(reader.take()).object(), printedJson(dash).object());
    EXPECT_EQ(fileType(fifo), mode_t(S_IFIFO));
}

// Issue 8, item 10: reading never creates anything.
QStringList listing(const QString &folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
}

const QList<QStringList> readingCommands = {
    {QStringLiteral("annotations")},
    {QStringLiteral("annotations"), copy},
    {QStringLiteral("search"), QStringLiteral("fair")},
    {QStringLiteral("tags")},
    {QStringLiteral("export-annotations"), QStringLiteral("--format"), QStringLiteral("w3c")},
    {QStringLiteral("export-pdf"), copy, QStringLiteral("-o"), QStringLiteral("/dev/null")},
};

TEST_F(CliAnnotations, Issue8ReadingCommandsWithAMistypedDbFailAndCreateNothing)
{
    const QString typo = path(QStringLiteral("anotations/marginalia.sqlite"));
    for (const QStringList &command : readingCommands) {
        const CliRun r = run(command, typo);
        EXPECT_EQ(r.exitCode, 1) << command.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(r.err.contains(typo + QStringLiteral(": no such annotation database\n"))) << r.err.toStdString();
        EXPECT_TRUE(listing(m_dir.path()).isEmpty()) << command.join(QLatin1Char(' ')).toStdString();
    }
}

TEST_F(CliAnnotations, Issue8ReadingTheDefaultDatabaseBeforeItExistsShowsNothingAndCreatesNothing)
{
    QProcessEnvironment env = environmentWithout(QStringLiteral("MARGINALIA_DB"));
    env.insert(QStringLiteral("HOME"), m_dir.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("data")));
    for (const QStringList &command : readingCommands) {
        const CliRun r = cli(command, env);
        EXPECT_EQ(r.exitCode, 0) << command.join(QLatin1Char(' ')).toStdString() << ": " << r.err.toStdString();
        EXPECT_TRUE(listing(m_dir.path()).isEmpty()) << command.join(QLatin1Char(' ')).toStdString();
    }
    EXPECT_EQ(printedJson(cli({QStringLiteral("annotations"), QStringLiteral("--json")}, env)).array().size(), 0);
    EXPECT_TRUE(cli({QStringLiteral("tags")}, env).out.isEmpty());
    // The first annotation creates it where the app keeps it.
    ASSERT_EQ(cli({QStringLiteral("annotate"), copy, QStringLiteral("--quote"), quote}, env).exitCode, 0);
    EXPECT_TRUE(QFile::exists(path(QStringLiteral("data/Marginalia/Marginalia/marginalia.sqlite"))));
    EXPECT_EQ(printedJson(cli({QStringLiteral("annotations"), QStringLiteral("--json")}, env)).array().size(), 1);
}

TEST_F(CliAnnotations, Issue8ReadingCommandsLeaveNoWalOrShm)
{
    annotate({QStringLiteral("--quote"), quote, QStringLiteral("--tag"), QStringLiteral("Trade")});
    const QStringList before = listing(m_dir.path());
    ASSERT_EQ(before, QStringList{QStringLiteral("annotations.sqlite")});
    for (const QStringList &command : readingCommands) {
        const CliRun r = run(command);
        EXPECT_EQ(r.exitCode, 0) << command.join(QLatin1Char(' ')).toStdString() << ": " << r.err.toStdString();
        EXPECT_EQ(listing(m_dir.path()), before) << command.join(QLatin1Char(' ')).toStdString();
    }
}

TEST_F(CliAnnotations, Issue8ADamagedDatabaseSaysSoAndGetsNoWalOrShm)
{
    for (int i = 0; i < 30; ++i)
        annotate({QStringLiteral("--quote"), quote, QStringLiteral("--note"), QString(300, QLatin1Char('n'))});
    QFile file(m_db);
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    const int pageSize = (quint8(bytes.at(16)) << 8) | quint8(bytes.at(17));
    ASSERT_GT(bytes.size(), 5 * pageSize);
    for (int page : {3, 4})
        bytes.replace(qsizetype(page - 1) * pageSize, 64, QByteArray(64, '\x5a'));
    ASSERT_TRUE(file.seek(0));
    ASSERT_EQ(file.write(bytes), bytes.size());
    file.close();
    const QStringList before = listing(m_dir.path());
    for (const QStringList &command : {QStringList{QStringLiteral("annotations")}, QStringList{QStringLiteral("tags")},
                                       QStringList{QStringLiteral("annotate"), copy, QStringLiteral("--quote"), quote}}) {
        const CliRun r = run(command);
        EXPECT_EQ(r.exitCode, 1);
        EXPECT_TRUE(r.err.startsWith(m_db + QStringLiteral(": the annotation database is damaged (")))
            << r.err.toStdString();
        EXPECT_EQ(listing(m_dir.path()), before);
    }
}

TEST_F(CliAnnotations, Issue8AnImmutableDatabaseIsListedWithoutWalOrShm)
{
    annotate({QStringLiteral("--quote"), quote});
    const QStringList before = listing(m_dir.path());
    if (QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("+i"), m_db}) != 0)
        GTEST_SKIP() << "chattr +i is not available here";
    const CliRun listedRun = run({QStringLiteral("annotations"), QStringLiteral("--json")});
    const CliRun annotated = run({QStringLiteral("annotate"), copy, QStringLiteral("--quote"), quote});
    QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), m_db});
    EXPECT_EQ(listedRun.exitCode, 0) << listedRun.err.toStdString();
    EXPECT_EQ(printedJson(listedRun).array().size(), 1);
    EXPECT_EQ(annotated.exitCode, 1);
    EXPECT_TRUE(annotated.err.contains(QStringLiteral("read-only"))) << annotated.err.toStdString();
    EXPECT_EQ(listing(m_dir.path()), before);
}

} // namespace
} // namespace marginalia

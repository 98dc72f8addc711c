#include "app/clirun.h"
#include "support/testdata.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

using test::CliRun;
using test::printedJson;

CliRun cli(const QStringList &arguments)
{
    return test::runCli(arguments, QProcessEnvironment::systemEnvironment());
}

const QString tei = test::dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"));
const QString copy = test::dataPath(QStringLiteral("frus1961-63v09-d317.txt"));

TEST(CliTest, HelpAndVersionExitZero)
{
    const CliRun help = cli({QStringLiteral("--help")});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains(QStringLiteral("info|show")));
    const CliRun showHelp = cli({QStringLiteral("show"), QStringLiteral("--help")});
    EXPECT_EQ(showHelp.exitCode, 0);
    EXPECT_TRUE(showHelp.out.contains(QStringLiteral("--format")));
    const CliRun version = cli({QStringLiteral("--version")});
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_TRUE(version.out.startsWith(QStringLiteral("marginalia-cli ")));
}

// marginalia-cli starts without Qt Gui or qpdf (its layout helper loads them): what it links, read by binutils.
TEST(CliTest, TheCliLinksNeitherQtGuiNorQpdf)
{
    QProcess readelf;
    readelf.start(QStringLiteral("readelf"), {QStringLiteral("-d"), QStringLiteral(MARGINALIA_CLI)});
    ASSERT_TRUE(readelf.waitForFinished(30000));
    const QString dynamic = QString::fromUtf8(readelf.readAllStandardOutput());
    ASSERT_TRUE(dynamic.contains(QStringLiteral("libQt6Core"))) << dynamic.toStdString();
    EXPECT_FALSE(dynamic.contains(QStringLiteral("libQt6Gui"))) << dynamic.toStdString();
    EXPECT_FALSE(dynamic.contains(QStringLiteral("libqpdf"))) << dynamic.toStdString();
}

TEST(CliTest, WrongUsageExitsTwo)
{
    EXPECT_EQ(cli({}).exitCode, 2);
    const CliRun unknown = cli({QStringLiteral("frobnicate"), tei});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("frobnicate")));
    EXPECT_EQ(cli({QStringLiteral("info"), QStringLiteral("--bogus"), tei}).exitCode, 2);
    EXPECT_EQ(cli({QStringLiteral("info")}).exitCode, 2);
    EXPECT_EQ(cli({QStringLiteral("show"), QStringLiteral("--format"), QStringLiteral("pdf"), tei}).exitCode, 2);
    EXPECT_EQ(cli({QStringLiteral("show"), tei, QStringLiteral("--doc")}).exitCode, 2);
}

TEST(CliTest, MissingFileExitsOneNamingTheFile)
{
    const QString missing = QStringLiteral("/nonexistent/frus.xml");
    const CliRun run = cli({QStringLiteral("info"), missing});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.err.startsWith(missing + QStringLiteral(": "))) << run.err.toStdString();
    EXPECT_TRUE(run.out.isEmpty());
}

TEST(CliTest, MalformedXmlExitsOneWithFileLineColumn)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("broken.xml"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("<?xml version=\"1.0\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n<text><body>\n"
               "<div type=\"document\" xml:id=\"d1\"><p>unclosed</div>\n</body></text></TEI>\n");
    file.close();
    const CliRun run = cli({QStringLiteral("show"), path});
    EXPECT_EQ(run.exitCode, 1);
    const QRegularExpression format(QStringLiteral("^") + QRegularExpression::escape(path)
                                    + QStringLiteral(":\\d+:\\d+: \\S"));
    EXPECT_TRUE(format.match(run.err).hasMatch()) << run.err.toStdString();
}

TEST(CliTest, DocumentNotFoundExitsOne)
{
    const CliRun run = cli({QStringLiteral("show"), tei, QStringLiteral("--doc"), QStringLiteral("d999")});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.err.contains(QStringLiteral("d999")));
}

TEST(CliTest, InfoJsonCountsTheExtractByTheDefinitions)
{
    const CliRun run = cli({QStringLiteral("info"), QStringLiteral("--json"), tei});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QJsonArray volumes = printedJson(run).object()[QStringLiteral("volumes")].toArray();
    ASSERT_EQ(volumes.size(), 1);
    const QJsonObject v = volumes[0].toObject();
    EXPECT_EQ(v[QStringLiteral("id")].toString(), QStringLiteral("frus1961-63v09"));
    EXPECT_EQ(v[QStringLiteral("source")].toString(), tei);
    EXPECT_EQ(v[QStringLiteral("format")].toString(), QStringLiteral("tei"));
    EXPECT_FALSE(v[QStringLiteral("title")].toString().isEmpty());
    // Counted independently with ElementTree: 3 document divs, 12 notes in them, 4 pb in the file,
    // refs #d312 #d316 #d317 #d318fn3 of which #d312 is not in the extract.
    EXPECT_EQ(v[QStringLiteral("documents")].toInt(), 3);
    EXPECT_EQ(v[QStringLiteral("footnotes")].toInt(), 12);
    EXPECT_EQ(v[QStringLiteral("pageBreaks")].toInt(), 4);
    EXPECT_EQ(v[QStringLiteral("crossReferences")].toObject(),
              (QJsonObject{{QStringLiteral("total"), 4}, {QStringLiteral("internal"), 4},
                           {QStringLiteral("resolved"), 3}, {QStringLiteral("external"), 0}}));
}

TEST(CliTest, InfoOfTheTextCopyResolvesDocument316OnlyWithTheVolumeOpen)
{
    const CliRun alone = cli({QStringLiteral("info"), QStringLiteral("--json"), copy});
    EXPECT_EQ(alone.exitCode, 0) << alone.err.toStdString();
    const QJsonObject a = printedJson(alone).object()[QStringLiteral("volumes")].toArray().at(0).toObject();
    EXPECT_TRUE(a[QStringLiteral("id")].isNull());
    EXPECT_EQ(a[QStringLiteral("format")].toString(), QStringLiteral("text"));
    EXPECT_EQ(a[QStringLiteral("documents")].toInt(), 1);
    EXPECT_EQ(a[QStringLiteral("footnotes")].toInt(), 5);
    EXPECT_EQ(a[QStringLiteral("pageBreaks")].toInt(), 1);
    EXPECT_EQ(a[QStringLiteral("crossReferences")].toObject()[QStringLiteral("internal")].toInt(), 1);
    EXPECT_EQ(a[QStringLiteral("crossReferences")].toObject()[QStringLiteral("resolved")].toInt(), 0);

    const CliRun both = cli({QStringLiteral("info"), QStringLiteral("--json"), copy, tei});
    EXPECT_EQ(both.exitCode, 0) << both.err.toStdString();
    const QJsonObject b = printedJson(both).object()[QStringLiteral("volumes")].toArray().at(0).toObject();
    EXPECT_EQ(b[QStringLiteral("id")].toString(), QStringLiteral("frus1961-63v09"));
    EXPECT_EQ(b[QStringLiteral("crossReferences")].toObject()[QStringLiteral("resolved")].toInt(), 1);

    const CliRun text = cli({QStringLiteral("info"), copy, tei});
    EXPECT_EQ(text.exitCode, 0);
    EXPECT_TRUE(text.out.contains(copy));
    EXPECT_TRUE(text.out.contains(tei));
}

TEST(CliTest, ShowJsonOfTheTextCopyResolvesDocument316InTheOpenVolume)
{
    const CliRun run = cli({QStringLiteral("show"), copy, tei, QStringLiteral("--doc"), QStringLiteral("d317"),
                         QStringLiteral("--format"), QStringLiteral("json")});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QJsonObject doc = printedJson(run).object();
    EXPECT_EQ(doc[QStringLiteral("volume")].toString(), QStringLiteral("frus1961-63v09"));
    EXPECT_EQ(doc[QStringLiteral("id")].toString(), QStringLiteral("d317"));
    const QJsonArray refs = doc[QStringLiteral("crossReferences")].toArray();
    ASSERT_EQ(refs.size(), 1);
    QJsonObject ref = refs[0].toObject();
    ref.remove(QStringLiteral("kind")); // an extra key; the issue fixes the other four
    EXPECT_EQ(ref, (QJsonObject{{QStringLiteral("label"), QStringLiteral("Document 316")},
                                {QStringLiteral("target"), QStringLiteral("d316")},
                                {QStringLiteral("volume"), QStringLiteral("frus1961-63v09")},
                                {QStringLiteral("resolved"), true}}));
    EXPECT_EQ(doc[QStringLiteral("footnotes")].toArray().size(), 5);
}

TEST(CliTest, ShowDefaultsToTheFirstDocumentAsTerminalText)
{
    const CliRun run = cli({QStringLiteral("show"), tei});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.out.startsWith(QStringLiteral("316. Letter From Secretary of State Rusk")));
    EXPECT_TRUE(run.out.contains(QStringLiteral("[0] Source: Department of State, Central Files, 400.119/7-2062.")));
}

// Issue 8: what a document says cannot drive the terminal. The hostile sequences: a window-title OSC
// ended by BEL, a clear-screen CSI, an 8-bit CSI (U+009B) and a right-to-left override.
const QString osc = QStringLiteral("\x1b]0;pwned\x07");
const QString clear = QStringLiteral("\x1b[2J");
const QString csi8 = QString(QChar(0x9B)) + QStringLiteral("31m");
const QString rlo = QString(QChar(0x202E));

void expectNothingLive(const QString &printed)
{
    EXPECT_FALSE(printed.contains(QChar(0x1B))) << printed.toStdString();
    EXPECT_FALSE(printed.contains(QChar(0x07))) << printed.toStdString();
    EXPECT_FALSE(printed.contains(QChar(0x9B))) << printed.toStdString();
    EXPECT_FALSE(printed.contains(QChar(0x202E))) << printed.toStdString();
}

// The text copy of d317 with the sequences in its title, its body and a note.
QString hostileCopy(const QTemporaryDir &dir)
{
    QString text = QString::fromUtf8(test::readData(QStringLiteral("frus1961-63v09-d317.txt")));
    text.replace(QStringLiteral("Secretary of Commerce"), QStringLiteral("Secretary ") + osc + QStringLiteral(" of Commerce"));
    text.replace(QStringLiteral("Dear Luther:"), QStringLiteral("Dear ") + clear + QStringLiteral("Luther:"));
    text.replace(QStringLiteral("Document 316."), QStringLiteral("Document 316. ") + csi8 + rlo + QStringLiteral("gnp.exe"));
    const QString path = dir.filePath(QStringLiteral("hostile-d317.txt"));
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(text.toUtf8());
    return path;
}

TEST(CliTest, Issue8ShowTextPrintsControlCharactersVisibly)
{
    QTemporaryDir dir;
    const CliRun r = cli({QStringLiteral("show"), hostileCopy(dir)});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    expectNothingLive(r.out);
    EXPECT_TRUE(r.out.contains(QStringLiteral("Secretary \u241B]0;pwned\u2407 of Commerce"))) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("Dear \u241B[2JLuther:")));
    EXPECT_TRUE(r.out.contains(QStringLiteral("<U+009B>31m<U+202E>gnp.exe")));
    // The layout's own line breaks stay: notes one a line, after a blank line.
    EXPECT_TRUE(r.out.contains(QStringLiteral("\n\n[0] Source:")));
}

TEST(CliTest, Issue8ShowJsonAndInfoKeepTheTextButEscapeIt)
{
    QTemporaryDir dir;
    const QString file = hostileCopy(dir);
    const CliRun shown = cli({QStringLiteral("show"), file, QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(shown.exitCode, 0) << shown.err.toStdString();
    expectNothingLive(shown.out);
    const QJsonObject doc = printedJson(shown).object();
    EXPECT_TRUE(doc.value(QStringLiteral("title")).toString().contains(osc));
    EXPECT_TRUE(doc.value(QStringLiteral("text")).toString().contains(clear));
    EXPECT_TRUE(doc.value(QStringLiteral("footnotes")).toArray().at(2).toObject().value(QStringLiteral("text")).toString().contains(csi8 + rlo));

    const CliRun info = cli({QStringLiteral("info"), file});
    expectNothingLive(info.out);
    const CliRun infoJson = cli({QStringLiteral("info"), file, QStringLiteral("--json")});
    expectNothingLive(infoJson.out);
}

TEST(CliTest, Issue8ErrorMessagesQuoteVisibly)
{
    const CliRun r = cli({QStringLiteral("show"), copy, QStringLiteral("--doc"), clear + osc});
    EXPECT_EQ(r.exitCode, 1);
    expectNothingLive(r.err);
    EXPECT_TRUE(r.err.contains(QStringLiteral("\"\u241B[2J\u241B]0;pwned\u2407\""))) << r.err.toStdString();
}

} // namespace
} // namespace marginalia

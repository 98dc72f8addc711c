// marginalia-cli cite and export-citations, run as a user would: the real binary on the real FRUS files,
// the exports read back by python3 (CSL-JSON) and line by line (BibTeX, RIS).

#include "app/clirun.h"
#include "support/testdata.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

using test::CliRun;

const QString v09 = test::dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"));
const QString v1934 = test::dataPath(QStringLiteral("frus1934v05.xml"));
const QString d317Url = QStringLiteral("https://history.state.gov/historicaldocuments/frus1961-63v09/d317");

class CliCitations : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }

    // Every run names its own database and library index, so nothing of the user's is read or written.
    CliRun run(QStringList arguments, bool withDatabase = true) const
    {
        QProcessEnvironment env = test::environmentWithout(QStringLiteral("MARGINALIA_DB"));
        env.insert(QStringLiteral("MARGINALIA_LIBRARY"), m_dir.filePath(QStringLiteral("library.sqlite")));
        if (withDatabase)
            arguments << QStringLiteral("--db") << db();
        return test::runCli(arguments, env);
    }
    QString db() const { return m_dir.filePath(QStringLiteral("notes.sqlite")); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    void annotate(const QString &quote, const QString &note, const QString &tag) const
    {
        const CliRun r = run({QStringLiteral("annotate"), v09, QStringLiteral("--doc"), QStringLiteral("d317"),
                              QStringLiteral("--quote"), quote, QStringLiteral("--note"), note, QStringLiteral("--tag"), tag});
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    }
    QString cite(const QStringList &arguments, int expectedExit = 0) const
    {
        const CliRun r = run(QStringList{QStringLiteral("cite")} + arguments, false);
        EXPECT_EQ(r.exitCode, expectedExit) << r.err.toStdString();
        return expectedExit == 0 ? r.out : r.err;
    }

    QTemporaryDir m_dir;
};

TEST_F(CliCitations, CitePrintsD317InEachStyle)
{
    EXPECT_EQ(cite({v09, QStringLiteral("--doc"), QStringLiteral("d317")}),
              QStringLiteral("Foreign Relations of the United States, 1961\u20131963, Volume IX, Foreign Economic Policy, "
                             "eds. Evans Gerakas, David S. Patterson, William F. Sanford, Jr., and Carolyn B. Yee "
                             "(Washington: Government Printing Office, 1995), Document 317.\n"));
    const QString note = cite({v09, QStringLiteral("--doc"), QStringLiteral("d317"), QStringLiteral("--style"),
                               QStringLiteral("chicago-note")});
    EXPECT_TRUE(note.startsWith(QStringLiteral("Secretary of State Rusk to Secretary of Commerce Hodges, letter, "
                                               "Washington, September 5, 1962, in Foreign Relations")));
    EXPECT_TRUE(note.endsWith(QStringLiteral("(Washington, DC: GPO, 1995), doc. 317, ") + d317Url + QStringLiteral(".\n")));
    const QString entry = cite({v09, QStringLiteral("--doc"), QStringLiteral("d317"), QStringLiteral("--style"),
                                QStringLiteral("chicago-bibliography")});
    EXPECT_TRUE(entry.contains(QStringLiteral(". Washington, DC: GPO, 1995. Doc. 317. ") + d317Url + QStringLiteral(".\n")));
}

TEST_F(CliCitations, CiteOfAQuoteGivesItsPagesAndA1934DocumentIsCitedByPage)
{
    EXPECT_TRUE(cite({v09, QStringLiteral("--doc"), QStringLiteral("d317"), QStringLiteral("--quote"),
                      QStringLiteral("As I wrote you on August 9")})
                    .endsWith(QStringLiteral("1995), Document 317, p. 704.\n")));
    EXPECT_EQ(cite({v1934, QStringLiteral("--doc"), QStringLiteral("d1"), QStringLiteral("--quote"),
                    QStringLiteral("aiming to accord us preferential exchange")}),
              QStringLiteral("Foreign Relations of the United States Diplomatic Papers, 1934, The American Republics, "
                             "Volume V (Washington: Government Printing Office, 1952), pp. 1\u20132.\n"));
    EXPECT_TRUE(cite({v1934, QStringLiteral("--doc"), QStringLiteral("d1"), QStringLiteral("--style"),
                      QStringLiteral("chicago-note"), QStringLiteral("--quote"), QStringLiteral("Please instruct by cable.")})
                    .contains(QStringLiteral("(Washington, DC: GPO, 1952), p. 2, https://history.state.gov/historicaldocuments/frus1934v05/d1.")));
}

TEST_F(CliCitations, CiteRefusesWhatItCannotCite)
{
    EXPECT_TRUE(cite({v09, QStringLiteral("--doc"), QStringLiteral("d317"), QStringLiteral("--style"), QStringLiteral("apa")}, 2)
                    .contains(QStringLiteral("unknown style \"apa\"; use hsg, chicago-note, chicago-bibliography")));
    EXPECT_TRUE(cite({v09}, 2).contains(QStringLiteral("missing --doc ID")));
    EXPECT_TRUE(cite({v09, QStringLiteral("--doc"), QStringLiteral("d999")}, 1).contains(QStringLiteral("d999")));
    EXPECT_TRUE(cite({v09, QStringLiteral("--doc"), QStringLiteral("d317"), QStringLiteral("--quote"), QStringLiteral("no such words")}, 1)
                    .contains(QStringLiteral("the quote \"no such words\" is not in d317")));
}

TEST_F(CliCitations, ExportCitationsOfATagAsCslJsonReadsBackInPython)
{
    annotate(QStringLiteral("code of fair practices"), QStringLiteral("NSC Action 2455"), QStringLiteral("trade"));
    annotate(QStringLiteral("total economic embargo"), QStringLiteral("Berlin"), QStringLiteral("Berlin"));
    const QString out = path(QStringLiteral("trade.json"));
    const CliRun r = run({QStringLiteral("export-citations"), v09, QStringLiteral("--tag"), QStringLiteral("trade"),
                          QStringLiteral("--format"), QStringLiteral("csl-json"), QStringLiteral("-o"), out});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    // The tag chose d317 alone, with the tagged annotation's note and tag (not the other's).
    const QString script = QStringLiteral(R"(
import json, sys
items = json.load(open(sys.argv[1], encoding="utf-8"))
assert [i["id"] for i in items] == ["frus1961-63v09/d317"], items
i = items[0]
assert i["type"] == "chapter" and i["container-title"].endswith("Volume IX, Foreign Economic Policy")
assert i["editor"][0] == {"family": "Gerakas", "given": "Evans"} and i["issued"] == {"date-parts": [[1995]]}
assert i["URL"] == "https://history.state.gov/historicaldocuments/frus1961-63v09/d317"
assert len(i["accessed"]["date-parts"][0]) == 3
assert i["keyword"] == "trade" and "NSC Action 2455" in i["note"] and "Berlin" not in i["note"]
print("ok")
)");
    QProcess python;
    python.start(QStringLiteral("python3"), {QStringLiteral("-c"), script, out});
    ASSERT_TRUE(python.waitForFinished(30000));
    EXPECT_EQ(QString::fromUtf8(python.readAllStandardOutput()).trimmed(), QStringLiteral("ok"))
        << python.readAllStandardError().toStdString();
}

TEST_F(CliCitations, ExportCitationsOfDocumentsAsBibtexAndRisToStandardOutput)
{
    annotate(QStringLiteral("code of fair practices"), QStringLiteral("NSC Action 2455"), QStringLiteral("trade"));
    const CliRun bib = run({QStringLiteral("export-citations"), v09, QStringLiteral("--doc"), QStringLiteral("d316"),
                            QStringLiteral("--doc"), QStringLiteral("d317"), QStringLiteral("--format"),
                            QStringLiteral("bibtex"), QStringLiteral("-o"), QStringLiteral("-")});
    ASSERT_EQ(bib.exitCode, 0) << bib.err.toStdString();
    EXPECT_EQ(bib.out.count(QStringLiteral("@incollection{")), 2);
    EXPECT_TRUE(bib.out.contains(QStringLiteral("@incollection{frus1961-63v09_d316,\n")));
    EXPECT_TRUE(bib.out.contains(QStringLiteral("  keywords = {trade},\n")));
    EXPECT_TRUE(bib.out.contains(QStringLiteral("  url = {") + d317Url + QStringLiteral("},\n")));

    const CliRun whole = run({QStringLiteral("export-citations"), v09, QStringLiteral("--format"), QStringLiteral("ris")});
    ASSERT_EQ(whole.exitCode, 0) << whole.err.toStdString();
    // A volume: every document of the file, each a CHAP record.
    EXPECT_EQ(whole.out.count(QStringLiteral("TY  - CHAP\r\n")), 3);
    EXPECT_EQ(whole.out.count(QStringLiteral("ER  - \r\n")), 3);
    EXPECT_TRUE(whole.out.contains(QStringLiteral("UR  - ") + d317Url + QStringLiteral("\r\nY2  - ")));
    EXPECT_TRUE(whole.out.contains(QStringLiteral("KW  - trade\r\nN1  - \u201Ccode of fair practices\u201D NSC Action 2455\r\n")));
}

TEST_F(CliCitations, ExportCitationsRefusesAnUnknownFormat)
{
    const CliRun r = run({QStringLiteral("export-citations"), v09, QStringLiteral("--format"), QStringLiteral("endnote")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("--format takes csl-json, bibtex or ris"))) << r.err.toStdString();
}

} // namespace
} // namespace marginalia

namespace marginalia {
namespace {

TEST_F(CliCitations, TheMarkdownExportCitesEachDocumentInTheStyleAsked)
{
    annotate(QStringLiteral("code of fair practices"), QStringLiteral("NSC Action 2455"), QStringLiteral("trade"));
    const CliRun md = run({QStringLiteral("export-annotations"), v09, QStringLiteral("--format"), QStringLiteral("markdown"),
                           QStringLiteral("--citation-style"), QStringLiteral("hsg")});
    ASSERT_EQ(md.exitCode, 0) << md.err.toStdString();
    EXPECT_TRUE(md.out.contains(QStringLiteral("\n\nCite as: Foreign Relations of the United States, 1961\u20131963, Volume IX, "
                                               "Foreign Economic Policy, eds. Evans Gerakas")))
        << md.out.toStdString();
    // Without the option the export is as it was: the short label alone.
    const CliRun plain = run({QStringLiteral("export-annotations"), v09, QStringLiteral("--format"), QStringLiteral("markdown")});
    EXPECT_FALSE(plain.out.contains(QStringLiteral("Cite as:")));
    EXPECT_TRUE(plain.out.contains(QStringLiteral("FRUS 1961\u201363, vol. IX, Doc. 317, p. 704")));
    const CliRun bad = run({QStringLiteral("export-annotations"), QStringLiteral("--citation-style"), QStringLiteral("apa")});
    EXPECT_EQ(bad.exitCode, 2);
}

} // namespace
} // namespace marginalia

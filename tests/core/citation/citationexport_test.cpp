// The reference managers' formats of d317 with two annotations, read back field by field: CSL-JSON by
// python3's json module, BibTeX and RIS line by line, against the fields Zotero's importers read.
#include "citation/citationexport.h"
#include "citation/citationitems.h"
#include "citation/personname.h"

#include "citationfixture.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

const QDate kAccessed(2026, 12, 2);

std::vector<CitationItem> d317WithNotes()
{
    const Library library = test::loadLibrary({"frus1961-63v09-d316-d318.xml"});
    Annotation embargo;
    embargo.document = QStringLiteral("frus1961-63v09/d317");
    embargo.selector.exact = QStringLiteral("total economic embargo");
    embargo.note = QStringLiteral("Berlin contingency {planning} & 100% NATO");
    embargo.tags = {QStringLiteral("Berlin"), QStringLiteral("trade")};
    Annotation code = embargo;
    code.selector.exact = QStringLiteral("a code of fair practices");
    code.note = QStringLiteral("NSC Action 2455");
    code.tags = {QStringLiteral("TRADE")};
    Annotation elsewhere = code;
    elsewhere.document = QStringLiteral("frus1961-63v09/d316");
    return citationItems(library, {test::documentAt(library, QStringLiteral("d317"))}, {embargo, code, elsewhere});
}

TEST(CitationItems, AnnotationsOfTheDocumentGiveItsNotesAndTagsOnce)
{
    const std::vector<CitationItem> items = d317WithNotes();
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].tags, (QStringList{QStringLiteral("Berlin"), QStringLiteral("trade")}));
    ASSERT_EQ(items[0].notes.size(), 2);
    EXPECT_EQ(items[0].notes[0],
              QStringLiteral("\u201Ctotal economic embargo\u201D\n\nBerlin contingency {planning} & 100% NATO"));
}

TEST(CitationExport, CslJsonReadsBackInPythonWithZoterosFields)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("d317.json"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(cslJson(d317WithNotes(), kAccessed));
    file.close();
    // Each check prints its name when it fails; the script prints "ok" only when all pass.
    const QString script = QStringLiteral(R"(
import json, sys
items = json.load(open(sys.argv[1], encoding="utf-8"))
i = items[0]
checks = {
  "one item": len(items) == 1,
  "type": i["type"] == "chapter",
  "id": i["id"] == "frus1961-63v09/d317",
  "title": i["title"] == "Letter From Secretary of State Rusk to Secretary of Commerce Hodges",
  "container": i["container-title"].startswith("Foreign Relations of the United States, 1961\u20131963, Volume IX"),
  "collection": i["collection-title"] == "Foreign Relations of the United States",
  "volume": i["volume"] == "IX",
  "editors": [e["family"] for e in i["editor"]] == ["Gerakas", "Patterson", "Sanford", "Yee"],
  "suffix": i["editor"][2] == {"family": "Sanford", "given": "William F.", "suffix": "Jr."},
  "general editor": i["collection-editor"] == [{"family": "LaFantasie", "given": "Glenn W."}],
  "publisher": i["publisher"] == "United States Government Printing Office",
  "place": i["publisher-place"] == "Washington",
  "issued": i["issued"] == {"date-parts": [[1995]]},
  "original date": i["original-date"] == {"date-parts": [[1962, 9, 5]]},
  "pages": i["page"] == "703-704",
  "URL": i["URL"] == "https://history.state.gov/historicaldocuments/frus1961-63v09/d317",
  "accessed": i["accessed"] == {"date-parts": [[2026, 12, 2]]},
  "keyword": i["keyword"] == "Berlin, trade",
  "note": "Berlin contingency {planning} & 100% NATO" in i["note"] and "NSC Action 2455" in i["note"],
}
failed = [name for name, ok in checks.items() if not ok]
print("failed: " + ", ".join(failed) if failed else "ok")
)");
    QProcess python;
    python.start(QStringLiteral("python3"), {QStringLiteral("-c"), script, path});
    ASSERT_TRUE(python.waitForFinished(30000));
    EXPECT_EQ(QString::fromUtf8(python.readAllStandardOutput()).trimmed(), QStringLiteral("ok"))
        << python.readAllStandardError().toStdString();
}

// The value of `name = {…},` in a BibTeX entry (one line each, as the writer gives them).
QString bibField(const QString &entry, const QString &name)
{
    const QRegularExpression field(QStringLiteral("^  %1 = \\{(.*)\\},$").arg(name), QRegularExpression::MultilineOption);
    return field.match(entry).captured(1);
}

TEST(CitationExport, BibtexIsAnIncollectionZoteroReadsFieldByField)
{
    const QString entry = QString::fromUtf8(bibtex(d317WithNotes(), kAccessed));
    EXPECT_TRUE(entry.startsWith(QStringLiteral("@incollection{frus1961-63v09_d317,\n")));
    EXPECT_EQ(bibField(entry, QStringLiteral("title")),
              QStringLiteral("Letter From Secretary of State Rusk to Secretary of Commerce Hodges"));
    EXPECT_EQ(bibField(entry, QStringLiteral("editor")),
              QStringLiteral("Gerakas, Evans and Patterson, David S. and Sanford, Jr., William F. and Yee, Carolyn B."));
    EXPECT_EQ(bibField(entry, QStringLiteral("series")), QStringLiteral("Foreign Relations of the United States"));
    EXPECT_EQ(bibField(entry, QStringLiteral("volume")), QStringLiteral("IX"));
    EXPECT_EQ(bibField(entry, QStringLiteral("publisher")), QStringLiteral("United States Government Printing Office"));
    EXPECT_EQ(bibField(entry, QStringLiteral("address")), QStringLiteral("Washington"));
    EXPECT_EQ(bibField(entry, QStringLiteral("year")), QStringLiteral("1995"));
    EXPECT_EQ(bibField(entry, QStringLiteral("pages")), QStringLiteral("703--704"));
    EXPECT_EQ(bibField(entry, QStringLiteral("url")),
              QStringLiteral("https://history.state.gov/historicaldocuments/frus1961-63v09/d317"));
    EXPECT_EQ(bibField(entry, QStringLiteral("urldate")), QStringLiteral("2026-12-02"));
    EXPECT_EQ(bibField(entry, QStringLiteral("keywords")), QStringLiteral("Berlin, trade"));
    // TeX's special characters in a note are escaped; the note's lines are kept.
    EXPECT_TRUE(entry.contains(QStringLiteral("Berlin contingency \\{planning\\} \\& 100\\% NATO")));
    EXPECT_TRUE(entry.trimmed().endsWith(QLatin1Char('}')));
}

TEST(CitationExport, RisIsABookSectionZoteroReadsTagByTag)
{
    const QString text = QString::fromUtf8(ris(d317WithNotes(), kAccessed));
    QStringList tags;
    QHash<QString, QStringList> values;
    for (const QString &line : text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts)) {
        ASSERT_TRUE(QRegularExpression(QStringLiteral("^[A-Z][A-Z0-9]  - ")).match(line).hasMatch()) << qPrintable(line);
        tags << line.left(2);
        values[line.left(2)] << line.mid(6);
    }
    EXPECT_EQ(tags.first(), QStringLiteral("TY"));
    EXPECT_EQ(tags.last(), QStringLiteral("ER"));
    EXPECT_EQ(values[QStringLiteral("TY")], QStringList{QStringLiteral("CHAP")});
    EXPECT_EQ(values[QStringLiteral("T2")].value(0).left(44), QStringLiteral("Foreign Relations of the United States, 1961"));
    EXPECT_EQ(values[QStringLiteral("T3")], QStringList{QStringLiteral("Foreign Relations of the United States")});
    EXPECT_EQ(values[QStringLiteral("A2")], (QStringList{QStringLiteral("Gerakas, Evans"), QStringLiteral("Patterson, David S."),
                                                         QStringLiteral("Sanford, William F., Jr."), QStringLiteral("Yee, Carolyn B.")}));
    EXPECT_EQ(values[QStringLiteral("A3")], QStringList{QStringLiteral("LaFantasie, Glenn W.")});
    EXPECT_EQ(values[QStringLiteral("SP")], QStringList{QStringLiteral("703")});
    EXPECT_EQ(values[QStringLiteral("EP")], QStringList{QStringLiteral("704")});
    EXPECT_EQ(values[QStringLiteral("PY")], QStringList{QStringLiteral("1995")});
    EXPECT_EQ(values[QStringLiteral("Y2")], QStringList{QStringLiteral("2026/12/02")});
    EXPECT_EQ(values[QStringLiteral("UR")],
              QStringList{QStringLiteral("https://history.state.gov/historicaldocuments/frus1961-63v09/d317")});
    EXPECT_EQ(values[QStringLiteral("KW")], (QStringList{QStringLiteral("Berlin"), QStringLiteral("trade")}));
    ASSERT_EQ(values[QStringLiteral("N1")].size(), 2);
    EXPECT_EQ(values[QStringLiteral("N1")][1], QStringLiteral("\u201Ca code of fair practices\u201D NSC Action 2455"));
}

TEST(CitationExport, NamesSplitIntoTheirParts)
{
    const PersonName sanford = splitName(QStringLiteral("William F. Sanford, Jr."));
    EXPECT_EQ(sanford.given, QStringLiteral("William F."));
    EXPECT_EQ(sanford.family, QStringLiteral("Sanford"));
    EXPECT_EQ(sanford.suffix, QStringLiteral("Jr."));
    EXPECT_EQ(splitName(QStringLiteral("Plato")).family, QStringLiteral("Plato"));
    EXPECT_EQ(citationFormatNamed(QStringLiteral("ris")), CitationFormat::Ris);
    EXPECT_EQ(citationFormatNamed(QStringLiteral("endnote")), std::nullopt);
}

} // namespace
} // namespace marginalia

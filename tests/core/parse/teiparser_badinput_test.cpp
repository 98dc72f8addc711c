// Malformed and hostile input to the TEI importer: an Error naming file, line and column, never a crash.
#include "parse/teiparser.h"

#include <gtest/gtest.h>

using namespace marginalia;

namespace {

Result<Volume> parse(const QByteArray &xml)
{
    return TeiParser::parse(xml, QStringLiteral("bad.xml"));
}

const QByteArray kMinimal = R"(<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
<div type="document" xml:id="d1" n="1"><head>1. Letter</head><p>Text.</p></div></body></text></TEI>)";

} // namespace

TEST(TeiParserBadInput, ReportsMalformedXmlWithLineAndColumn)
{
    const auto r = parse("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n<text><body>\n<p>open</div>\n</body></text></TEI>");
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().file, QStringLiteral("bad.xml"));
    EXPECT_EQ(r.error().line, 3);
    EXPECT_GT(r.error().column, 0);
    EXPECT_TRUE(r.error().toString().startsWith(QStringLiteral("bad.xml:3:")));
}

TEST(TeiParserBadInput, RefusesAFileThatIsNotTei)
{
    const auto r = parse("<?xml version=\"1.0\"?>\n<html><body><p>Hello</p></body></html>");
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().line, 2);
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("not a TEI file")));
}

TEST(TeiParserBadInput, RefusesAnEmptyFile)
{
    const auto r = parse("");
    ASSERT_FALSE(r.has_value());
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("empty")));
}

TEST(TeiParserBadInput, ReportsInvalidUtf8WhereItIs)
{
    QByteArray xml = kMinimal;
    xml.replace("Text.", "Te\xC3\x28xt.");
    const auto r = parse(xml);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().line, 2);
}

TEST(TeiParserBadInput, RefusesEntityExpansionBombs)
{
    const auto r = parse(R"(<?xml version="1.0"?>
<!DOCTYPE TEI [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="document" xml:id="d1"><p>&e;&e;&e;&e;</p></div></body></text></TEI>)");
    ASSERT_FALSE(r.has_value());
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("document type declarations")));
    EXPECT_GE(r.error().line, 2);
}

TEST(TeiParserBadInput, RefusesExternalEntities)
{
    const auto r = parse(R"(<?xml version="1.0"?>
<!DOCTYPE TEI [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="document" xml:id="d1"><p>&secret;</p></div></body></text></TEI>)");
    ASSERT_FALSE(r.has_value());
    EXPECT_FALSE(r.error().message.contains(QStringLiteral("root:")));
}

TEST(TeiParserBadInput, RefusesUndeclaredEntities)
{
    QByteArray xml = kMinimal;
    xml.replace("Text.", "Te&nbsp;xt.");
    const auto r = parse(xml);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().line, 2);
}

TEST(TeiParserBadInput, AcceptsBomXmlModelAndLeavesXIncludeAlone)
{
    QByteArray xml = "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<?xml-model href=\"../../schemas/frus.rnc\" type=\"application/relax-ng-compact-syntax\"?>\n";
    xml += R"(<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude" xml:id="frusX">
<teiHeader><xi:include href="/etc/passwd" parse="text"/></teiHeader><text><body>
<div type="document" xml:id="d1" n="1"><head>1. Letter</head><p>Text.</p></div></body></text></TEI>)";
    const auto r = parse(xml);
    ASSERT_TRUE(r.has_value()) << r.error().toString().toStdString();
    EXPECT_EQ(r->id, QStringLiteral("frusX"));
    ASSERT_EQ(r->documents.size(), 1u);
    EXPECT_EQ(r->documents[0].body.size(), 2u);
}

TEST(TeiParserBadInput, SurvivesTruncationAtEveryPoint)
{
    for (qsizetype n = 0; n < kMinimal.size(); ++n) {
        const auto r = parse(kMinimal.left(n));
        EXPECT_FALSE(r.has_value()) << n;
    }
    EXPECT_TRUE(parse(kMinimal).has_value());
}

TEST(TeiParserBadInput, SurvivesDeepNesting)
{
    QByteArray xml = R"(<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="document" xml:id="d1"><p>)";
    for (int i = 0; i < 20000; ++i)
        xml += "<hi rend=\"italic\"><note n=\"1\">";
    xml += "deep";
    for (int i = 0; i < 20000; ++i)
        xml += "</note></hi>";
    xml += "</p></div></body></text></TEI>";
    const auto r = parse(xml);
    ASSERT_TRUE(r.has_value()) << r.error().toString().toStdString();
    EXPECT_EQ(r->documents.at(0).footnotes.size(), 20000u);
}

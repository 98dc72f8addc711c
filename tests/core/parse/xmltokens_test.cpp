// Issue 10: the XML tokenizer on libxml2's SAX2 parser (core/parse/xmltokens.*) gives what the TEI
// reader relies on: whole text runs, expanded references, namespaces resolved, comments and processing
// instructions skipped, and the refusals (DOCTYPE, undeclared entities) at the file's line and column
// counted in characters.
#include "parse/teiparser.h"
#include "parse/xmltokens.h"

#include <gtest/gtest.h>

#include <vector>

namespace marginalia {
namespace {

// Records what the tokenizer reports, one line per event.
class Recorder : public XmlTokenHandler {
public:
    explicit Recorder(const QByteArray &data) : tokens(data, *this) {}

    void startElement(QByteArrayView localName, QByteArrayView prefix, const XmlAttributes &attributes) override
    {
        events.push_back(u'<' + QString::fromUtf8(prefix.isEmpty() ? localName.toByteArray()
                                                                   : prefix.toByteArray() + ':' + localName.toByteArray()));
        n.push_back(attributes.value(QLatin1StringView("n")).toString());
        xmlId.push_back(attributes.value(QLatin1StringView("http://www.w3.org/XML/1998/namespace"),
                                         QLatin1StringView("id"))
                            .toString());
        if (stopAt == int(n.size()))
            tokens.stop(QStringLiteral("stopped"));
    }
    void endElement() override { events.push_back(QStringLiteral(">")); }
    void characters(QStringView text) override { events.push_back(u'"' + text.toString() + u'"'); }

    XmlTokenizer tokens;
    std::vector<QString> events;
    std::vector<QString> n;
    std::vector<QString> xmlId;
    int stopAt = -1; // stop at this start tag (1: the first)
};

std::vector<QString> eventsOf(const QByteArray &xml)
{
    Recorder r(xml);
    EXPECT_TRUE(r.tokens.read()) << r.tokens.problem().message.toStdString();
    return r.events;
}

using Events = std::vector<QString>;

TEST(XmlTokens, Issue10TextBetweenTwoTagsArrivesWholeWithReferencesAndCdataExpanded)
{
    EXPECT_EQ(eventsOf("<a>x &amp; y&#233;&#x20AC;<![CDATA[<b>&amp;]]>z</a>"),
              (Events{QStringLiteral("<a"), QStringLiteral("\"x & y\u00E9\u20AC<b>&amp;z\""), QStringLiteral(">")}));
}

TEST(XmlTokens, Issue10CommentsAndProcessingInstructionsAreSkipped)
{
    EXPECT_EQ(eventsOf("<?xml version=\"1.0\"?><?pi x?><a>1<!-- <b> -->2<?pi <b> ?>3</a><!-- end -->"),
              (Events{QStringLiteral("<a"), QStringLiteral("\"123\""), QStringLiteral(">")}));
}

// libxml2 leaves "&amp;" in an attribute as "&#38;" unless told to substitute entities, which stays off.
TEST(XmlTokens, Issue10AttributeValuesHaveEveryReferenceExpandedOnce)
{
    Recorder r(R"(<a n="1&amp;2 &lt;&#38;&#233; &amp;#38;"><b n='plain'/></a>)");
    ASSERT_TRUE(r.tokens.read()) << r.tokens.problem().message.toStdString();
    ASSERT_EQ(r.n.size(), 2u);
    EXPECT_EQ(r.n[0], QStringLiteral("1&2 <&\u00E9 &#38;"));
    EXPECT_EQ(r.n[1], QStringLiteral("plain"));
}

TEST(XmlTokens, Issue10NamespacesAreResolvedForElementsAndAttributes)
{
    Recorder r(R"(<t:a xmlns:t="urn:t" xmlns:o="urn:o" xml:id="i1" o:n="other"><b n="mine" xml:id="i2"/></t:a>)");
    ASSERT_TRUE(r.tokens.read()) << r.tokens.problem().message.toStdString();
    EXPECT_EQ(r.events, (Events{QStringLiteral("<t:a"), QStringLiteral("<b"), QStringLiteral(">"), QStringLiteral(">")}));
    EXPECT_EQ(r.xmlId, (Events{QStringLiteral("i1"), QStringLiteral("i2")}));
    EXPECT_EQ(r.n, (Events{QString(), QStringLiteral("mine")})); // o:n is not the unprefixed n
}

TEST(XmlTokens, Issue10AnUndeclaredPrefixIsAnError)
{
    Recorder r("<a>\n<x:b/></a>");
    ASSERT_FALSE(r.tokens.read());
    EXPECT_EQ(r.tokens.problem().line, 2);
}

TEST(XmlTokens, Issue10ADoctypeStopsTheReadBeforeItsSubset)
{
    Recorder r("<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY e \"boom\">]>\n<a>&e;</a>");
    ASSERT_FALSE(r.tokens.read());
    EXPECT_TRUE(r.tokens.problem().message.contains(QStringLiteral("document type declarations")));
    EXPECT_EQ(r.tokens.problem().line, 2);
    EXPECT_TRUE(r.events.empty());
}

// "é" and "€" are two and three bytes: the column counts them as one character each.
TEST(XmlTokens, Issue10AnUnknownEntityIsNamedAtItsLineAndCharacterColumn)
{
    Recorder r("<a>\n\u00E9\u20AC&nbsp;</a>");
    ASSERT_FALSE(r.tokens.read());
    EXPECT_EQ(r.tokens.problem().message, QStringLiteral("unknown entity &nbsp;"));
    EXPECT_EQ(r.tokens.problem().line, 2);
    EXPECT_EQ(r.tokens.problem().column, 9); // just after "é€&nbsp;"
}

TEST(XmlTokens, Issue10AMismatchedEndTagIsReportedAtItsCharacterColumn)
{
    Recorder ascii("<a>\n<p>xx</b></a>");
    Recorder wide("<a>\n<p>\u00E9\u00E9</b></a>");
    ASSERT_FALSE(ascii.tokens.read());
    ASSERT_FALSE(wide.tokens.read());
    EXPECT_EQ(ascii.tokens.problem().line, 2);
    EXPECT_GT(ascii.tokens.problem().column, 1);
    EXPECT_EQ(wide.tokens.problem().line, 2);
    EXPECT_EQ(wide.tokens.problem().column, ascii.tokens.problem().column);
}

TEST(XmlTokens, Issue10AHandlerStopsTheReadWhereItStands)
{
    Recorder r("<a>\n<b/>\n<c/>\n<d/></a>");
    r.stopAt = 3; // at <c/>
    ASSERT_FALSE(r.tokens.read());
    EXPECT_EQ(r.tokens.problem().message, QStringLiteral("stopped"));
    EXPECT_EQ(r.tokens.problem().line, 3);
    EXPECT_EQ(r.events.back(), QStringLiteral("<c")); // and nothing after it

}

TEST(XmlTokens, Issue10NoElementIsToldApart)
{
    for (const QByteArray &xml : {QByteArray(), QByteArray("  \n"), QByteArray("<?xml version=\"1.0\"?>\n")}) {
        Recorder r(xml);
        ASSERT_FALSE(r.tokens.read());
        EXPECT_TRUE(r.tokens.problem().noElement) << xml.toStdString();
    }
    Recorder truncated("<a><b>");
    ASSERT_FALSE(truncated.tokens.read());
    EXPECT_FALSE(truncated.tokens.problem().noElement);
}

// Through the TEI importer: the document's number, with an escaped ampersand, reads as the file says.
TEST(XmlTokens, Issue10TeiAttributesWithReferencesReachTheModel)
{
    const auto r = TeiParser::parse(R"(<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
<div type="document" xml:id="d1" n="1&amp;2"><head>A &amp; B</head><p>Text.</p></div></body></text></TEI>)",
                                    QStringLiteral("amp.xml"));
    ASSERT_TRUE(r.has_value()) << r.error().toString().toStdString();
    ASSERT_EQ(r->documents.size(), 1u);
    EXPECT_EQ(r->documents[0].number, QStringLiteral("1&2"));
    EXPECT_EQ(r->documents[0].title, QStringLiteral("A & B"));
}

} // namespace
} // namespace marginalia

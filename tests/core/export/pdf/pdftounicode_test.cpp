#include "export/pdf/pdftounicode.h"

#include <gtest/gtest.h>

namespace marginalia {
namespace {

// A ToUnicode map as QPdfWriter writes it: glyph 3 (the space) claimed by TAB, a range with a start
// code running over a control character, and a range with an array.
const QByteArray qtMap = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                         "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                         "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
                         "3 beginbfrange\n<0000> <0000> <0000>\n<0001> <0003> <0007>\n"
                         "<0004> <0006> [<0054> <0068> <00E9>]\nendbfrange\n"
                         "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";

TEST(PdfToUnicode, Issue13TheGlyphATabClaimedMapsToTheSpaceAndTheRestStays)
{
    const std::optional<QByteArray> fixed = toUnicodeWithSpaces(qtMap);
    ASSERT_TRUE(fixed);
    EXPECT_TRUE(fixed->startsWith("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"));
    EXPECT_TRUE(fixed->contains("<0000> <FFFF>\nendcodespacerange\n"));
    EXPECT_TRUE(fixed->contains("7 beginbfchar\n<0000> <0000>\n<0001> <0007>\n<0002> <0008>\n<0003> <0020>\n"
                                "<0004> <0054>\n<0005> <0068>\n<0006> <00E9>\nendbfchar\n"))
        << fixed->toStdString();
    EXPECT_FALSE(fixed->contains("<0009>"));
    EXPECT_TRUE(fixed->endsWith("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"));
}

TEST(PdfToUnicode, Issue13AMapOfMoreThanAHundredGlyphsIsWrittenInSectionsOfAHundred)
{
    QByteArray map = "begincmap\n1 beginbfrange\n<0000> <0095> <0041>\nendbfrange\nendcmap\n";
    const std::optional<QByteArray> fixed = toUnicodeWithSpaces(map);
    ASSERT_TRUE(fixed);
    EXPECT_TRUE(fixed->contains("100 beginbfchar\n<0000> <0041>\n")) << fixed->toStdString();
    EXPECT_TRUE(fixed->contains("50 beginbfchar\n<0064> <00A5>\n")) << fixed->toStdString();
}

TEST(PdfToUnicode, Issue13WhatIsNoReadableCMapIsLeftAlone)
{
    EXPECT_FALSE(toUnicodeWithSpaces("not a cmap"));
    EXPECT_FALSE(toUnicodeWithSpaces("begincmap\n1 beginbfchar\n<0003> endbfchar\nendcmap\n"));
    EXPECT_FALSE(toUnicodeWithSpaces("begincmap\n1 beginbfrange\n<0003> <0001> <0041>\nendbfrange\nendcmap\n"));
    EXPECT_FALSE(toUnicodeWithSpaces("begincmap\n1 beginbfchar\n<0003> <00"));
}

} // namespace
} // namespace marginalia

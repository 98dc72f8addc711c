// plainTooltip(): a string from a document shows as itself in a tooltip, whatever markup it holds.
#include "util/plaintext.h"

#include "support/showntext.h"

#include <QTextBlock>
#include <QTextDocument>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

const QString kImage = QStringLiteral("<img src=\"/dev/zero\">");
const QString kLink = QStringLiteral("<a href=\"file:///etc/passwd\">x</a>");

QStringList hostile()
{
    return {kImage,
            kLink,
            QStringLiteral("Title ") + kImage + QStringLiteral(" and ") + kLink,
            QStringLiteral("<b>Bold</b> &amp; &lt;i&gt;"),
            QStringLiteral("&lt;img src=x&gt;"),
            QStringLiteral("AT&T"),
            QStringLiteral("<!DOCTYPE html><html><body><img src=\"/dev/zero\"></body></html>"),
            QStringLiteral("first line\n  ") + kImage + QStringLiteral("\nthird\tline"),
            QStringLiteral("  leading and trailing  "),
            QStringLiteral("quotes \" and ' and > alone")};
}

TEST(PlainTooltip, LeavesTextQtWouldNotTakeForMarkupAsItIs)
{
    for (const QString &text : {QStringLiteral("Hodges, Luther H., Secretary of Commerce"),
                                QStringLiteral("Foreign Relations\n/home/me/frus1961-63v09.xml"), QString()}) {
        EXPECT_EQ(plainTooltip(text), text);
        EXPECT_FALSE(Qt::mightBeRichText(plainTooltip(text)));
    }
}

TEST(PlainTooltip, Issue8MarkupShowsAsTheLiteralCharacters)
{
    for (const QString &text : hostile()) {
        const QString tip = plainTooltip(text);
        EXPECT_EQ(test::shownText(tip), text) << tip.toStdString();
        EXPECT_FALSE(test::showsAnImage(tip)) << tip.toStdString();
    }
}

TEST(PlainTooltip, Issue8TheCheckSeesWhatRawMarkupWouldDo)
{
    // Without the helper the same strings are live markup: the image is an image, the link text "x".
    EXPECT_TRUE(test::showsAnImage(kImage));
    EXPECT_EQ(test::shownText(kLink), QStringLiteral("x"));
    // And escaping alone is not enough: "AT&amp;T" is not markup to Qt, so it would show as typed.
    EXPECT_EQ(test::shownText(QStringLiteral("AT&T").toHtmlEscaped()), QStringLiteral("AT&amp;T"));
}

TEST(PlainTooltip, Issue8MakesNoLinkOfALink)
{
    QTextDocument doc;
    doc.setHtml(plainTooltip(kLink));
    EXPECT_TRUE(doc.toHtml().contains(QStringLiteral("&lt;a href=")));
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it)
            EXPECT_FALSE(it.fragment().charFormat().isAnchor());
    }
}

} // namespace
} // namespace marginalia

// Issue 8: text from documents and annotations printed to a terminal shows its control characters
// instead of obeying them; JSON keeps their value but escapes them.
#include "util/visiblecontrols.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

TEST(VisibleControls, Issue8EscapeSequencesBecomeControlPictures)
{
    EXPECT_EQ(visibleControls(QStringLiteral("a\x1b]0;pwned\x07z")), QStringLiteral("a\u241B]0;pwned\u2407z"));
    EXPECT_EQ(visibleControls(QStringLiteral("\x1b[2J\r\x7f")), QStringLiteral("\u241B[2J\u240D\u2421"));
    EXPECT_EQ(visibleControls(QString(QChar(0))), QString(QChar(0x2400)));
}

TEST(VisibleControls, Issue8LineBreaksAndTabsStayOnlyWhereTheyAreLayout)
{
    const QString text = QStringLiteral("one\ttwo\nthree");
    EXPECT_EQ(visibleControls(text), text);
    EXPECT_EQ(visibleControls(text, LineBreaks::Show), QStringLiteral("one\u2409two\u240Athree"));
}

TEST(VisibleControls, Issue8C1ControlsAndBidiOverridesAreNamed)
{
    QString text = QStringLiteral("x");
    for (const char16_t c : {u'\u0085', u'\u009B', u'\u202E', u'\u2066', u'\u2069', u'\u200F', u'\u061C'})
        text += QChar(c);
    EXPECT_EQ(visibleControls(text),
              QStringLiteral("x<U+0085><U+009B><U+202E><U+2066><U+2069><U+200F><U+061C>"));
    // Letters, punctuation and characters outside the BMP are left alone.
    const QString ordinary = QStringLiteral("Ré­sumé – “quoted” \u00A0 \U0001F600 \u2014 \u05D0");
    EXPECT_EQ(visibleControls(ordinary), ordinary);
}

TEST(VisibleControls, Issue8TerminalSafeJsonMeansTheSameAndHoldsNoLiveControl)
{
    QString all;
    for (char16_t c = 0; c < 0x100; ++c)
        all += QChar(c);
    all += QStringLiteral("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C \u2014\u20AC\U0001F600");
    const QByteArray json = QJsonDocument(QJsonArray{all}).toJson(QJsonDocument::Compact);
    const QByteArray safe = terminalSafeJson(json);
    const QString printed = QString::fromUtf8(safe);
    for (const QChar c : printed) {
        const char16_t u = c.unicode();
        EXPECT_FALSE(u < 0x20 || (u >= 0x7F && u <= 0x9F) || (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069)
                     || u == 0x200E || u == 0x200F || u == 0x061C)
            << int(u);
    }
    QJsonParseError error;
    const QJsonDocument back = QJsonDocument::fromJson(safe, &error);
    ASSERT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
    EXPECT_EQ(back.array().at(0).toString(), all);
}

} // namespace
} // namespace marginalia

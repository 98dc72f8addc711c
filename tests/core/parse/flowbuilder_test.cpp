// Issue 10: the importer decodes a document's text from libxml2's UTF-8 while collapsing its whitespace
// (FlowBuilder::appendUtf8), in one pass instead of decoding to a string first. It must build exactly the
// blocks appendText builds from the decoded string, whatever the text holds.
#include "parse/flowbuilder.h"

#include <gtest/gtest.h>

#include <QList>

namespace marginalia {
namespace {

// Writes `pieces` into one paragraph, each piece in turn italic or upright, through either entry.
Document build(const std::vector<QByteArray> &pieces, bool utf8)
{
    Document doc;
    FlowBuilder flow(&doc, -1);
    flow.beginBlock(BlockKind::Paragraph, 0, 0);
    bool italic = false;
    for (const QByteArray &piece : pieces) {
        if (italic)
            flow.pushStyle(Italic);
        if (utf8)
            flow.appendUtf8(piece);
        else
            flow.appendText(QString::fromUtf8(piece));
        if (italic)
            flow.popStyle();
        italic = !italic;
    }
    flow.endBlock();
    flow.finish();
    return doc;
}

void expectSameBlocks(const std::vector<QByteArray> &pieces)
{
    const Document fromString = build(pieces, false);
    const Document fromUtf8 = build(pieces, true);
    ASSERT_EQ(fromUtf8.body.size(), fromString.body.size());
    for (std::size_t b = 0; b < fromString.body.size(); ++b) {
        const Block &want = fromString.body[b];
        const Block &got = fromUtf8.body[b];
        EXPECT_EQ(got.text, want.text);
        ASSERT_EQ(got.styles.size(), want.styles.size());
        for (std::size_t s = 0; s < want.styles.size(); ++s) {
            EXPECT_EQ(got.styles[s].start, want.styles[s].start);
            EXPECT_EQ(got.styles[s].end, want.styles[s].end);
        }
    }
}

TEST(FlowBuilderUtf8, Issue10AccentsDashesAndWhitespaceCollapseAsFromTheDecodedString)
{
    // From frus1934v05: accented names, a dash, a line-broken paragraph.
    const std::vector<QByteArray> pieces = {
        "\n      The Minister in Nicaragua (Lane) to the ",
        "Secretary of State",
        "\n  Managua,\tJuly 2, 1934—4 p.m.\r\n",
        "Señor Sacasa, Attaché, Bogotá",
        "   ",
        " último\n",
    };
    expectSameBlocks(pieces);
    const Document doc = build(pieces, true);
    ASSERT_EQ(doc.body.size(), 1u);
    EXPECT_EQ(doc.body[0].text,
              QStringLiteral("The Minister in Nicaragua (Lane) to the Secretary of State Managua, July 2, 1934—4 p.m. "
                             "Señor Sacasa, Attaché, Bogotá último"));
}

TEST(FlowBuilderUtf8, Issue10CharactersBeyondTheBasicPlaneBecomeSurrogatePairs)
{
    const QByteArray text = "Fraktur \xF0\x9D\x94\x84 and \xF0\x9F\x93\x9C scroll";
    expectSameBlocks({text});
    const Document doc = build({text}, true);
    ASSERT_EQ(doc.body.size(), 1u);
    EXPECT_EQ(doc.body[0].text, QString::fromUtf8(text));
    EXPECT_EQ(doc.body[0].text.size(), 24); // 20 ASCII characters and two of two UTF-16 units each
}

TEST(FlowBuilderUtf8, Issue10IllFormedBytesBecomeReplacementCharactersWithoutReadingPastTheEnd)
{
    // A lone continuation byte, an overlong '/', an encoded surrogate, a sequence cut by the end.
    const Document doc = build({QByteArray("a\x80 b\xC0\xAF c\xED\xA0\x80 d\xE2\x80")}, true);
    ASSERT_EQ(doc.body.size(), 1u);
    const QString &t = doc.body[0].text;
    EXPECT_TRUE(t.startsWith(QStringLiteral("a\uFFFD b\uFFFD")));
    EXPECT_FALSE(t.contains(QChar(0)));
    for (const QChar c : t)
        EXPECT_FALSE(c.isSurrogate());
    EXPECT_TRUE(t.endsWith(QStringLiteral("d\uFFFD\uFFFD")));
}

TEST(FlowBuilderUtf8, Issue10EverySpacingAtEveryOffsetCollapsesAsFromTheDecodedString)
{
    // The ASCII fast path copies eight bytes at a time when they hold only single spaces between
    // words; each spacing below is tried at every offset of an eight-byte word, ending a piece or not.
    const QList<QByteArray> spacings = {" ", "  ", "\n", " \n ", "\t", "\r\n", "\x01", "\xC3\xA9", " \xE2\x80\x94 "};
    for (const QByteArray &spacing : spacings) {
        for (int offset = 0; offset < 10; ++offset) {
            const QByteArray word = QByteArray("Attachment").left(offset);
            const QByteArray text = word + spacing + "Memorandum" + spacing + word;
            SCOPED_TRACE(text.toStdString());
            expectSameBlocks({text});
            expectSameBlocks({text, text});
            expectSameBlocks({word, spacing, word + spacing, "of State"});
        }
    }
}

} // namespace
} // namespace marginalia

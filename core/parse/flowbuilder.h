#pragma once

#include "model/document.h"

#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <vector>

namespace marginalia {

// Builds the blocks of one flow of a document, its body or one footnote's content, from a stream of
// text and inline events. Whitespace is collapsed as it arrives; anchors (markers, links, page breaks)
// are placed at the offset where they occur, and their Locations in the Document are set when their
// block is emitted. Anchors met while no block has text yet move to the start of the next block.
class FlowBuilder {
public:
    // footnote == -1 builds doc->body, else doc->footnotes[footnote].content. `doc` must outlive this.
    FlowBuilder(Document *doc, int footnote);

    void beginBlock(BlockKind kind, std::uint8_t flags, std::uint8_t level);
    void endBlock();
    // A list label (<label>) opens a block of its own and its text is written like any other; the item
    // that follows it (beginItem) goes on in that block after one space, so the label keeps its styles.
    void beginLabel();
    void endLabel();
    // Begins the block of an <item>: the label's block when a label has just been written, else a new one.
    void beginItem(BlockKind kind, std::uint8_t flags, std::uint8_t level);
    // True while the current block holds a list label and nothing after it: an <item>'s first <p> then
    // goes on in the item's block rather than leaving the label alone in a block of its own.
    bool atLabelledItemStart() const
    {
        return m_block.labelLength > 0 && m_text.size() <= m_block.labelLength + 1;
    }
    // Sets the flags every block until the matching endContainer() gets (block quotes).
    void beginContainer(std::uint8_t flags);
    void endContainer();

    void appendText(QStringView raw);
    // The same for text as the XML parser gives it: UTF-8, decoded while it is collapsed.
    void appendUtf8(QByteArrayView raw);
    void lineBreak();
    void beginCell();

    void pushStyle(std::uint8_t styles);
    void popStyle();

    void openLink(AnchorKind kind, int index);
    void closeLink();
    void pointAnchor(AnchorKind kind, int index);

    // Emits what is pending; call once when the flow's element ends.
    void finish();

    int footnote() const { return m_footnote; }
    bool currentBlockEmpty() const { return m_text.isEmpty(); }
    int blockCount() const;

private:
    struct Context {
        BlockKind kind;
        std::uint8_t flags;
        std::uint8_t level;
    };
    struct OpenLink {
        int anchor;
        bool valid;
    };

    RichText &target();
    void flush();
    void startNewBlock(const Context &ctx);
    void materializeSpace();
    void placeText(qsizetype first, qsizetype end);
    void placeAnchors(int blockIndex);

    Document *m_doc;
    int m_footnote;
    std::vector<Context> m_contexts;
    std::vector<std::uint8_t> m_containerFlags;
    Block m_block;
    QString m_text; // the text of m_block while it is built
    bool m_pendingSpace = false;
    qsizetype m_labelEnd = -1; // length of m_text when a list label ended and nothing has followed yet
    std::uint8_t m_style = 0;
    std::vector<std::uint8_t> m_styleStack;
    std::vector<OpenLink> m_openLinks;
    std::vector<Anchor> m_carried;
};

} // namespace marginalia

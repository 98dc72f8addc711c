#pragma once

#include "blockformats.h"
#include "renderedtext.h"

#include <QTextCursor>

namespace marginalia {

struct Volume;
struct Document;

// Appends flows of rich text (a body, a note's content) to a QTextDocument through one cursor, and
// records in a RenderedText where each run of reading text, each marker and each page break went.
// Only appends: a position once recorded never moves.
class FlowWriter {
public:
    FlowWriter(const Volume &volume, const Document &doc, const RenderStyle &style, RenderedText &out);

    // Writes `flow`, whose reading text is its blocks joined by "\n\n". `footnote` is the note it is the
    // content of (-1 for the body); `indent` moves it right; `label`, when given, hangs before its first block.
    void writeFlow(const RichText &flow, int footnote, qreal indent = 0, const QString &label = {});
    // Starts a new paragraph (reusing the empty one the document or a table left behind).
    void startBlock(const QTextBlockFormat &block, const QTextCharFormat &chars);
    // Text the renderer adds (labels, links back): drawn, but not reading text. The caller sanitizes it.
    void insertAdded(const QString &text, const QTextCharFormat &format);
    void insertDocumentNumber(const Block &heading, const QTextCharFormat &format);
    int position() const { return m_cursor.position(); }
    // Where the paragraph the next startBlock() opens will begin.
    int nextBlockPosition() const { return m_blockPending ? position() : position() + 1; }
    const RenderStyle &style() const { return m_style; }

private:
    std::size_t writeTable(const RichText &flow, std::size_t first, const std::vector<int> &blockStarts,
                           int footnote, qreal indent);
    void writeInline(const Block &block, int from, int to, int readingStart, int footnote,
                     const QTextCharFormat &chars);
    void insertReading(const QString &text, const QTextCharFormat &format, int readingOffset, int footnote);
    void insertMarker(int footnote, const QTextCharFormat &base);
    QTextCharFormat pieceFormat(const QTextCharFormat &base, std::uint8_t styles, int reference, int entity) const;

    const Volume &m_volume;
    const Document &m_doc;
    const RenderStyle &m_style;
    RenderedText &m_out;
    QTextCursor m_cursor;
    bool m_blockPending = true; // the cursor sits in an empty paragraph nobody has claimed yet
};

} // namespace marginalia

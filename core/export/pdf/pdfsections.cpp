#include "pdfsections.h"

#include "util/translate.h"

#include "pdfflow.h"
#include "render/blockformats.h"
#include "render/inlinewalk.h"

#include <QCoreApplication>
#include <QTextBlock>
#include <QTextCursor>

namespace marginalia {

namespace {

// A quote longer than this is shortened in the list: the passage itself is highlighted in the text.
constexpr int kMaxQuote = 400;
constexpr double kContentsNumberWidth = 40; // points

std::unique_ptr<QTextDocument> newDocument(const RenderStyle &style)
{
    auto document = std::make_unique<QTextDocument>();
    document->setUndoRedoEnabled(false);
    QFont font = style.bodyFont;
    font.setPointSizeF(style.pointSize());
    document->setDefaultFont(font);
    return document;
}

// Text from the model or the user, safe to insert: line breaks become line separators so that a note
// keeps its lines without turning into paragraphs, and nothing can be taken as structure.
QString plain(const QString &text)
{
    QString out = sanitizedForTextDocument(text);
    out.replace(QLatin1Char('\n'), QChar::LineSeparator);
    return out;
}

QString shortened(const QString &quote)
{
    const QString simple = quote.simplified();
    if (simple.size() <= kMaxQuote)
        return simple;
    return simple.left(kMaxQuote).section(QLatin1Char(' '), 0, -2) + QStringLiteral(" \u2026");
}

// Starts a paragraph: the document's first one is reused, later ones are inserted.
void startBlock(QTextCursor &cursor, const QTextBlockFormat &block, const QTextCharFormat &chars)
{
    if (cursor.position() == 0 && cursor.block().length() == 1) {
        cursor.setBlockFormat(block);
        cursor.setBlockCharFormat(chars);
    } else {
        cursor.insertBlock(block, chars);
    }
}

// A paragraph indented under an annotation's number.
void addDetail(QTextCursor &cursor, const QString &text, const QTextCharFormat &chars, const RenderStyle &style)
{
    QTextBlockFormat block = baseBlockFormat(style);
    block.setLeftMargin(noteLabelWidth(style));
    block.setBottomMargin(emPixels(style) * 0.2);
    startBlock(cursor, block, chars);
    cursor.insertText(plain(text), chars);
}

void addEntry(QTextCursor &cursor, int number, const AnnotationEntry &entry, ListDocument &out,
              const RenderStyle &style)
{
    QTextBlockFormat first = baseBlockFormat(style);
    setHangingIndent(first, 0, noteLabelWidth(style));
    first.setBottomMargin(emPixels(style) * 0.2);
    const QTextCharFormat base = baseCharFormat(style);
    startBlock(cursor, first, base);
    QTextCharFormat label = styledFormat(base, Bold);
    label.setBackground(entry.color);
    const int start = cursor.position();
    cursor.insertText(QStringLiteral("\u2009%1\u2009").arg(number), label);
    out.labels.push_back({start, cursor.position()});
    cursor.insertText(QStringLiteral("\t"), base);
    if (entry.quote.isEmpty())
        cursor.insertText(Tr::tr("(the whole document)"), mutedFormat(base, style, 1.0));
    else
        cursor.insertText(QStringLiteral("\u201c%1\u201d").arg(plain(shortened(entry.quote))), styledFormat(base, Italic));
    if (!entry.note.trimmed().isEmpty())
        addDetail(cursor, entry.note.trimmed(), base, style);
    const QTextCharFormat muted = mutedFormat(base, style, 0.9);
    if (!entry.tags.isEmpty())
        addDetail(cursor, Tr::tr("Tags: %1").arg(entry.tags.join(QStringLiteral(", "))), muted, style);
    addDetail(cursor, entry.citation, muted, style);
    QTextBlockFormat last = cursor.blockFormat();
    last.setBottomMargin(emPixels(style) * 0.8);
    cursor.setBlockFormat(last);
}

} // namespace

std::vector<RenderedLink> takeLinks(QTextDocument &document)
{
    std::vector<RenderedLink> links;
    std::vector<std::pair<TextSpan, QTextCharFormat>> anchors;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            QTextCharFormat format = fragment.charFormat();
            if (!format.isAnchor() && !format.hasProperty(QTextFormat::AnchorHref))
                continue;
            const TextSpan span{fragment.position(), fragment.position() + fragment.length()};
            if (const auto target = parseLink(QUrl(format.anchorHref())))
                links.push_back({span, *target});
            format.clearProperty(QTextFormat::IsAnchor);
            format.clearProperty(QTextFormat::AnchorHref);
            format.clearProperty(QTextFormat::AnchorName);
            anchors.emplace_back(span, format);
        }
    }
    // Changed after the walk: a new format can merge fragments under the iterator.
    QTextCursor cursor(&document);
    cursor.beginEditBlock();
    for (const auto &[span, format] : anchors) {
        cursor.setPosition(span.start);
        cursor.setPosition(span.end, QTextCursor::KeepAnchor);
        cursor.setCharFormat(format);
    }
    cursor.endEditBlock();
    return links;
}

std::unique_ptr<QTextDocument> captionDocument(const QString &caption, const RenderStyle &style)
{
    auto document = newDocument(style);
    QTextCursor cursor(document.get());
    QTextBlockFormat block = baseBlockFormat(style);
    block.setBottomMargin(emPixels(style) * 0.3);
    QTextCharFormat chars = mutedFormat(baseCharFormat(style), style, 0.85);
    chars.setFontCapitalization(QFont::SmallCaps);
    startBlock(cursor, block, chars);
    cursor.insertText(plain(caption), chars);
    return document;
}

std::unique_ptr<QTextDocument> paragraphDocument(const QString &text, const RenderStyle &style)
{
    auto document = newDocument(style);
    QTextCursor cursor(document.get());
    const QTextCharFormat chars = baseCharFormat(style);
    startBlock(cursor, baseBlockFormat(style), chars);
    cursor.insertText(plain(text), chars);
    return document;
}

std::unique_ptr<QTextDocument> headingDocument(const QString &text, const RenderStyle &style, qreal scale)
{
    auto document = newDocument(style);
    QTextCursor cursor(document.get());
    QTextBlockFormat block = baseBlockFormat(style);
    block.setBottomMargin(emPixels(style) * 0.5);
    QTextCharFormat chars = styledFormat(baseCharFormat(style), Bold);
    chars.setFontPointSize(style.pointSize() * scale);
    startBlock(cursor, block, chars);
    cursor.insertText(plain(text), chars);
    return document;
}

ListDocument annotationsDocument(const std::vector<AnnotationEntry> &entries, const RenderStyle &style)
{
    ListDocument out{newDocument(style), {}};
    QTextCursor cursor(out.document.get());
    cursor.beginEditBlock();
    for (std::size_t i = 0; i < entries.size(); ++i)
        addEntry(cursor, int(i + 1), entries[i], out, style);
    cursor.endEditBlock();
    return out;
}

double contentsNumberWidth()
{
    return kContentsNumberWidth;
}

ListDocument contentsDocument(const QString &title, const std::vector<ContentsEntry> &entries,
                              const RenderStyle &style)
{
    ListDocument out{newDocument(style), {}};
    QTextCursor cursor(out.document.get());
    cursor.beginEditBlock();
    QTextCharFormat heading = styledFormat(baseCharFormat(style), Bold);
    heading.setFontPointSize(style.pointSize() * 1.4);
    QTextBlockFormat headingBlock = baseBlockFormat(style);
    headingBlock.setBottomMargin(emPixels(style) * 1.2);
    startBlock(cursor, headingBlock, heading);
    cursor.insertText(plain(title), heading);
    const QTextCharFormat base = baseCharFormat(style);
    const QTextCharFormat group = mutedFormat(styledFormat(base, SmallCaps), style, 0.95);
    QString lastGroup;
    for (const ContentsEntry &entry : entries) {
        if (entry.group != lastGroup && !entry.group.isEmpty()) {
            QTextBlockFormat block = baseBlockFormat(style);
            block.setTopMargin(emPixels(style) * 0.6);
            startBlock(cursor, block, group);
            cursor.insertText(plain(entry.group), group);
        }
        lastGroup = entry.group;
        QTextBlockFormat block = baseBlockFormat(style);
        block.setBottomMargin(emPixels(style) * 0.25);
        block.setRightMargin(kContentsNumberWidth / kPointsPerPixel);
        setHangingIndent(block, 0, emPixels(style) * 1.5);
        startBlock(cursor, block, base);
        const int start = cursor.position();
        cursor.insertText(plain(entry.title), base);
        out.labels.push_back({start, cursor.position()});
    }
    cursor.endEditBlock();
    return out;
}

IndexDocument indexDocument(const std::vector<IndexEntry> &entries, const RenderStyle &style)
{
    IndexDocument out{newDocument(style), {}};
    QTextCursor cursor(out.document.get());
    cursor.beginEditBlock();
    const QTextCharFormat base = baseCharFormat(style);
    const QTextCharFormat name = styledFormat(base, Bold);
    for (const IndexEntry &entry : entries) {
        QTextBlockFormat block = baseBlockFormat(style);
        block.setBottomMargin(emPixels(style) * 0.25);
        setHangingIndent(block, 0, emPixels(style) * 1.5);
        startBlock(cursor, block, base);
        cursor.insertText(plain(entry.tag), name);
        cursor.insertText(QStringLiteral("  "), base);
        std::vector<TextSpan> numbers;
        for (std::size_t i = 0; i < entry.pages.size(); ++i) {
            if (i > 0)
                cursor.insertText(QStringLiteral(", "), base);
            const int start = cursor.position();
            cursor.insertText(QString::number(entry.pages[i] + 1), base);
            numbers.push_back({start, cursor.position()});
        }
        out.numbers.push_back(std::move(numbers));
    }
    cursor.endEditBlock();
    return out;
}

} // namespace marginalia

#include "documentrenderer.h"

#include "blockformats.h"
#include "flowwriter.h"
#include "inlinewalk.h"
#include "links.h"
#include "model/volume.h"
#include "util/translate.h"

#include <QCoreApplication>
#include <QTextDocument>

namespace marginalia {

namespace {

std::unique_ptr<QTextDocument> newDocument(const RenderStyle &style)
{
    auto document = std::make_unique<QTextDocument>();
    document->setUndoRedoEnabled(false); // built once, never edited: no undo history to keep
    QFont font = style.bodyFont;
    font.setPointSizeF(style.pointSize());
    document->setDefaultFont(font);
    return document;
}

// Source notes first (the site keeps them in the head, so they always lead), then the rest in order.
std::vector<int> notesOrder(const Document &doc)
{
    std::vector<int> order;
    order.reserve(doc.footnotes.size());
    for (std::size_t i = 0; i < doc.footnotes.size(); ++i) {
        if (doc.footnotes[i].isSource())
            order.push_back(int(i));
    }
    for (std::size_t i = 0; i < doc.footnotes.size(); ++i) {
        if (!doc.footnotes[i].isSource())
            order.push_back(int(i));
    }
    return order;
}

QTextCharFormat backLinkFormat(const RenderStyle &style, int footnote)
{
    QTextCharFormat format = baseCharFormat(style);
    format.setForeground(QBrush(style.link));
    format.setAnchor(true);
    format.setAnchorHref(linkUrl({LinkTarget::Back, footnote, {}}).toString());
    format.setToolTip(Tr::tr("Back to the text"));
    return format;
}

void writeNote(FlowWriter &writer, const Document &doc, int index, const QString &citation)
{
    const RenderStyle &style = writer.style();
    const Footnote &note = doc.footnotes[std::size_t(index)];
    const qreal em = emPixels(style);
    QString label;
    if (note.isSource()) {
        QTextBlockFormat heading = baseBlockFormat(style);
        heading.setBottomMargin(em * 0.2);
        QTextCharFormat headingChars = mutedFormat(baseCharFormat(style), style, 0.9);
        headingChars.setFontCapitalization(QFont::SmallCaps);
        writer.startBlock(heading, headingChars);
        writer.insertAdded(Tr::tr("Source"), headingChars);
    } else {
        label = sanitizedForTextDocument(note.label.isEmpty() ? QStringLiteral("*") : note.label) + QLatin1Char('.');
    }
    if (note.content.empty()) {
        QTextBlockFormat block = baseBlockFormat(style);
        setHangingIndent(block, 0, label.isEmpty() ? 0 : noteLabelWidth(style));
        writer.startBlock(block, baseCharFormat(style));
        writer.insertAdded(label.isEmpty() ? QString() : label + QLatin1Char('\t'),
                           styledFormat(baseCharFormat(style), Bold));
    } else {
        writer.writeFlow(note.content, index, 0, label);
    }
    if (!citation.isEmpty() && saysIbid(note.content)) {
        QTextBlockFormat block = baseBlockFormat(style);
        block.setLeftMargin(label.isEmpty() ? 0 : noteLabelWidth(style));
        const QTextCharFormat muted = mutedFormat(baseCharFormat(style), style, 0.9);
        writer.startBlock(block, muted);
        writer.insertAdded(Tr::tr("Ibid. = %1").arg(sanitizedForTextDocument(citation)), muted);
    }
    writer.insertAdded(QStringLiteral(" "), baseCharFormat(style));
    writer.insertAdded(QStringLiteral("\u21a9"), backLinkFormat(style, index));
}

} // namespace

RenderedText renderDocument(const Volume &volume, const Document &doc, const RenderStyle &style)
{
    RenderedText out;
    out.document = newDocument(style);
    QTextCursor batch(out.document.get());
    batch.beginEditBlock(); // one layout pass at the end instead of one per insertion
    FlowWriter writer(volume, doc, style, out);
    writer.writeFlow(doc.body, -1);
    batch.endEditBlock();
    return out;
}

RenderedText renderFootnotes(const Volume &volume, const Document &doc, const std::vector<QString> &citations,
                             const RenderStyle &style)
{
    RenderedText out;
    out.document = newDocument(style);
    out.notes.assign(doc.footnotes.size(), {});
    QTextCursor batch(out.document.get());
    batch.beginEditBlock();
    FlowWriter writer(volume, doc, style, out);
    for (int index : notesOrder(doc)) {
        const std::size_t i = std::size_t(index);
        RenderedText::Span &span = out.notes[i];
        span.start = writer.nextBlockPosition();
        writeNote(writer, doc, index, i < citations.size() ? citations[i] : QString());
        span.end = writer.position();
    }
    batch.endEditBlock();
    return out;
}

QString glossaryTooltip(const Volume &volume, const EntityRef &entity)
{
    const auto &glossary = entity.kind == EntityRef::Person ? volume.persons : volume.terms;
    const auto it = glossary.constFind(entity.id);
    if (it == glossary.constEnd() || it->name.isEmpty())
        return {};
    if (it->description.isEmpty())
        return it->name;
    return Tr::tr("%1, %2").arg(it->name, it->description);
}

} // namespace marginalia

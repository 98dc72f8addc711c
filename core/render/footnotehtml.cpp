// The hover popup's note: a small HTML fragment. Unlike the QTextDocument renderers this one writes
// markup, so every string from the model goes through toHtmlEscaped() and every link through linkUrl().
#include "documentrenderer.h"

#include "inlinewalk.h"
#include "links.h"
#include "model/volume.h"
#include "util/plaintext.h"
#include "util/translate.h"

#include <QCoreApplication>

namespace marginalia {

namespace {

QString escaped(QStringView text)
{
    return text.toString().toHtmlEscaped();
}

QString href(const LinkTarget &target)
{
    return escaped(linkUrl(target).toString(QUrl::FullyEncoded));
}

class HtmlVisitor : public InlineVisitor {
public:
    HtmlVisitor(const Volume &volume, const Document &doc, const Block &block, QString &out)
        : m_volume(volume), m_doc(doc), m_block(block), m_out(out) {}

    void point(const Anchor &anchor) override
    {
        if (anchor.kind != AnchorKind::FootnoteMarker || anchor.index < 0
            || std::size_t(anchor.index) >= m_doc.footnotes.size())
            return;
        m_out += QStringLiteral("<sup><a href=\"") + href({LinkTarget::Footnote, anchor.index, {}})
            + QStringLiteral("\">") + escaped(m_doc.footnotes[std::size_t(anchor.index)].label)
            + QStringLiteral("</a></sup>");
    }

    void text(const InlinePiece &piece) override
    {
        QString open;
        QString close;
        wrap(open, close, piece);
        m_out += open + escaped(QStringView(m_block.text).mid(piece.start, piece.end - piece.start)) + close;
    }

private:
    // Tags around a piece, innermost last; `close` is built in reverse.
    void wrap(QString &open, QString &close, const InlinePiece &piece) const
    {
        const auto tag = [&](const QString &start, const QString &end) {
            open += start;
            close.prepend(end);
        };
        if (piece.reference >= 0 && std::size_t(piece.reference) < m_doc.crossReferences.size())
            tag(QStringLiteral("<a href=\"") + href({LinkTarget::Reference, piece.reference, {}}) + QStringLiteral("\">"),
                QStringLiteral("</a>"));
        // Only a name the volume's lists explain is underlined (the title becomes a tooltip, which Qt
        // reads as markup again if it looks like some).
        const QString tip = piece.entity >= 0 && std::size_t(piece.entity) < m_doc.entities.size()
            ? glossaryTooltip(m_volume, m_doc.entities[std::size_t(piece.entity)])
            : QString();
        if (!tip.isEmpty())
            tag(QStringLiteral("<span style=\"text-decoration: underline dotted\" title=\"") + escaped(plainTooltip(tip))
                    + QStringLiteral("\">"),
                QStringLiteral("</span>"));
        const std::uint8_t s = piece.styles;
        if (s & Italic)
            tag(QStringLiteral("<i>"), QStringLiteral("</i>"));
        if (s & Bold)
            tag(QStringLiteral("<b>"), QStringLiteral("</b>"));
        if (s & Underline)
            tag(QStringLiteral("<u>"), QStringLiteral("</u>"));
        if (s & SmallCaps)
            tag(QStringLiteral("<span style=\"font-variant: small-caps\">"), QStringLiteral("</span>"));
        if (s & Superscript)
            tag(QStringLiteral("<sup>"), QStringLiteral("</sup>"));
        else if (s & Subscript)
            tag(QStringLiteral("<sub>"), QStringLiteral("</sub>"));
    }

    const Volume &m_volume;
    const Document &m_doc;
    const Block &m_block;
    QString &m_out;
};

} // namespace

QString footnoteHtml(const Volume &volume, const Document &doc, int footnote, const QString &citation)
{
    if (footnote < 0 || std::size_t(footnote) >= doc.footnotes.size())
        return {};
    const Footnote &note = doc.footnotes[std::size_t(footnote)];
    QString html;
    for (std::size_t i = 0; i < note.content.size(); ++i) {
        const Block &block = note.content[i];
        html += QStringLiteral("<p>");
        if (i == 0)
            html += QStringLiteral("<b>") + escaped(note.label) + QStringLiteral(".</b> ");
        HtmlVisitor visitor(volume, doc, block, html);
        walkInline(block, 0, int(block.text.size()), visitor);
        html += QStringLiteral("</p>");
    }
    if (note.content.empty())
        html += QStringLiteral("<p><b>") + escaped(note.label) + QStringLiteral(".</b></p>");
    if (!citation.isEmpty() && saysIbid(note.content)) {
        html += QStringLiteral("<p><i>")
            + escaped(Tr::tr("Ibid. = %1").arg(citation))
            + QStringLiteral("</i></p>");
    }
    return html;
}

} // namespace marginalia

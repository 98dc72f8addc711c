#include "textcopyhome.h"

namespace marginalia {

QString tailWithoutSpaces(const QString &text, int count)
{
    QString out;
    for (qsizetype i = text.size() - 1; i >= 0 && out.size() < count; --i) {
        if (!text[i].isSpace())
            out.prepend(text[i]);
    }
    return out;
}

TextCopyHome textCopyHomeOf(const Document &tei)
{
    TextCopyHome home{tei.id, tei.number, {}};
    for (const Footnote &note : tei.footnotes) {
        const Location &at = note.marker;
        const RichText &text = at.inBody() ? tei.body : tei.footnotes[std::size_t(at.footnote)].content;
        QString before;
        if (at.block >= 0 && std::size_t(at.block) < text.size())
            before = tailWithoutSpaces(text[std::size_t(at.block)].text.left(at.offset), 16);
        home.notes.push_back(TextCopyHome::Note{note.label, note.id, before});
    }
    return home;
}

} // namespace marginalia

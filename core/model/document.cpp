#include "document.h"

namespace marginalia {

int Document::footnoteIndex(const QString &id) const
{
    for (std::size_t i = 0; i < footnotes.size(); ++i) {
        if (footnotes[i].id == id)
            return int(i);
    }
    return -1;
}

const Footnote *Document::footnoteById(const QString &id) const
{
    const int i = footnoteIndex(id);
    return i < 0 ? nullptr : &footnotes[std::size_t(i)];
}

const PageBreak *Document::pageBreakByLabel(const QString &n) const
{
    for (const PageBreak &pb : pageBreaks) {
        if (pb.n == n)
            return &pb;
    }
    return nullptr;
}

const RichText &Document::textAt(const Location &where) const
{
    if (where.inBody())
        return body;
    return footnotes.at(std::size_t(where.footnote)).content;
}

} // namespace marginalia

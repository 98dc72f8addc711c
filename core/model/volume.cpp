#include "volume.h"

namespace marginalia {

int Volume::documentIndex(const QString &docId) const
{
    const auto it = ids.constFind(docId);
    if (it != ids.constEnd() && it->kind == IdTarget::Document)
        return it->document;
    for (std::size_t i = 0; i < documents.size(); ++i) {
        if (documents[i].id == docId)
            return int(i);
    }
    return -1;
}

const Document *Volume::document(const QString &docId) const
{
    const int i = documentIndex(docId);
    return i < 0 ? nullptr : &documents[std::size_t(i)];
}

std::vector<int> Volume::documentsNumbered(const QString &number) const
{
    std::vector<int> out;
    for (std::size_t i = 0; i < documents.size(); ++i) {
        if (documents[i].number == number)
            out.push_back(int(i));
    }
    return out;
}

QString Volume::pageAt(const Document &doc, const Location &where) const
{
    // Breaks inside a footnote count for that footnote only; a footnote otherwise lies on its marker's page.
    const Location at = where.inBody() || doc.footnotes.empty()
        ? where
        : doc.footnotes.at(std::size_t(where.footnote)).marker;
    QString page = doc.firstPage;
    for (const PageBreak &pb : doc.pageBreaks) {
        if (!pb.where.inBody())
            continue;
        if (pb.where.block < at.block || (pb.where.block == at.block && pb.where.offset <= at.offset))
            page = pb.n;
    }
    if (!where.inBody()) {
        for (const PageBreak &pb : doc.pageBreaks) {
            if (pb.where.footnote == where.footnote
                && (pb.where.block < where.block
                    || (pb.where.block == where.block && pb.where.offset <= where.offset)))
                page = pb.n;
        }
    }
    return page;
}

} // namespace marginalia

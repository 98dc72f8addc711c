#pragma once

#include <QByteArray>

#include <optional>
#include <vector>

namespace marginalia {

// Finds the byte spans of the documents (div type="document") of a TEI file with a plain byte scan,
// so that they can be parsed side by side. It only has to be right for well-formed files: whatever it
// gets wrong makes a part fail to parse, and the caller then reads the file in one sequential pass.
struct TeiSplit {
    struct Span {
        qsizetype begin = 0;    // at "<div"
        qsizetype tagEnd = 0;   // just after the start tag's '>'
        qsizetype end = 0;      // just after the matching "</div>"; == tagEnd for <div …/>
    };
    std::vector<Span> documents;
    QByteArray namespaces;      // the root element's xmlns declarations, to wrap each part
};

// Empty when the file holds something the scan does not handle (a DTD, an unterminated construct).
std::optional<TeiSplit> splitTeiDocuments(const QByteArray &data);

// A well-formed TEI file holding just documents [first, last), with the root's namespaces.
QByteArray wrapDocuments(const QByteArray &data, const TeiSplit &split, std::size_t first, std::size_t last);

// The file with every document's content removed (each becomes an empty div with its start tag).
QByteArray skeletonOf(const QByteArray &data, const TeiSplit &split);

} // namespace marginalia

#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>

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
    qsizetype crowdedTag = -1;  // at the '<' of a start tag with over kMaxAttributes attributes: the scan
                                // stopped there, and the file is to be refused
};

// More attributes than any FRUS element has by far. The XML parser (libxml2 2.9, as Qt's reader before
// it) checks each new attribute against all before it: 100,000 on one element would take one long step
// that cannot be cancelled.
constexpr int kMaxAttributes = 1000;

// The '<' of the first start tag with more than kMaxAttributes attributes, or -1: the same byte scan,
// for files read sequentially. Comments, CDATA sections and processing instructions are skipped.
qsizetype findCrowdedStartTag(const QByteArray &data);
// The error that refuses such a file, at the line and column of the tag's '<'.
Error crowdedTagError(const QByteArray &data, qsizetype at, const QString &fileName);

// Empty when the file holds something the scan does not handle (a DTD, an unterminated construct).
std::optional<TeiSplit> splitTeiDocuments(const QByteArray &data);

// A well-formed TEI file holding just documents [first, last), with the root's namespaces.
QByteArray wrapDocuments(const QByteArray &data, const TeiSplit &split, std::size_t first, std::size_t last);

// The file with every document's content removed (each becomes an empty div with its start tag).
QByteArray skeletonOf(const QByteArray &data, const TeiSplit &split);

} // namespace marginalia

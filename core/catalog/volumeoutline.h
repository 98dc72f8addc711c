#pragma once
#include "model/volume.h"
#include "util/result.h"
#include <QByteArray>
#include <QString>
#include <vector>
namespace marginalia {

// Where one document's <div type="document"> stands in its file: [begin, end) in bytes.
struct DocumentSpan { qint64 begin = -1; qint64 end = -1; };

// A volume without its documents' contents: everything a reader needs to list the volume, resolve
// references into it and open its documents one by one, with where each document sits in the file.
struct VolumeOutline {
    Volume volume;                      // documents hold id, number, title, place, date, subtype, firstPage,
                                        // division — no body, footnotes, references, page breaks, entities
    std::vector<DocumentSpan> spans;    // one per document; empty when the file cannot be read by parts
    QByteArray namespaces;              // the root element's xmlns declarations, to wrap a part
    qint64 fileSize = -1;               // the file as it was read, to notice it changed since
};

// The outline of a volume read whole from `fileData` (its file's bytes), in a compact versioned binary
// form for the catalog. Spans come from splitTeiDocuments() and are left out (lazy reading off) when the
// split does not match the volume's documents one for one.
QByteArray encodeVolumeOutline(const Volume &volume, const QByteArray &fileData);
Result<VolumeOutline> decodeVolumeOutline(const QByteArray &encoded, const QString &sourcePath);

// Document `index` read from its span of the file named outline.volume.sourcePath, equal to the same
// document of a whole-volume read (division and firstPage from the outline). Fails with FILE:0:0 and a
// message when the file changed size since it was indexed or the span does not parse.
Result<Document> readOutlinedDocument(const VolumeOutline &outline, int index);

} // namespace marginalia

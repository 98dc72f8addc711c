#pragma once

#include "model/volume.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

#include <utility>
#include <vector>

namespace marginalia {

// Where one document's <div type="document"> stands in its file: [begin, end) in bytes.
struct DocumentSpan {
    qint64 begin = -1;
    qint64 end = -1;
    // Where `begin` stands in the file, so that an error inside the span names the file's own line and
    // column: the 1-based line (0: unknown) and the characters before it on that line.
    qint64 line = 0;
    qint64 column = 0;
};

// A volume without its documents' contents: everything a reader needs to list the volume, resolve
// references into it and open its documents one by one, with where each document sits in the file.
struct VolumeOutline {
    Volume volume;                      // documents hold id, number, title, place, date, subtype, firstPage,
                                        // division, precedingCitations — no body, footnotes, references,
                                        // page breaks, entities
    std::vector<DocumentSpan> spans;    // one per document; empty when the file cannot be read by parts
    QByteArray namespaces;              // the root element's xmlns declarations, to wrap a part
    qint64 fileSize = -1;               // the file as it was read, to notice it changed since

    bool readableByParts() const { return !spans.empty() && spans.size() == volume.documents.size(); }
};

// The outline's binary form: a magic number and this version come first; decodeVolumeOutline refuses
// any other. Raise the version with any change to the layout (volumeoutline.cpp).
constexpr quint32 kVolumeOutlineMagic = 0x4D4F544C; // "MOTL"
constexpr quint32 kVolumeOutlineVersion = 3; // 2: documents keep their precedingCitations; 3: the header

// The outline of a volume read whole from `fileData` (its file's bytes), in a compact versioned binary
// form for the catalog. Spans come from splitTeiDocuments() and are left out (lazy reading off) when the
// split does not match the volume's documents one for one.
QByteArray encodeVolumeOutline(const Volume &volume, const QByteArray &fileData);
// Fails (never crashes) on bytes that are not an outline of this version, truncated or damaged: every
// count is bounded by the bytes left and every index checked, so the stub volume is safe to use.
Result<VolumeOutline> decodeVolumeOutline(const QByteArray &encoded, const QString &sourcePath);

// Document `index` read from its span of the file named outline.volume.sourcePath, equal to the same
// document of a whole-volume read (division and firstPage from the outline). Reads the span's bytes and
// nothing else of the file. Fails with FILE:0:0 and a message when the outline has no spans (read the
// file whole instead) or the file changed size since it was indexed; with the file's own LINE:COLUMN
// when the span does not parse; and when the span holds another document than the outline's.
Result<Document> readOutlinedDocument(const VolumeOutline &outline, int index);

// The outline's volume with the given documents (index, document) in place of their stubs: a whole Volume
// for code that takes one (Library, documentJson, terminalText). Indexes out of range are ignored.
Volume volumeWithDocuments(const VolumeOutline &outline, const std::vector<std::pair<int, Document>> &documents);

// A document without its contents, as the outline keeps it.
Document documentStub(const Document &document);

} // namespace marginalia

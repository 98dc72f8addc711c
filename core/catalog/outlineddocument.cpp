// readOutlinedDocument: one document read from its span of the file, the way the parallel reader reads
// a run of documents (core/parse/teiparallel.cpp), without reading the rest of the file.
#include "volumeoutline.h"

#include "fileio/inputfile.h"
#include "parse/teireader.h"
#include "parse/teisplitter.h"
#include "util/translate.h"

#include <QFile>

namespace marginalia {

namespace {

QString changedMessage()
{
    return Tr::tr("the file changed since it was added to the library; re-index it");
}

// The span's bytes, read with one seek; the file must still have the size it had when indexed.
Result<QByteArray> readSpan(const QString &path, qint64 fileSize, const DocumentSpan &span)
{
    // Opening a FIFO for reading would block until a writer comes.
    if (const QString kind = nonRegularKind(path); !kind.isEmpty())
        return fail(path, 0, 0, Tr::tr("not a regular file (%1)").arg(kind));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(path, 0, 0, Tr::tr("cannot open the file: %1").arg(file.errorString()));
    if (file.size() != fileSize)
        return fail(path, 0, 0, changedMessage());
    const qint64 length = span.end - span.begin;
    QByteArray bytes;
    if (!file.seek(span.begin) || (bytes = file.read(length)).size() != length)
        return fail(path, 0, 0, Tr::tr("cannot read the file: %1").arg(file.errorString()));
    return bytes;
}

// An error the reader reports in the wrapped part, moved to the file's own line and column: the part's
// first line is the wrapper's start plus the span's first line.
Error inTheFile(Error e, const DocumentSpan &span, qsizetype wrapperStart)
{
    if (e.line <= 0 || span.line <= 0) {
        e.line = e.column = 0;
        return e;
    }
    if (e.line == 1)
        e.column = std::max<qint64>(0, e.column - wrapperStart) + span.column;
    e.line += span.line - 1;
    return e;
}

} // namespace

Result<Document> readOutlinedDocument(const VolumeOutline &outline, int index)
{
    const QString &path = outline.volume.sourcePath;
    if (index < 0 || std::size_t(index) >= outline.volume.documents.size())
        return fail(path, 0, 0, Tr::tr("the volume has no document %1").arg(index + 1));
    if (!outline.readableByParts())
        return fail(path, 0, 0, Tr::tr("the volume cannot be read document by document; open it whole"));
    const DocumentSpan &span = outline.spans[std::size_t(index)];
    Result<QByteArray> bytes = readSpan(path, outline.fileSize, span);
    if (!bytes)
        return fail(bytes.error());

    TeiSplit split;
    split.namespaces = outline.namespaces;
    split.documents.push_back({0, 0, bytes->size()});
    const QByteArray part = wrapDocuments(*bytes, split, 0, 1);
    TeiReader reader(part, path, {});
    reader.readAsDocumentRun();
    Result<Volume> run = reader.read();
    if (!run) {
        // Where the span starts in the part: after the wrapper's start, which is ASCII (bytes = characters).
        const qsizetype wrapperStart = part.indexOf(QByteArrayView(*bytes).first(std::min<qsizetype>(bytes->size(), 64)));
        return fail(inTheFile(run.error(), span, wrapperStart));
    }
    const Document &stub = outline.volume.documents[std::size_t(index)];
    if (run->documents.size() != 1 || run->documents.front().id != stub.id)
        return fail(path, span.line, span.column + 1, changedMessage());
    Document document = std::move(run->documents.front());
    // What the merge of a parallel read gives it: the division it stands in, the page it starts on.
    document.division = stub.division;
    document.firstPage = stub.firstPage;
    // And what the whole-volume step that carries Ibid. across documents gave it (see TeiParser::parse).
    document.precedingCitations = stub.precedingCitations;
    return document;
}

} // namespace marginalia

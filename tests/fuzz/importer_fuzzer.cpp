// One libFuzzer entry point, built twice: for the TEI importer and for the text-copy importer.
// Any input must give a Volume or an Error, never a crash, a hang or a leak.
#include "model/readingtext.h"
#include "parse/teiparser.h"
#include "parse/textcopyparser.h"

#include <QByteArray>
#include <QCoreApplication>

#include <cstddef>
#include <cstdint>

namespace {

using namespace marginalia;

#if defined(MARGINALIA_FUZZ_TEI)
using Parser = TeiParser;
#elif defined(MARGINALIA_FUZZ_TEXTCOPY)
using Parser = TextCopyParser;
#else
#error "define MARGINALIA_FUZZ_TEI or MARGINALIA_FUZZ_TEXTCOPY"
#endif

// Touches everything a reader would, so a model with indexes out of range shows up under ASan.
void walk(const Volume &volume)
{
    for (const Document &doc : volume.documents) {
        const ReadingText reading(doc.body);
        for (const Footnote &note : doc.footnotes) {
            if (note.marker.inBody())
                (void)reading.offsetOf(note.marker);
            (void)plainText(note.content);
        }
        for (const PageBreak &page : doc.pageBreaks)
            (void)volume.pageAt(doc, page.where);
        for (const Block &block : doc.body) {
            for (const Anchor &anchor : block.anchors)
                (void)block.text.mid(anchor.start, anchor.end - anchor.start);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const Result<Volume> volume = Parser::parse(bytes, QStringLiteral("fuzz"));
    if (volume)
        walk(*volume);
    else
        (void)volume.error().toString();
#if defined(MARGINALIA_FUZZ_TEXTCOPY)
    // Read again as a copy of the document it gave, as when its volume is open (every marker looked for
    // after the characters the first reading has before it).
    if (volume && !volume->documents.empty()) {
        const Result<Volume> again = Parser::parse(bytes, QStringLiteral("fuzz"), textCopyHomeOf(volume->documents.front()));
        if (again)
            walk(*again);
    }
#endif
    return 0;
}

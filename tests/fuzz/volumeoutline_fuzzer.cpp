// Fuzzes decodeVolumeOutline (core/catalog), which reads bytes from the library's database: any input
// gives an Error or an outline whose every index names something, never a crash, a hang or a leak.
// An outline it accepts is used as the window would: its references resolved in a Library, encoded
// again (which must decode to the same), and its documents read from their spans of a real file (the
// seeds, tests/fuzz/seeds/outline-*.bin, are that file's outline and its fields, so mutated spans cut
// the real volume at arbitrary bytes).
#include "catalog/outlineframe.h"
#include "catalog/volumeoutline.h"
#include "library/library.h"

#include <QByteArray>
#include <QCoreApplication>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

using namespace marginalia;

[[noreturn]] void reportBug(const char *what)
{
    std::fprintf(stderr, "volumeoutline_fuzzer: %s\n", what);
    std::abort();
}

void use(const VolumeOutline &outline)
{
    const Volume &v = outline.volume;
    Library library;
    library.add(std::make_shared<const Volume>(v));
    for (auto it = v.ids.cbegin(); it != v.ids.cend(); ++it) {
        if (const auto target = library.resolve(0, QLatin1Char('#') + it.key()); target && target->document >= 0)
            (void)v.documents.at(std::size_t(target->document)).title;
    }
    for (const Document &d : v.documents) {
        if (d.division >= 0)
            (void)v.divisions.at(std::size_t(d.division)).title;
    }
    const QByteArray again = encodeVolumeOutline(v, {});
    const Result<VolumeOutline> decoded = decodeVolumeOutline(again, v.sourcePath);
    if (!decoded)
        reportBug("an outline it accepted, encoded again, is refused");
    if (encodeVolumeOutline(decoded->volume, {}) != again)
        reportBug("an outline encoded, decoded and encoded again changed");
    // A handful of documents at most, so that an input with thousands of spans stays quick.
    for (std::size_t i = 0; i < outline.spans.size() && i < 8; ++i)
        (void)readOutlinedDocument(outline, int(i));
}

void decode(const QByteArray &bytes)
{
    const Result<VolumeOutline> outline = decodeVolumeOutline(bytes, QStringLiteral(MARGINALIA_FUZZ_VOLUME_FILE));
    if (outline)
        use(*outline);
    else if (outline.error().message.isEmpty())
        reportBug("an outline was refused without a message");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    return 0;
}

// The input as an outline (the frame, zlib), and as the fields inside one: mutated compressed bytes
// rarely get past zlib's checksum, so the second is what reaches the checks of counts and indexes.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    decode(bytes);
    decode(framedOutline(bytes));
    return 0;
}

// A placeholder until the lazy reading lands (the lead replaces this file at the merge): no outline is
// stored, and nothing can be read by parts.
#include "volumeoutline.h"

#include "util/translate.h"

namespace marginalia {

QByteArray encodeVolumeOutline(const Volume &, const QByteArray &)
{
    return {};
}

Result<VolumeOutline> decodeVolumeOutline(const QByteArray &, const QString &sourcePath)
{
    return fail(sourcePath, 0, 0, Tr::tr("not implemented"));
}

Result<Document> readOutlinedDocument(const VolumeOutline &outline, int)
{
    return fail(outline.volume.sourcePath, 0, 0, Tr::tr("not implemented"));
}

} // namespace marginalia

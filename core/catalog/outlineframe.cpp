#include "outlineframe.h"

#include "util/translate.h"
#include "volumeoutline.h"

#include <QtEndian>

#include <zlib.h>

namespace marginalia {

namespace {

constexpr qsizetype kHeaderBytes = 12;
// Far above any volume's outline (the largest FRUS volumes give a few hundred KB), far below what a
// damaged size could make the decoder allocate.
constexpr quint32 kMaxFieldsBytes = 64 * 1024 * 1024;
// Deflate shrinks by at most about 1032 to 1, so a frame declaring more than that is damaged.
constexpr qint64 kMaxRatio = 1100;

Unexpected<Error> damaged(const QString &sourcePath)
{
    return fail(sourcePath, 0, 0, Tr::tr("the library's outline of this volume is damaged; re-index the volume"));
}

} // namespace

QByteArray framedOutline(const QByteArray &fields)
{
    uLongf compressedSize = compressBound(uLong(fields.size()));
    QByteArray framed(kHeaderBytes + qsizetype(compressedSize), Qt::Uninitialized);
    auto *header = reinterpret_cast<uchar *>(framed.data());
    qToBigEndian(kVolumeOutlineMagic, header);
    qToBigEndian(kVolumeOutlineVersion, header + 4);
    qToBigEndian(quint32(fields.size()), header + 8);
    const int status = compress2(header + kHeaderBytes, &compressedSize,
                                 reinterpret_cast<const Bytef *>(fields.constData()), uLong(fields.size()), 1);
    if (status != Z_OK) // only when out of memory: no outline, and the caller reads the volume whole
        return {};
    framed.resize(kHeaderBytes + qsizetype(compressedSize));
    return framed;
}

Result<QByteArray> outlineFields(const QByteArray &framed, const QString &sourcePath)
{
    const auto *header = reinterpret_cast<const uchar *>(framed.constData());
    if (framed.size() < kHeaderBytes || qFromBigEndian<quint32>(header) != kVolumeOutlineMagic)
        return fail(sourcePath, 0, 0, Tr::tr("the library holds no outline of this volume it can read; re-index the volume"));
    if (const auto version = qFromBigEndian<quint32>(header + 4); version != kVolumeOutlineVersion) {
        return fail(sourcePath, 0, 0,
                    Tr::tr("the library's outline of this volume has format %1, this Marginalia reads format %2; "
                           "re-index the volume")
                        .arg(version)
                        .arg(kVolumeOutlineVersion));
    }
    const auto size = qFromBigEndian<quint32>(header + 8);
    const qint64 compressed = framed.size() - kHeaderBytes;
    if (size > kMaxFieldsBytes || qint64(size) > compressed * kMaxRatio)
        return damaged(sourcePath);
    QByteArray fields(qsizetype(size), Qt::Uninitialized);
    uLongf got = size;
    uLong used = uLong(compressed);
    // zlib checks the stream's own checksum (Adler-32), so most damage is refused here; bytes after the
    // stream are damage too.
    if (uncompress2(reinterpret_cast<Bytef *>(fields.data()), &got, header + kHeaderBytes, &used) != Z_OK
        || got != size || used != uLong(compressed))
        return damaged(sourcePath);
    return fields;
}

} // namespace marginalia

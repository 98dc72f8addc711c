#include "inputfile.h"

#include "util/translate.h"

#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

namespace marginalia {

namespace {

QString kindOf(mode_t mode)
{
    if (S_ISDIR(mode))
        return Tr::tr("a folder");
    if (S_ISFIFO(mode))
        return Tr::tr("a FIFO");
    if (S_ISCHR(mode))
        return Tr::tr("a character device");
    if (S_ISBLK(mode))
        return Tr::tr("a block device");
    if (S_ISSOCK(mode))
        return Tr::tr("a socket");
    return S_ISREG(mode) ? QString() : Tr::tr("not a file");
}

// Qt resources (":/sample/…", the bundled sample) are compiled in: regular files with no inode to stat.
bool isResource(const QString &path)
{
    return path.startsWith(QLatin1Char(':')) || path.startsWith(QLatin1String("qrc:"));
}

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024 * 1024), 'f', bytes < 10 * 1024 * 1024 ? 1 : 0);
}

} // namespace

QString nonRegularKind(const QString &path)
{
    struct stat st {};
    if (isResource(path) || ::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return kindOf(st.st_mode);
}

Result<QByteArray> readInputFile(const QString &path, qint64 limit)
{
    struct stat st {};
    if (isResource(path)) {
        st.st_mode = S_IFREG;
        st.st_size = QFileInfo(path).size();
    } else if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
        return fail(path, 0, 0, Tr::tr("cannot open the file: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    }
    if (const QString kind = kindOf(st.st_mode); !kind.isEmpty())
        return fail(path, 0, 0, Tr::tr("not a regular file (%1)").arg(kind));
    const auto tooLarge = [&](qint64 size) {
        return fail(path, 0, 0, Tr::tr("the file is too large (%1 MB; at most %2 MB is read)").arg(megabytes(size), megabytes(limit)));
    };
    if (st.st_size > limit)
        return tooLarge(st.st_size);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(path, 0, 0, Tr::tr("cannot open the file: %1").arg(file.errorString()));
    // One byte more than the limit tells a file that grew past it from one that is exactly at it.
    QByteArray data = file.read(limit + 1);
    if (file.error() != QFileDevice::NoError)
        return fail(path, 0, 0, Tr::tr("cannot read the file: %1").arg(file.errorString()));
    if (data.size() > limit)
        return tooLarge(data.size());
    return data;
}

} // namespace marginalia
